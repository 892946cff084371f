import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleReceipt } from '../../src-shared/receipt-fixtures.test-support.ts';
import { createPrintQueue, type PrintJob, type QueuedPrint } from './print-queue.ts';

function item(id: string): QueuedPrint {
  return {
    job: { id, receiptId: sampleReceipt().id, duplicate: false, requestedAt: '2026-11-25T13:00:00Z' },
    receipt: sampleReceipt(),
  };
}

/** A printer the test switches: each send waits until the test says how it ends. */
function switchablePrinter() {
  const sent: string[] = [];
  const pending: { id: string; settle: (error?: Error) => void }[] = [];
  let waiting: (() => void) | null = null;
  return {
    sent,
    send(entry: QueuedPrint) {
      return new Promise<void>((resolve, reject) => {
        pending.push({
          id: entry.job.id,
          settle: (error) => {
            if (error) return reject(error);
            sent.push(entry.job.id);
            resolve();
          },
        });
        waiting?.();
      });
    },
    async next() {
      while (pending.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
      waiting = null;
      return pending.shift() as { id: string; settle: (error?: Error) => void };
    },
  };
}

/** A queue on a switchable printer that records what it announces; it never retries by itself. */
function queueOnSwitchablePrinter() {
  const printer = switchablePrinter();
  const events: string[] = [];
  const queue = createPrintQueue({
    send: (entry) => printer.send(entry),
    listener: {
      queued: (job: PrintJob) => events.push(`queued ${job.id}`),
      printed: (job: PrintJob) => events.push(`printed ${job.id}`),
    },
    retryIntervalMs: 60_000,
    onChange() {},
  });
  return { printer, events, queue };
}

test('while the printer is known off, a new job answers "queued" at once and still prints later, in order', async () => {
  const { printer, events, queue } = queueOnSwitchablePrinter();

  const first = queue.submit(item('a'));
  (await printer.next()).settle(new Error('Drucker aus'));
  assert.equal(await first, false);
  assert.equal(queue.lastError, 'Drucker aus');

  // The next sale's print: the attempt for the head is under way and has not ended.
  const second = queue.submit(item('b'));
  const attempt = await printer.next();
  assert.equal(attempt.id, 'a', 'the oldest job goes first');
  assert.equal(await second, false, 'answered without waiting for the printer');
  assert.equal(queue.length, 2);

  attempt.settle();
  (await printer.next()).settle();
  await queue.retryNow();
  assert.deepEqual(printer.sent, ['a', 'b']);
  assert.deepEqual(events, ['queued a', 'queued b', 'printed a', 'printed b']);
  assert.equal(queue.length, 0);
  assert.equal(queue.lastError, null);
  queue.close();
});

test('jobs restored from the journal go before new ones and are not announced twice', async () => {
  const { printer, events, queue } = queueOnSwitchablePrinter();
  queue.restore([item('old-1'), item('old-2')]);
  const fresh = queue.submit(item('new'));
  for (let i = 0; i < 3; i++) (await printer.next()).settle();
  assert.equal(await fresh, true);
  assert.deepEqual(printer.sent, ['old-1', 'old-2', 'new']);
  assert.deepEqual(events, ['printed old-1', 'printed old-2']);
  queue.close();
});

test('closing waits for the job on its way to the printer, which is reported printed; the rest waits', async () => {
  const { printer, events, queue } = queueOnSwitchablePrinter();
  queue.restore([item('old-1'), item('old-2')]);
  const sending = await printer.next();
  let closed = false;
  const closing = queue.close().then(() => (closed = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(closed, false, 'still open while the printer has not answered');
  sending.settle();
  await closing;
  assert.deepEqual(printer.sent, ['old-1']);
  assert.deepEqual(events, ['printed old-1'], 'the journal hears of it before the app lets go of it');
  assert.equal(queue.length, 1, 'old-2 is not sent after closing; the journal still owes it');
});
