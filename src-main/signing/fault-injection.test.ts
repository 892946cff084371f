// Issue 3's "Done when", against the SIGN AT emulator running as a separate process with injected
// faults: every sale ends signed exactly once, a lost answer never double-signs, an unreachable SIGN AT
// still lets sales complete (offline) and they drain in order, and the DEP stays valid throughout.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_RECEIPT_KINDS } from '../../src-shared/receipt.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { SignedReceipt } from '../fiskaly/sign-at-resources.ts';
import { turnoverCounterErrors } from './test-support/turnover-counter-check.ts';
import { spawnEmulator, type EmulatorProcess } from './test-support/emulator-process.ts';
import { checkWholeDep } from './test-support/whole-dep-check.ts';
import { pipelineFixture, sale, type PipelineFixture } from './test-support/register-fixture.ts';

/** Resolves with what `condition` gives once it is not null; a bound, not a timing assertion. */
async function until<T>(what: string, condition: () => Promise<T | null> | T | null): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await condition();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function allReceipts(client: SignAtClient, registerId: string): Promise<SignedReceipt[]> {
  const all: SignedReceipt[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await client.listReceipts(registerId, {
      limit: 1000,
      offset,
      orderBy: 'receipt_number',
      order: 'ASC',
    });
    all.push(...page.data);
    if (page.data.length < 1000) return all;
  }
}

async function depIsValid(emulator: EmulatorProcess, f: PipelineFixture): Promise<void> {
  const dep = await f.client.exportDep(f.register.id);
  const check = checkWholeDep(dep, f.register.kassenId);
  assert.deepEqual(check.errors, []);
  const { base64AESKey } = await emulator.cryptoMaterial(f.register.id);
  assert.deepEqual(turnoverCounterErrors(dep, base64AESKey), []);
  const atSignAt = await allReceipts(f.client, f.register.id);
  assert.equal(check.receipts, atSignAt.length, 'the DEP holds every receipt SIGN AT made');
}

/** Receipts the app made (not SIGN AT's own) that SIGN AT holds, by id. */
async function appReceiptsAtSignAt(f: PipelineFixture): Promise<Map<string, SignedReceipt>> {
  const system: readonly string[] = SYSTEM_RECEIPT_KINDS;
  const all = await allReceipts(f.client, f.register.id);
  return new Map(all.filter((r) => !system.includes(r.receipt_type)).map((r) => [r._id, r]));
}

async function inParallel<T>(count: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}

