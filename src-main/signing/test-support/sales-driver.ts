// The app core in a process of its own, so a test can kill it with SIGKILL in the middle of a burst of
// sales and start it again on the same journal.
//   burst: sells `--sales` receipts, `--concurrency` at a time; prints "signed <id> <state>" for each
//          receipt handed out (the cashier has it), then "done".
//   drain: resumes whatever the journal still holds, prints "drained" once nothing waits, and exits.
import { parseArgs } from 'node:util';
import { Journal } from '../../journal/journal.ts';
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
const pipeline = new SigningPipeline({
  journal,
  client: testClient(required('base-url'), required('api-key')),
  register: { id: registerId, kassenId: required('kassen-id') },
  environment: 'DEMO',
  printReceipt: async () => true,
  log: QUIET_LOG,
  options: { ...FAST_SIGNING, signTimeoutMs: 60_000 },
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
journal.close();
