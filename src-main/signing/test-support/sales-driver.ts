// The app core in a process of its own, so a test can kill it with SIGKILL in the middle of a burst of
// sales and start it again on the same journal.
//   burst: sells `--sales` receipts, `--concurrency` at a time; prints "signed <id> <state>" for each
//          receipt handed out (the cashier has it), then "done".
//          A sale journaled (accepted) and still waiting for SIGN AT after 50 ms (the pipeline's pending
//          notice) is announced as "accepted <id>".
//   drain: resumes whatever the journal still holds, prints "drained" once nothing waits, and exits.
// --sign-timeout-ms: how long a sale waits for SIGN AT before it goes offline (default 60 s).
// With --printer-port the receipts go to a network printer on 127.0.0.1 through the app's print
// service and its journal of print jobs, started up as createApp does; without it they print nowhere.
import { parseArgs } from 'node:util';
import { Journal } from '../../journal/journal.ts';
import { DEMO_COMPANY } from '../../onboarding/demo-company.ts';
import { createPrintService, PRINTER_SETTINGS_KEY, type PrintService } from '../../printing/print-service.ts';
import { memorySettingsStore } from '../../settings/memory-settings-store.test-support.ts';
import { journaledPrintJobs, owedPrints } from '../print-job-journal.ts';
import type { PrintReceipt } from '../print-port.ts';
import { SigningPipeline } from '../signing-pipeline.ts';
import { FAST_SIGNING, QUIET_LOG, sale, testClient } from './register-fixture.ts';

const { values } = parseArgs({
  options: {
    journal: { type: 'string' },
    'base-url': { type: 'string' },
    'api-key': { type: 'string' },
    'register-id': { type: 'string' },
    'kassen-id': { type: 'string' },
    mode: { type: 'string' },
    sales: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '4' },
    'printer-port': { type: 'string' },
    'sign-timeout-ms': { type: 'string', default: '60000' },
  },
  strict: true,
});

function required(name: keyof typeof values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') {
    process.stderr.write(`--${name} fehlt\n`);
    process.exit(2);
  }
  return value;
}

const journal = Journal.open(required('journal'));
const registerId = required('register-id');

function networkPrinter(port: number): PrintService {
  const settings = memorySettingsStore({
    [PRINTER_SETTINGS_KEY]: {
      connection: { kind: 'tcp', host: '127.0.0.1', port },
      profileId: 'epson-tm-t20',
      qrMode: null,
      drawerKick: false,
      footer: '',
      logo: null,
    },
  });
  const service = createPrintService({
    settings,
    company: () => DEMO_COMPANY,
    log: QUIET_LOG,
    listener: journaledPrintJobs(journal, QUIET_LOG, () => {}),
  });
  service.resume(owedPrints(journal));
  return service;
}

const printing = values['printer-port'] === undefined ? null : networkPrinter(Number(values['printer-port']));
const printReceipt: PrintReceipt = printing ? printing.printReceipt : async () => true;
const pipeline = new SigningPipeline({
  journal,
  client: testClient(required('base-url'), required('api-key')),
  register: { id: registerId, kassenId: required('kassen-id') },
  environment: 'DEMO',
  printReceipt,
  log: QUIET_LOG,
  options: { ...FAST_SIGNING, signTimeoutMs: Number(values['sign-timeout-ms']) },
});
pipeline.onReceipt((receipt) => {
  if (receipt.state === 'pending') process.stdout.write(`accepted ${receipt.id}\n`);
});
pipeline.start();

if (values.mode === 'burst') {
  const total = Number(values.sales);
  let next = 0;
  await Promise.all(
    Array.from({ length: Number(values.concurrency) }, async () => {
      while (next < total) {
        const i = next++;
        const receipt = await pipeline.signSale(
          sale(`Artikel ${i}`, `${1 + (i % 9)}.${String(i % 100).padStart(2, '0')}`),
        );
        process.stdout.write(`signed ${receipt.id} ${receipt.state}\n`);
      }
    }),
  );
  process.stdout.write('done\n');
} else if (values.mode === 'drain') {
  while (journal.countWaiting() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  process.stdout.write('drained\n');
} else {
  process.stderr.write('--mode burst|drain\n');
  process.exitCode = 2;
}
await pipeline.close();
await printing?.close();
journal.close();
