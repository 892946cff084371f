// `npm run serve -- [--demo] [--data-dir d] [--port p] [--pos-api] …`: the headless shell as a CLI.
// Prints the URL to open (with the bridge token in the fragment) and, if on, the POS API's URL and
// token once. SIGTERM / SIGINT stop it gracefully. A start that fails says why and what to do next on
// stderr, in the merchant's language, and leaves the same in the log file of the data folder. With
// --onboard it then sets the register up from a file (or takes one over), one line per step.
import { createRedactingLogger } from '../host/redacting-logger.ts';
import { assertBindAllowed } from '../pos-api/loopback-address.ts';
import type { UnattendedSetup } from '../../src-shared/onboarding-file.ts';
import { runSetupFile } from '../app/unattended-setup-run.ts';
import { givenToken } from '../pos-api/pos-api-token.ts';
import { followJournalMigration, type MigrationTexts } from '../shell/journal-migration-progress.ts';
import { openLogFile } from '../shell/log-file.ts';
import { readSetupFile, signAtUrlOf } from '../shell/setup-file-reader.ts';
import { reportAccessRenewal, reportStartUpFailure } from '../shell/start-up-report.ts';
import { startUpMessageText } from '../shell/start-up-messages.ts';
import { languageInDataDir } from '../shell/stored-language.ts';
import { parseServeArgs, USAGE } from './serve-options.ts';
import { startHeadless, type HeadlessService } from './start-headless.ts';

/** Without --port, a taken port moves the service on to one of the next ports. */
const NEXT_PORTS = 20;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function main(argv: string[]): Promise<void> {
  let options;
  let posApiToken;
  try {
    options = parseServeArgs(argv);
    // A command line that could never work is refused before the data folder is touched.
    assertBindAllowed(options.host, options.allowNonLoopback);
    posApiToken = givenToken(options.posApiToken, process.env.POS_API_TOKEN);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exitCode = options ? 1 : 2;
    return;
  }
  if (options.help) {
    say(USAGE);
    return;
  }
  // The setup file is checked before anything is opened or written: a wrong one changes nothing.
  let setup: UnattendedSetup | null = null;
  let signAtUrl: string | undefined;
  try {
    if (options.onboard !== undefined) {
      const read = readSetupFile(options.onboard);
      if (!read.ok) throw new Error(read.lines.join('\n'));
      setup = read.setup;
    }
    signAtUrl = signAtUrlOf(options.signAtUrl, setup);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const logFile = openLogFile(options.dataDir);
  const fileLog = createRedactingLogger((line) => logFile.write(line));
  const log = createRedactingLogger((line) => {
    process.stderr.write(line);
    logFile.write(line);
  });
  // The first start after an update that migrates a long journal: a line per tenth on stdout.
  let migrationTexts: MigrationTexts | null = null;
  const migration = followJournalMigration(
    {
      open(texts, percent) {
        migrationTexts = texts;
        say(`${texts.title}. ${texts.text}`);
        say(texts.done(percent));
      },
      update: (percent) => say(migrationTexts?.done(percent) ?? `${percent} %`),
      close() {},
    },
    () => languageInDataDir(options.dataDir),
    10,
  );
  let service: HeadlessService;
  try {
    service = await startHeadless({
      dataDir: options.dataDir,
      demo: options.demo,
      host: options.host,
      port: options.port,
      nextPorts: options.portGiven ? 0 : NEXT_PORTS,
      allowNonLoopback: options.allowNonLoopback,
      posApi: options.posApi,
      posApiToken,
      printer: options.printer,
      signAtUrl,
      onJournalMigration: (progress) => migration.onProgress(progress),
      log,
    });
  } catch (error) {
    // The log file gets the line; stderr gets the text meant for a person, not a log line.
    const report = reportStartUpFailure(error, options.dataDir, fileLog);
    process.stderr.write(startUpMessageText(report.message));
    if (logFile.path) process.stderr.write(`Protokoll: ${logFile.path}\n`);
    logFile.close();
    process.exitCode = 1;
    return;
  }

  say(`Kassen-Companion läuft${options.demo ? ' im DEMO-Modus' : ''}. Daten: ${options.dataDir}`);
  if (service.portInUse !== null) {
    say(
      `Port ${service.portInUse} ist von einem anderen Programm belegt; Kassen-Companion läuft deshalb auf ` +
        `Port ${new URL(service.origin).port} (einen festen Port wählt --port).`,
    );
  }
  say(`Im Browser öffnen: ${service.url}`);
  if (service.posApi.enabled) {
    say(`POS-API: ${service.posApi.url ?? '–'}  (OpenAPI: ${service.posApi.openapiUrl ?? '–'})`);
    if (service.posApi.tokenSource === 'generated') say(`POS-API-Token: ${service.posApi.token ?? '–'}`);
  }
  if (service.accessRenewal) {
    const { message } = reportAccessRenewal(service.accessRenewal, options.dataDir, fileLog);
    process.stderr.write(startUpMessageText(message));
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info('wird beendet', { signal });
    service
      .close()
      .then(() => log.info('beendet'))
      .catch((error: unknown) => {
        log.error('Beenden mit Fehler', { error });
        process.exitCode = 1;
      })
      .finally(() => logFile.close());
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  if (setup !== null && options.onboard !== undefined) {
    const warn = (line: string) => process.stderr.write(`${line}\n`);
    const done = await runSetupFile(service, setup, options.onboard, { say, warn });
    if (!done) {
      // A provider's script reads the exit code; the next run with the same file goes on from here.
      if (!stopping) stop('SIGTERM');
      process.exitCode = 1;
      return;
    }
  }
  say('Beenden mit Strg+C.');
}

if (import.meta.main) await main(process.argv.slice(2));
