// Run as a child by the renderer benchmark: the headless shell in demo mode (startHeadless, as
// `npm run serve -- --demo` runs it) serving a given renderer build. Prints the URL with the bridge
// token as one line, then serves until its stdin closes.
import { once } from 'node:events';
import type { Logger } from '../src-main/host/app-host.ts';
import { startHeadless } from '../src-main/headless/start-headless.ts';

const [dataDir, rendererDir] = process.argv.slice(2);
if (dataDir === undefined || rendererDir === undefined) {
  throw new Error('usage: node bench/headless-demo-child.ts <data dir> <renderer dir>');
}
const log: Logger = {
  info() {},
  warn() {},
  error(message, fields) {
    process.stderr.write(`  [headless] ERROR ${message} ${fields ? JSON.stringify(fields) : ''}\n`);
  },
};
const service = await startHeadless({
  dataDir,
  demo: true,
  host: '127.0.0.1',
  port: 0,
  allowNonLoopback: false,
  posApi: false,
  posApiToken: null,
  rendererDir,
  log,
});
process.stdout.write(`${service.url}\n`);
process.stdin.resume();
await once(process.stdin, 'end');
await service.close();
process.exit(0);
