// The backup's journal coming into a new PC's: every receipt once, in its order, with the outage it
// was handed out in (the Ausfallprotokoll comes along), whatever the new journal held before.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Journal } from './journal.ts';
import { newReceipt } from './new-receipt.test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'kc-journal-restore-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a backup journal merges in once, with its outages mapped to the new journal’s', async () => {
  const old = Journal.open(join(dir, 'old.sqlite'));
  const fresh = Journal.open(join(dir, 'new.sqlite'));
  try {
    // The new PC tried the demo first: its own receipt and an outage of its own come first.
    const demo = newReceipt({ registerId: 'demo', environment: 'DEMO' });
    fresh.accept(demo);
    fresh.markOffline(demo.id, Date.UTC(2026, 10, 1), { startedMs: Date.UTC(2026, 10, 1), reason: 'Demo' });
    const signedThere = newReceipt({ createdMs: Date.UTC(2026, 10, 20) });
    const handedOut = newReceipt({ createdMs: Date.UTC(2026, 10, 21) });
    old.accept(signedThere);
    old.markSigned(signedThere.id, {
      signed: true,
      receiptNumber: '2',
      signedAtMs: Date.UTC(2026, 10, 20),
      qrCodeData: '_R1-AT100_K1_2_…',
      kassenId: 'K1',
      hints: [],
      response: '{}',
    });
    old.accept(handedOut);
    old.markOffline(handedOut.id, Date.UTC(2026, 10, 21), {
      startedMs: Date.UTC(2026, 10, 21) - 5000,
      reason: 'weg',
    });

    const progress: string[] = [];
    const first = await fresh.restore.mergeFrom(join(dir, 'old.sqlite'), (done, total) =>
      progress.push(`${done}/${total}`),
    );
    assert.deepEqual(first, { added: 2, total: 2 });
    assert.deepEqual(progress, ['2/2']);
    assert.deepEqual(await fresh.restore.mergeFrom(join(dir, 'old.sqlite')), { added: 0, total: 2 });

    const merged = fresh.get(handedOut.id);
    assert.equal(merged?.state, 'offline');
    assert.equal(merged?.offlineNumber, 1);
    const [outage] = fresh.outages('reg-1');
    assert.equal(outage?.startedMs, Date.UTC(2026, 10, 21) - 5000);
    assert.equal(merged?.outageId, outage?.id, 'the receipt points at its outage in the new journal');
    assert.notEqual(outage?.id, fresh.outages('demo')[0]?.id);
    assert.equal(fresh.recent(10).length, 3);
    // Still waiting: it goes to SIGN AT from here, in order.
    assert.deepEqual(
      fresh.waiting('reg-1').map((record) => record.id),
      [handedOut.id],
    );
  } finally {
    old.close();
    fresh.close();
  }
});
