// kill -9 of the app core in the middle of a burst of sales, then a restart on the same journal: no
// accepted sale is lost and none is signed twice. The core runs in a child process (sales-driver.ts)
// and SIGN AT (the emulator) in another, so SIGKILL hits only the app, as a power cut at the till would.
// A sale the app died over before printing it is printed after the restart, once, as the original; if
// SIGN AT is still out then, it goes offline after the sign timeout and prints marked as such.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { SYSTEM_RECEIPT_KINDS } from '../../src-shared/receipt.ts';
import { FAILED_SIGNATURE_LABEL } from '../../src-shared/receipt-layout.ts';
import { Journal } from '../journal/journal.ts';
import { createFakePrinter } from '../printing/fake-printer.test-support.ts';
import { parsePrinterBytes } from '../printing/printer-bytes.test-support.ts';
import { spawnEmulator, type EmulatorProcess } from './test-support/emulator-process.ts';
import { freshApiKey, setUpTestRegister, testClient } from './test-support/register-fixture.ts';
import { turnoverCounterErrors } from './test-support/turnover-counter-check.ts';
import { checkWholeDep } from './test-support/whole-dep-check.ts';

const DRIVER = fileURLToPath(new URL('./test-support/sales-driver.ts', import.meta.url));

let dir: string;
let emulator: EmulatorProcess;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crash-'));
  emulator = await spawnEmulator({ dataDir: join(dir, 'emulator') });
});

