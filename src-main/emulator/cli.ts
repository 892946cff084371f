import { parseArgs } from 'node:util';
import { startEmulator } from './sign-at-emulator.ts';

// `npm run emulator -- --port <p> [--data-dir <d>] [--api-key <k> --api-secret <s>] [--scu-pending-ms <ms>]`
// The first line on stdout is the base URL alone, so that scripts can read it.

const USAGE =
  'usage: npm run emulator -- --port <p> [--data-dir <dir>] [--api-key <key> --api-secret <secret>] [--scu-pending-ms <ms>]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function nonNegativeInteger(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) fail(`--${name} must be a whole number ≥ 0`);
  return value;
}

function readOptions() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'api-key': { type: 'string' },
        'api-secret': { type: 'string' },
        'scu-pending-ms': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const values = readOptions();
if (values.help === true) {
  console.log(USAGE);
  process.exit(0);
}
if ((values['api-key'] === undefined) !== (values['api-secret'] === undefined)) {
  fail('--api-key and --api-secret go together');
}
const port = nonNegativeInteger(values.port, 'port', 0);
if (port > 65535) fail('--port must be at most 65535');

const emulator = await startEmulator({
  port,
  dataDir: values['data-dir'],
  apiKey: values['api-key'],
  apiSecret: values['api-secret'],
  scuPendingMs: nonNegativeInteger(values['scu-pending-ms'], 'scu-pending-ms', 0),
});
console.log(emulator.baseUrl);
console.error(
  [
    'SIGN AT emulator (TEST environment, not fiskaly).',
    `  API:      ${emulator.baseUrl}`,
    `  control:  ${emulator.controlUrl}/faults, ${emulator.controlUrl}/clock`,
    `  state:    ${values['data-dir'] ?? 'in memory (lost on exit; use --data-dir to keep it)'}`,
    `  accepts:  ${values['api-key'] === undefined ? 'any non-empty api_key/api_secret' : 'only the given key pair'}`,
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
