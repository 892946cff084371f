// `npm run serve -- [--demo] [--data-dir d] [--port p] [--pos-api] …`: the headless shell as a CLI.
// Prints the URL to open (with the bridge token in the fragment) and, if on, the POS API's URL and
// token once. SIGTERM / SIGINT stop it gracefully.
import { createRedactingLogger } from '../host/redacting-logger.ts';
import { givenToken } from '../pos-api/pos-api-token.ts';
import { parseServeArgs, USAGE } from './serve-options.ts';
import { startHeadless, type HeadlessService } from './start-headless.ts';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function main(argv: string[]): Promise<void> {
  let options;
  try {
    options = parseServeArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    say(USAGE);
    return;
  }
  const log = createRedactingLogger((line) => process.stderr.write(line));
  let service: HeadlessService;
  try {
    service = await startHeadless({
      dataDir: options.dataDir,
      demo: options.demo,
      host: options.host,
      port: options.port,
      allowNonLoopback: options.allowNonLoopback,
      posApi: options.posApi,
      posApiToken: givenToken(options.posApiToken, process.env.POS_API_TOKEN),
      printer: options.printer,
      signAtUrl: options.signAtUrl,
      log,
    });
  } catch (error) {
    process.stderr.write(`Kassen-Companion startet nicht: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }

  say(`Kassen-Companion läuft${options.demo ? ' im DEMO-Modus' : ''}. Daten: ${options.dataDir}`);
  say(`Im Browser öffnen: ${service.url}`);
  if (service.posApi.enabled) {
    say(`POS-API: ${service.posApi.url ?? '–'}  (OpenAPI: ${service.posApi.openapiUrl ?? '–'})`);
    if (service.posApi.tokenSource === 'generated') say(`POS-API-Token: ${service.posApi.token ?? '–'}`);
  }
  say('Beenden mit Strg+C.');

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
      });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (import.meta.main) await main(process.argv.slice(2));