after(async () => {
  await emulator?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function driver(args: string[]) {
  const child = spawn(process.execPath, [DRIVER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, lines: createInterface({ input: child.stdout }), exited, stderr: () => stderr };
}

/** The sales driver's command line for one register of the shared emulator. */
function driverArgs(
  journalPath: string,
  apiKey: string,
  register: { id: string; kassenId: string },
): string[] {
  return [
    '--journal',
    journalPath,
    '--base-url',
    emulator.baseUrl,
    '--api-key',
    apiKey,
    '--register-id',
    register.id,
    '--kassen-id',
    register.kassenId,
  ];
}

/** SIGKILLs a burst once `count` sales are journaled but not yet answered; their ids. */
async function killWhenAccepted(burst: ReturnType<typeof driver>, count: number): Promise<string[]> {
  const accepted: string[] = [];
  await new Promise<void>((resolve, reject) => {
    burst.lines.on('line', (line) => {
      const [word, id] = line.split(' ');
      if (word === 'accepted' && id) accepted.push(id);
      if (accepted.length === count) {
        burst.child.kill('SIGKILL');
        resolve();
      }
    });
    void burst.exited.then(({ signal }) => {
      if (signal !== 'SIGKILL') reject(new Error(`driver exited on its own: ${burst.stderr()}`));
    });
  });
  assert.equal((await burst.exited).signal, 'SIGKILL');
  return accepted;
}

/** Rejects when `promise` takes longer than `ms`, so that a test fails instead of hanging. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

test('kill -9 mid-burst, then restart: every accepted sale is signed, none twice', async () => {
  const apiKey = freshApiKey();
  const client = testClient(emulator.baseUrl, apiKey);
  const register = await setUpTestRegister(client);
  const journalPath = join(dir, 'journal.sqlite');
  const args = driverArgs(journalPath, apiKey, register);
  // Slow answers and lost connections keep several sales in flight when the kill comes.
  await emulator.setFaults({ latency_ms: 15, drop_rate: 0.1, seed: 3 });

  const burst = driver([...args, '--mode', 'burst', '--sales', '150', '--concurrency', '6']);
  const handedOut: string[] = [];
  await new Promise<void>((resolve, reject) => {
    burst.lines.on('line', (line) => {
      const [word, id, state] = line.split(' ');
      if (word === 'signed' && id) {
        assert.equal(state, 'signed');
        handedOut.push(id);
        if (handedOut.length === 30) {
          burst.child.kill('SIGKILL');
          resolve();
        }
      }
      if (word === 'done') reject(new Error('the burst ended before the kill'));
    });
    void burst.exited.then(({ signal }) => {
      if (signal !== 'SIGKILL') reject(new Error(`driver exited on its own: ${burst.stderr()}`));
    });
  });
  const killed = await burst.exited;
  assert.equal(killed.signal, 'SIGKILL');

  const atKill = Journal.open(journalPath);
  const journaledAtKill = atKill.recent(1000).filter((r) => r.kind === 'NORMAL');
  const waitingAtKill = atKill.countWaiting();
  atKill.close();
  assert.ok(waitingAtKill > 0, 'sales were accepted (journaled) but not yet answered when the process died');
  assert.ok(journaledAtKill.length > handedOut.length);

  await emulator.setFaults({ latency_ms: 0, drop_rate: 0 });
  const drain = driver([...args, '--mode', 'drain']);
  const drained = new Promise<boolean>((resolve) =>
    drain.lines.on('line', (line) => line === 'drained' && resolve(true)),
  );
  const { code } = await drain.exited;
  assert.equal(code, 0, drain.stderr());
  assert.equal(await drained, true);

  const journal = Journal.open(journalPath);
  try {
    const sales = journal.recent(1000).filter((r) => r.kind === 'NORMAL');
    assert.equal(sales.length, journaledAtKill.length, 'the restart added and lost nothing');
    assert.deepEqual(new Set(sales.map((r) => r.state)), new Set(['signed']));
    for (const id of handedOut) assert.equal(journal.get(id)?.state, 'signed', id);

    const system: readonly string[] = SYSTEM_RECEIPT_KINDS;
    const atSignAt = (await client.listReceipts(register.id, { limit: 1000 })).data.filter(
      (r) => !system.includes(r.receipt_type),
    );
    assert.equal(atSignAt.length, sales.length, 'SIGN AT holds exactly the journal’s sales');
    assert.deepEqual(new Set(atSignAt.map((r) => r._id)), new Set(sales.map((r) => r.id)));
    for (const receipt of atSignAt) {
      assert.equal(journal.get(receipt._id)?.receiptNumber, String(receipt.receipt_number));
    }
  } finally {
    journal.close();
  }

  const dep = await client.exportDep(register.id);
  assert.deepEqual(checkWholeDep(dep, register.kassenId).errors, []);
  assert.deepEqual(turnoverCounterErrors(dep, (await emulator.cryptoMaterial(register.id)).base64AESKey), []);
});

test('kill -9 before the receipts were printed, then restart: every accepted sale is printed once, as the original', async () => {
  const apiKey = freshApiKey();
  const client = testClient(emulator.baseUrl, apiKey);
  const register = await setUpTestRegister(client);
  const printer = await createFakePrinter();
  const journalPath = join(dir, 'unprinted.sqlite');
  const args = [...driverArgs(journalPath, apiKey, register), '--printer-port', String(printer.port)];
  try {
    // Four sales as at any till: signed and printed.
    const normal = driver([...args, '--mode', 'burst', '--sales', '4', '--concurrency', '1']);
    assert.equal((await normal.exited).code, 0, normal.stderr());
    await printer.waitForJobs(4);

    // SIGN AT stops answering: the next sales are accepted (journaled) and wait, unsigned and unprinted,
    // when the process dies.
    await emulator.setFaults({ drop_rate: 1 });
    const burst = driver([...args, '--mode', 'burst', '--sales', '20', '--concurrency', '3']);
    const accepted = await killWhenAccepted(burst, 3);

    const atKill = Journal.open(journalPath);
    const unprinted = atKill.recent(100).filter((r) => r.kind === 'NORMAL' && !r.printed);
    atKill.close();
    assert.deepEqual(new Set(unprinted.map((r) => r.id)), new Set(accepted));
    assert.deepEqual(new Set(unprinted.map((r) => r.state)), new Set(['pending']));
    assert.equal(printer.jobs.length, 4, 'nothing of the unsigned sales reached the printer');

    await emulator.setFaults({ drop_rate: 0 });
    const restart = driver([...args, '--mode', 'drain']);
    assert.equal((await restart.exited).code, 0, restart.stderr());
    const journal = Journal.open(journalPath);
    let sales: ReturnType<Journal['recent']>;
    try {
      sales = journal.recent(100).filter((r) => r.kind === 'NORMAL');
      assert.equal(sales.length, 7, 'four sales before and three accepted at the kill');
      for (const record of sales) {
        assert.equal(record.state, 'signed', record.id);
        assert.equal(record.printed, true, `receipt ${record.receiptNumber} is on paper`);
        assert.deepEqual(journal.printJobs(record.id), [{ duplicate: false, outcome: 'printed' }]);
      }
    } finally {
      journal.close();
    }
    // The journal says all seven are on paper; the printer shows each of them once, none as a copy.
    const texts = (await printer.waitForJobs(7)).map((job) => parsePrinterBytes(job).text);
    assert.equal(texts.length, 7);
    for (const record of sales) {
      const number = new RegExp(`^Beleg-Nr\\. +${record.receiptNumber}$`, 'm');
      assert.equal(texts.filter((text) => number.test(text)).length, 1, `receipt ${record.receiptNumber}`);
    }
    assert.doesNotMatch(texts.join('\n'), /DUPLIKAT/, 'what the sale owed is the original');

    // Printed is printed: another start owes nothing.
    const again = driver([...args, '--mode', 'drain']);
    assert.equal((await again.exited).code, 0, again.stderr());
    const after = Journal.open(journalPath);
    try {
      const jobs = after
        .recent(100)
        .filter((r) => r.kind === 'NORMAL')
        .flatMap((r) => after.printJobs(r.id));
      assert.equal(jobs.length, 7);
    } finally {
      after.close();
    }
    assert.equal(printer.jobs.length, 7);
  } finally {
    await emulator.setFaults({ drop_rate: 0 });
    await printer.stop();
  }
});

test('kill -9 with sales pending, restart while SIGN AT is still out: they go offline, print once, and are signed later', async () => {
  const apiKey = freshApiKey();
  const client = testClient(emulator.baseUrl, apiKey);
  const register = await setUpTestRegister(client);
  const printer = await createFakePrinter();
  const journalPath = join(dir, 'still-out.sqlite');
  const args = [...driverArgs(journalPath, apiKey, register), '--printer-port', String(printer.port)];
  let restart: ReturnType<typeof driver> | null = null;
  try {
    await emulator.setFaults({ drop_rate: 1 });
    const burst = driver([...args, '--mode', 'burst', '--sales', '10', '--concurrency', '2']);
    const accepted = await killWhenAccepted(burst, 2);
    assert.equal(printer.jobs.length, 0);

    // The restart finds both pending; SIGN AT still drops every request.
    restart = driver([...args, '--mode', 'drain', '--sign-timeout-ms', '300']);
    const jobs = await within(30_000, 'both owed receipts on paper', printer.waitForJobs(2));
    const texts = jobs.map((job) => parsePrinterBytes(job).text);
    const during = Journal.open(journalPath);
    try {
      for (const id of accepted) assert.equal(during.get(id)?.state, 'offline', id);
    } finally {
      during.close();
    }
    for (const text of texts) {
      // The label prints in double width, so it may wrap between its words.
      assert.match(text, new RegExp(FAILED_SIGNATURE_LABEL.replace(' ', '\\s+')));
      assert.doesNotMatch(text, /DUPLIKAT/);
    }

    // SIGN AT is back: both are signed late, in order, and not printed again.
    await emulator.setFaults({ drop_rate: 0 });
    const drained = restart;
    assert.equal((await drained.exited).code, 0, drained.stderr());
    const journal = Journal.open(journalPath);
    try {
      for (const id of accepted) {
        assert.equal(journal.get(id)?.state, 'signed_late', id);
        assert.deepEqual(journal.printJobs(id), [{ duplicate: false, outcome: 'printed' }]);
      }
    } finally {
      journal.close();
    }
    assert.equal(printer.jobs.length, 2);
  } finally {
    // A failed assertion must not leave the driver draining against an emulator about to stop.
    if (restart !== null && restart.child.exitCode === null) restart.child.kill('SIGKILL');
    await emulator.setFaults({ drop_rate: 0 });
    await printer.stop();
  }
});
