// Reads the setup file of `--onboard` for either shell, before anything is opened or written: a file
// that cannot be read, is not JSON or has any wrong field stops the start with every problem named by
// its JSON path. The file is only read, never written (it holds secrets the merchant deletes).
import { readFileSync } from 'node:fs';
import { parseSetupFile, type UnattendedSetup } from '../../src-shared/onboarding-file.ts';

type SetupFileRead = { ok: true; setup: UnattendedSetup } | { ok: false; lines: string[] };

function unreadable(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${path}: Datei nicht gefunden`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: keine Berechtigung zum Lesen`;
  if (code === 'EISDIR') return `${path}: ist ein Ordner, keine Datei`;
  return `${path}: nicht lesbar (${code ?? String(error)})`;
}

export function readSetupFile(path: string): SetupFileRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, lines: [unreadable(path, error)] };
  }
  let json: unknown;
  try {
    // An editor's byte-order mark is not part of the JSON.
    json = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    return { ok: false, lines: [`${path}: kein gültiges JSON (${(error as Error).message})`] };
  }
  const parsed = parseSetupFile(json);
  if (parsed.ok) return { ok: true, setup: parsed.setup };
  const count = parsed.problems.length;
  return {
    ok: false,
    lines: [
      `${path}: ${count === 1 ? '1 Fehler' : `${count} Fehler`}, nichts wurde eingerichtet:`,
      ...parsed.problems.map(
        (problem) => `  ${problem.path === '' ? '(Datei)' : problem.path}: ${problem.message}`,
      ),
    ],
  };
}

/** `--sign-at-url` and the file's `signat_url` may both be given only if they agree. */
export function signAtUrlOf(flag: string | undefined, setup: UnattendedSetup | null): string | undefined {
  const fromFile = setup?.signAtUrl ?? undefined;
  if (flag !== undefined && fromFile !== undefined && flag !== fromFile) {
    throw new Error(
      `--sign-at-url (${flag}) und signat_url der Einrichtungsdatei (${fromFile}) widersprechen sich`,
    );
  }
  return flag ?? fromFile;
}
