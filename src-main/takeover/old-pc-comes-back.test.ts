// The PC a register was taken from comes back: it notices receipts of its register it did not make and
// stops before it signs anything, even what it still had waiting; the merchant gives the register up
// there, or keeps it there after all (and then the other PC stops).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Status } from '../../src-shared/status.ts';
import type { App } from '../app.ts';
import { createSignAtClient } from '../fiskaly/sign-at-client.ts';
import {
  API_SECRET,
  journalOf,
  openShop,
  sell,
  setUpRegister,
  startTakeover,
  untilTakeoverSettled,
  type Shop,
} from './two-pcs.test-support.ts';

let shop: Shop;
before(async () => {
  shop = await openShop();
});
after(async () => {
  await shop.end();
});

async function until(app: App, check: (status: Status) => boolean): Promise<Status> {
  for (let i = 0; i < 500; i++) {
    const status = await app.handlers.status(undefined);
    if (check(status)) return status;
    await sleep(10);
  }
  throw new Error('the status never got there');
}

/** The first PC sells, backs up, hands one sale out offline and is switched off; the second takes over. */
async function takenOverWhileAway() {
  shop.apiKey = `shop-${crypto.randomUUID()}`;
  const firstDir = shop.newDir('kc-pc1-');
  let first = await shop.open(firstDir);
  const { registerId, kassenId } = await setUpRegister(shop, first);
  await first.handlers.updateSettings({ signTimeoutMs: 1000 });
  for (let n = 1; n <= 3; n++) await sell(first, n);
  const usb = shop.newDir('kc-usb-');
  await first.handlers.backupNow({ targetDir: usb });
  await shop.emulator.setFaults({ error_rate: 1 });
  const handedOut = await sell(first, 4);
  assert.equal(
    handedOut.state,
    'offline',
    'SIGN AT unreachable: handed out as "Sicherheitseinrichtung ausgefallen"',
  );
  await shop.close(first);
  await shop.emulator.setFaults({ error_rate: 0 });

  const second = await shop.open(shop.newDir('kc-pc2-'));
  await startTakeover(shop, second, registerId, { backupDir: usb });
  assert.equal((await untilTakeoverSettled(second)).phase, 'done');
  for (let n = 5; n <= 6; n++) await sell(second, n);

  first = await shop.open(firstDir);
  const signAt = createSignAtClient({
    baseUrl: shop.emulator.baseUrl,
    apiKey: shop.apiKey,
    apiSecret: API_SECRET,
  });
  return { first, second, registerId, kassenId, handedOut, signAt };
}

test('the old PC comes back: it stops before signing, with the message, and gives the register up', async () => {
  const { first, registerId, handedOut, signAt } = await takenOverWhileAway();
  const status = await until(first, (s) => s.register?.takenOver !== undefined);
  assert.deepEqual(status.register?.takenOver?.foreignReceipts, 2);
  await assert.rejects(sell(first, 7), (error: unknown) => {
    assert.ok(error instanceof PosError);
    assert.equal(error.code, 'register_taken_over');
    assert.match(error.message, /^Diese Kasse wurde auf einem anderen PC übernommen/);
    return true;
  });
  // What it had waiting went nowhere: SIGN AT never saw it.
  await assert.rejects(signAt.getReceipt(registerId, handedOut.id), { status: 404 });
  assert.equal((await first.handlers.getReceipt({ id: handedOut.id })).state, 'offline');

  const released = await first.handlers.releaseRegister({ confirm: 'ABGEBEN' });
  assert.deepEqual(released, await first.handlers.status(undefined));
  assert.equal(released.setup, 'needed', 'back to the first-start screen');
  assert.equal(released.register, null);
  const kept = await first.handlers.getReceipt({ id: handedOut.id });
  assert.equal(kept.state, 'rejected');
  assert.equal(kept.error?.code, 'E_TAKEN_OVER');
  assert.equal((await journalOf(first, registerId)).length, 5, 'the journal keeps what this PC made');
  await assert.rejects(signAt.getReceipt(registerId, handedOut.id), { status: 404 });
});

test('kept on the old PC after all: the other receipts come in, it signs again, and the new PC stops', async () => {
  const { first, second, registerId, handedOut, signAt } = await takenOverWhileAway();
  await until(first, (s) => s.register?.takenOver !== undefined);
  const kept = await first.handlers.keepRegisterHere(undefined);
  assert.equal(kept.register?.takenOver, undefined);
  // What waited here goes out now, after the other PC's receipts; then sales go on.
  await until(first, (s) => s.signing.queueLength === 0);
  const signed = await first.handlers.getReceipt({ id: handedOut.id });
  assert.equal(signed.state, 'signed_late');
  assert.equal(signed.receiptNumber, '7', 'after the Startbeleg, 3 sales here and 2 on the other PC');
  assert.equal((await sell(first, 7)).receiptNumber, '8');
  const journal = await journalOf(first, registerId);
  assert.equal(journal.filter((receipt) => receipt.restoredFromSignAt === 'lines').length, 2);
  assert.equal((await signAt.getReceipt(registerId, handedOut.id)).receipt_number, '7');

  // The other PC's next sale sees the jump in the numbering, looks, and stops after it.
  const jumped = await sell(second, 8);
  assert.equal(jumped.receiptNumber, '9');
  await until(second, (s) => s.register?.takenOver !== undefined);
  await assert.rejects(sell(second, 9), { code: 'register_taken_over' });
});
