// Finds a runnable Electron binary without ever hanging. Requiring the `electron` package would start
// a synchronous download when the binary is missing, so we read the path it reports (path.txt) and
// check the file ourselves; a download, if wanted, runs as a child process with a timeout.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE_TIMEOUT_MS = 15_000;

type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/** Where to look; tests hand in a package folder and an environment of their own. */
interface ElectronLookup {
  /** The installed `electron` package (node_modules/electron of this repo by default). */
  packageDir?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

function reportedPath(packageDir: string): string | null {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .at(-1)
      ?.trim() ?? ''
  );
}

/** Runs the package's own installer (which downloads the binary) in a child, bounded by `timeoutMs`. */
function tryDownload(packageDir: string, timeoutMs: number, env: NodeJS.ProcessEnv): string | null {
  const install = join(packageDir, 'install.js');
  if (!existsSync(install)) return 'das Paket "electron" ist nicht installiert';
  const result = spawnSync(process.execPath, [install], {
    cwd: packageDir,
    env,
    timeout: timeoutMs,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return `Download nach ${Math.round(timeoutMs / 1000)} s abgebrochen`;
  }
  if (result.status !== 0)
    return `Download fehlgeschlagen: ${lastLine(result.stderr ?? '') || `Status ${result.status}`}`;
  return null;
}

/**
 * A binary that exists and starts. `downloadTimeoutMs` > 0 tries to fetch a missing binary first;
 * 0 only looks (tests never touch the network).
 */
export function findElectronBinary(downloadTimeoutMs: number, lookup: ElectronLookup = {}): ElectronBinary {
  const {
    packageDir = join(REPO_ROOT, 'node_modules', 'electron'),
    env = process.env,
    platform = process.platform,
  } = lookup;
  if (env.KASSEN_COMPANION_NO_ELECTRON === '1') {
    return { ok: false, reason: 'abgeschaltet mit KASSEN_COMPANION_NO_ELECTRON=1' };
  }
  let path = reportedPath(packageDir);
  // A missing binary is the first reason to name: with it a screen would not help (the test skips
  // with this line in CI, where it cannot be downloaded).
  if (!path && downloadTimeoutMs <= 0) {
    return { ok: false, reason: 'die Electron-Programmdatei fehlt (nicht heruntergeladen)' };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'kein Bildschirm (weder DISPLAY noch WAYLAND_DISPLAY gesetzt)' };
  }
  if (!path) {
    const failure = tryDownload(packageDir, downloadTimeoutMs, env);
    path = reportedPath(packageDir);
    if (!path) return { ok: false, reason: failure ?? 'die Electron-Programmdatei fehlt nach dem Download' };
  }
  // A binary can exist and still not run (missing system libraries): ask it for its version first.
  const probe = spawnSync(path, ['--version'], {
    timeout: PROBE_TIMEOUT_MS,
    encoding: 'utf8',
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.status !== 0) {
    return {
      ok: false,
      reason: `Electron startet nicht: ${lastLine(probe.stderr ?? '') || probe.error?.message || 'unbekannt'}`,
    };
  }
  return { ok: true, path };
}