describe('signing through injected SIGN AT faults', () => {
  let dir: string;
  let emulator: EmulatorProcess;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faults-'));
    emulator = await spawnEmulator({ dataDir: join(dir, 'emulator') });
  });

  after(async () => {
    await emulator?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('error_rate 0.3 + drop_rate 0.2: 200 sales all end signed, each exactly once, and the DEP verifies', async () => {
    const f = await pipelineFixture(emulator.baseUrl, { signTimeoutMs: 60_000 });
    try {
      const requestsBefore = f.counter.requests;
      // Seeded: the same requests fail on every run, so the request count below cannot flake.
      await emulator.setFaults({ error_rate: 0.3, drop_rate: 0.2, seed: 13 });
      const receipts = await inParallel(200, 8, (i) =>
        f.pipeline.signSale(sale(`Artikel ${i}`, `${1 + (i % 17)}.${String(i % 100).padStart(2, '0')}`)),
      );
      await emulator.setFaults({ error_rate: 0, drop_rate: 0 });
      assert.equal(receipts.length, 200);
      assert.deepEqual(new Set(receipts.map((r) => r.state)), new Set(['signed']));
      const counts = f.journal.countByState();
      assert.deepEqual(counts, {
        pending: 0,
        signed: counts.signed,
        offline: 0,
        signed_late: 0,
        rejected: 0,
        signature_failed: 0,
      });
      const atSignAt = await appReceiptsAtSignAt(f);
      assert.equal(atSignAt.size, 200, 'SIGN AT holds exactly as many sales as the journal');
      for (const receipt of receipts) {
        assert.equal(atSignAt.get(receipt.id)?.receipt_number, receipt.receiptNumber, receipt.id);
      }
      // Nearly half the requests fail, so signing 200 receipts took far more than 200 requests.
      assert.ok(f.counter.requests - requestsBefore > 300, `${f.counter.requests - requestsBefore} requests`);
      await depIsValid(emulator, f);
    } finally {
      await emulator.setFaults({ error_rate: 0, drop_rate: 0 });
      await f.close();
    }
  });

  test('after_commit_drop: the retry returns the receipt SIGN AT already signed; nothing is signed twice', async () => {
    const f = await pipelineFixture(emulator.baseUrl);
    try {
      const before = (await appReceiptsAtSignAt(f)).size;
      await emulator.setFaults({ after_commit_drop: true });
      // Every answer to a receipt PUT is lost after SIGN AT committed it.
      const pending = Promise.all([
        f.pipeline.signSale(sale('Kaffee', '3.80')),
        f.pipeline.signSale(sale('Tee', '2.90')),
      ]);
      // Wait until the first sale's answer was lost twice (so its retry was answered by SIGN AT's
      // stored receipt and lost too), while SIGN AT holds it and the journal still waits for it.
      const lost = await until('two lost answers for the first sale', async () => {
        const head = f.journal.waiting(f.register.id)[0];
        if (head === undefined || f.journal.attempts(head.id).length < 2) return null;
        const signed = (await appReceiptsAtSignAt(f)).get(head.id);
        return signed === undefined ? null : { id: head.id, receiptNumber: signed.receipt_number };
      });
      assert.equal(f.journal.stateOf(lost.id), 'pending', 'signed at SIGN AT, not yet known to the till');
      await emulator.setFaults({ after_commit_drop: false });
      const [first, second] = await pending;
      assert.equal(first.id, lost.id);
      assert.equal(first.state, 'signed');
      assert.equal(second.state, 'signed');
      assert.equal(String(first.receiptNumber), String(lost.receiptNumber), 'the receipt signed before');
      const outcomes = f.journal.attempts(first.id).map((attempt) => attempt.outcome);
      assert.equal(outcomes.at(-1), 'signed');
      assert.ok(outcomes.length >= 3, outcomes.join(', '));
      assert.deepEqual(new Set(outcomes.slice(0, -1)), new Set(['network']), 'each lost answer recorded');
      const atSignAt = await appReceiptsAtSignAt(f);
      assert.equal(atSignAt.size, before + 2);
      assert.equal(atSignAt.get(first.id)?.qr_code_data, first.qrCodeData);
      assert.equal(
        Number(second.receiptNumber),
        Number(first.receiptNumber) + 1,
        'no second number for a retried sale',
      );
      await depIsValid(emulator, f);
    } finally {
      await emulator.setFaults({ after_commit_drop: false });
      await f.close();
    }
  });

  test('SIGN AT unreachable: sales complete offline at once, then drain in their original order; the DEP stays valid', async () => {
    const unreachableDir = join(dir, 'outage-emulator');
    let outageEmulator = await spawnEmulator({ dataDir: unreachableDir });
    const f = await pipelineFixture(outageEmulator.baseUrl, { signTimeoutMs: 10_000 });
    try {
      // The run's first sale also waits for its look at SIGN AT's newest receipts (register-guard.ts).
      const before = await f.pipeline.signSale(sale('Vorher', '1.00'));
      assert.equal(before.state, 'signed');
      f.pipeline.signTimeoutMs = 200;
      const port = outageEmulator.port;
      await outageEmulator.kill();

      const offline = [];
      for (let i = 0; i < 6; i += 1)
        offline.push(await f.pipeline.signSale(sale(`Ausfall ${i}`, `${i + 2}.00`)));
      assert.deepEqual(new Set(offline.map((r) => r.state)), new Set(['offline']));
      assert.ok(offline.every((r) => r.printed && r.receiptNumber === null && r.qrCodeData === null));
      const during = f.pipeline.signingStatus();
      assert.equal(during.online, false);
      assert.equal(during.queueLength, 6);
      assert.match(during.lastError ?? '', /nicht erreichbar|nicht innerhalb|antwortet nicht/);

      outageEmulator = await spawnEmulator({ dataDir: unreachableDir, port });
      // The backlog goes first; give this sale time to wait behind it (a merchant's bound is seconds).
      f.pipeline.signTimeoutMs = 10_000;
      const after = await f.pipeline.signSale(sale('Danach', '9.00'));
      assert.equal(after.state, 'signed');
      const drained = offline.map((r) => f.journal.get(r.id));
      assert.deepEqual(new Set(drained.map((r) => r?.state)), new Set(['signed_late']));
      const numbers = [...drained.map((r) => Number(r?.receiptNumber)), Number(after.receiptNumber)];
      assert.deepEqual(
        numbers,
        [...numbers].sort((a, b) => a - b),
        'signed in the order they were sold',
      );
      assert.equal(f.pipeline.signingStatus().online, true);
      assert.equal(f.pipeline.signingStatus().queueLength, 0);
      await depIsValid(outageEmulator, f);
    } finally {
      await f.close();
      await outageEmulator.kill();
    }
  });
});
