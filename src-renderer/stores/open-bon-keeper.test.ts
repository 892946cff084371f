// The till's side of the open Bon: what main kept comes back on an empty till before anything is sent,
// every change goes to main at once and in order (the newest always last), and a Bon main could not keep
// says so until a later change is kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OpenBon } from '../../src-shared/open-bon.ts';
import type { PosApi } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { priceBon } from '../till/bon-line.ts';
import { bonContentOf, openBonOf } from '../till/open-bon.ts';
import { keepOpenBon } from './open-bon-keeper.ts';
import { createSaleStore } from './sale-store.ts';
import { createStatusStore } from './status-store.ts';

const KEPT = OpenBon.parse({
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  lines: [
    {
      text: 'Melange',
      quantity: '2',
      unitPrice: '3.80',
      vatRate: '20',
      discount: { percent: '10', text: 'Rabatt' },
    },
    { text: 'Buch', quantity: '-1', unitPrice: '12.00', vatRate: '4.9' },
    { text: 'Torte', quantity: '1', unitPrice: '25.00', vatRate: '10' },
  ],
  discount: { amount: '1.00', text: 'Stammkunde' },
  payments: [{ type: 'NON_CASH', amount: '5.00' }],
});

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Main as the till's Bon sees it: each call waits until the test answers it. */
function slowMain() {
  const opened = deferred<OpenBon | null>();
  const sent: { bon: unknown; answer: ReturnType<typeof deferred<OpenBon | null>> }[] = [];
  const api: Pick<PosApi, 'getOpenBon' | 'keepOpenBon'> = {
    getOpenBon: () => opened.promise,
    keepOpenBon: (bon) => {
      const answer = deferred<OpenBon | null>();
      sent.push({ bon, answer });
      return answer.promise;
    },
  };
  return { api, opened, sent };
}

// The sale store only reaches main when paying; these tests never pay.
const unused = {} as PosApi;
const newSale = () => createSaleStore(unused, createStatusStore(unused));
const settle = () => new Promise((resolve) => setImmediate(resolve));
const favourite = (text: string) => ({ text, unitPriceCents: 250, vatRate: '20' as const });

/** A till whose keeper has asked main already, which kept no Bon. */
async function startedTill() {
  const sale = newSale();
  const main = slowMain();
  const stop = keepOpenBon(main.api, sale);
  main.opened.resolve(null);
  await settle();
  return { sale, main, stop };
}

test('the kept Bon comes back on the empty till, exactly, and nothing is sent before it is back', async () => {
  const sale = newSale();
  const main = slowMain();
  const stop = keepOpenBon(main.api, sale);
  main.opened.resolve(KEPT);
  await settle();
  const state = sale.getState();
  assert.equal(state.saleId, KEPT.id, 'paying it signs under its id, so it is never paid twice');
  assert.deepEqual(openBonOf(state), KEPT, 'lines, discounts, the part payment');
  assert.equal(priceBon(state.lines, state.receiptDiscount).priced?.totalCents, 1884);
  assert.equal(main.sent.length, 0, 'what main handed back is not sent again');
  stop();
});

test('a line entered before main answered stays on the till, and is what main keeps then', async () => {
  const sale = newSale();
  const main = slowMain();
  const stop = keepOpenBon(main.api, sale);
  sale.getState().addFavourite(favourite('Semmel'));
  assert.equal(main.sent.length, 0, 'an early change waits for the kept Bon');
  main.opened.resolve(KEPT);
  await settle();
  assert.deepEqual(
    sale.getState().lines.map((line) => line.text),
    ['Semmel'],
  );
  assert.equal(main.sent.length, 1);
  assert.deepEqual(
    (main.sent[0]?.bon as OpenBon).lines.map((line) => line.text),
    ['Semmel'],
  );
  stop();
});

test('every change goes to main at once, in order, one at a time, the newest last', async () => {
  const { sale, main, stop } = await startedTill();
  sale.getState().addFavourite(favourite('Kaffee'));
  assert.equal(main.sent.length, 1, 'sent at once, without waiting for a pause');
  sale.getState().addFavourite(favourite('Kipferl'));
  sale.getState().addFavourite(favourite('Saft'));
  assert.equal(main.sent.length, 1, 'one request under way at a time');
  main.sent[0]?.answer.resolve(null);
  await settle();
  assert.equal(main.sent.length, 2, 'the changes made meanwhile go as one');
  assert.deepEqual(
    (main.sent[1]?.bon as OpenBon).lines.map((line) => line.text),
    ['Kaffee', 'Kipferl', 'Saft'],
  );
  main.sent[1]?.answer.resolve(null);
  await settle();
  const { saleId } = sale.getState();
  sale.getState().voidBon();
  assert.equal(main.sent.length, 3);
  const voided = main.sent[2]?.bon as OpenBon;
  assert.deepEqual([voided.lines, voided.payments], [[], []], 'a voided Bon is sent empty: main drops it');
  assert.notEqual(voided.id, saleId);
  stop();
});

test('a Bon main could not keep says so until a later change is kept', async () => {
  const { sale, main, stop } = await startedTill();
  sale.getState().addFavourite(favourite('Kaffee'));
  main.sent[0]?.answer.reject(new PosError('internal', 'Datenträger voll'));
  await settle();
  assert.equal(sale.getState().bonNotKept, 'Datenträger voll');
  sale.getState().addFavourite(favourite('Kipferl'));
  main.sent[1]?.answer.resolve(null);
  await settle();
  assert.equal(sale.getState().bonNotKept, null);
  stop();
});

test('the Bon on screen and the kept Bon turn into each other without loss', () => {
  const content = bonContentOf(KEPT);
  assert.deepEqual(OpenBon.parse(openBonOf(content)), KEPT);
  assert.deepEqual(openBonOf(bonContentOf(OpenBon.parse(openBonOf(content)))), openBonOf(content));
});
