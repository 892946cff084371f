// `npm run dep:verify -- FILE [--crypto MATERIAL.json] [--json] [--workers N]`: checks any DEP7 export
// (this app's or another till's) for an auditor or tax adviser, without trusting the app that wrote it.
// Each finding is printed as soon as it is certain, with its receipt number and place in the file, then
// the summary, then one line with the verdict. Exit code 0: valid, 1: invalid, 2: not checkable (file
// missing, not a DEP, unusable crypto material, wrong arguments). With --json the same report is one
// JSON document on stdout (its findings streamed as they come).
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT_CODE_OF, type DepFinding } from '../../src-shared/dep-verify-report.ts';
import { checkDepFile, type DepFileOutcome } from './dep-file-check.ts';
import { findingLine, summaryLines, verdictLine } from './dep-report-text.ts';

const USAGE = 'Aufruf: npm run dep:verify -- DATEI [--crypto KRYPTOMATERIAL.json] [--json] [--workers N]';

function usageError(message: string): never {
  process.stdout.write(`NICHT PRÜFBAR: ${message}\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({
      options: {
        crypto: { type: 'string' },
        json: { type: 'boolean' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const option = error instanceof Error ? (/'(-[^'\s]*)/.exec(error.message)?.[1] ?? '') : '';
    const code = (error as NodeJS.ErrnoException | null)?.code;
    return usageError(
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? `${option || 'eine Option'} braucht einen Wert`
        : `unbekannte Option ${option}`.trim(),
    );
  }
}

// npm runs scripts in the project folder; a path the user typed is meant from where they typed it.
const userDir = process.env.INIT_CWD ?? process.cwd();
const fromUser = (path: string) => (isAbsolute(path) ? path : resolve(userDir, path));

const { values, positionals } = readArguments();
if (values.help === true) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (positionals.length !== 1)
  usageError(positionals.length === 0 ? 'keine DEP-Datei angegeben' : 'nur eine DEP-Datei auf einmal');
let workers: number | undefined;
if (values.workers !== undefined) {
  workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    usageError('--workers: eine ganze Zahl von 1 bis 64');
}
const file = fromUser(positionals[0] ?? '');
const cryptoFile = values.crypto === undefined ? null : fromUser(values.crypto);
const json = values.json === true;

// `| head` closing the pipe ends the output, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const out = (text: string) => process.stdout.write(text);

let findings = 0;
function printFinding(finding: DepFinding): void {
  if (json) out(`${findings === 0 ? '' : ','}\n    ${JSON.stringify(finding)}`);
  else out(`${findingLine(finding)}\n`);
  findings += 1;
}

if (json)
  out(
    `{\n  "file": ${JSON.stringify(file)},\n  "cryptoFile": ${JSON.stringify(cryptoFile)},\n  "findings": [`,
  );
else out(`DEP-Prüfung: ${file}${cryptoFile === null ? '' : ` mit Kryptomaterial ${cryptoFile}`}\n`);

let outcome: DepFileOutcome;
try {
  outcome = await checkDepFile(file, {
    cryptoPath: cryptoFile,
    onFinding: printFinding,
    onWorkerLost: (reason) =>
      process.stderr.write(
        `Hinweis: ein Prüf-Thread ist ausgefallen (${reason}); die Prüfung läuft ohne ihn weiter\n`,
      ),
    ...(workers === undefined ? {} : { workers }),
  });
} catch (error) {
  // Never 0 or 1 for a check that did not finish: those say something about the DEP.
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  const reason = `die Prüfung ist abgebrochen (${error instanceof Error ? error.message : String(error)})`;
  outcome = { verdict: 'unusable', unusable: reason, errors: 0, summary: null };
}
const exitCode = EXIT_CODE_OF[outcome.verdict];
if (json) {
  out(
    `${findings === 0 ? '' : '\n  '}],\n  "findingsOmitted": 0,\n  "errors": ${outcome.errors},\n  "summary": ${JSON.stringify(outcome.summary)},\n  "verdict": ${JSON.stringify(outcome.verdict)},\n  "exitCode": ${exitCode},\n  "message": ${JSON.stringify(verdictLine(outcome))},\n  "unusable": ${JSON.stringify(outcome.unusable)}\n}\n`,
  );
} else {
  if (outcome.summary !== null) out(`\n${summaryLines(outcome.summary).join('\n')}\n\n`);
  out(`${verdictLine(outcome)}\n`);
}
process.exitCode = exitCode;
