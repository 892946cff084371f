// Run as a child process by the journal-scale benchmark: starts the app on a data dir as a shell does
// (headless host, createApp) and fetches what the first screen shows, status and the recent receipts;
// then prints the timings as one JSON line and exits. performance.now() counts from process start.
import type { Logger } from '../src-main/host/app-host.ts';

const importStarted = performance.now();
const { createApp } = await import('../src-main/app.ts');
const { createDataFolderHost } = await import('../src-main/host/data-folder-host.ts');
const imported = performance.now();

const silent: Logger = { info() {}, warn() {}, error() {} };
const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: node bench/app-start-probe.ts <data dir>');
const host = createDataFolderHost(dataDir, silent);
const app = await createApp(host, { mode: 'live' });
const created = performance.now();
const status = await app.handlers.status(undefined);
const recent = await app.handlers.recentReceipts({ limit: 20 });
const ready = performance.now();
process.stdout.write(
  `${JSON.stringify({
    bootMs: importStarted,
    importMs: imported - importStarted,
    createAppMs: created - imported,
    firstDataMs: ready - created,
    readyMs: ready,
    setup: status.setup,
    recent: recent.length,
  })}\n`,
);
await app.close();
process.exit(0);
