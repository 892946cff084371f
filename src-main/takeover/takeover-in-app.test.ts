// "Kasse übernehmen" through createApp, as both shells serve it, against the standalone emulator: a PC
// sets up a register, sells, backs up, sells more and dies; a second PC takes the register over from
// the backup and SIGN AT, and signs on. Once against the emulator as it answers, once against answers
// shaped as the real service's may be (integer receipt numbers and fields no client knows).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ArticleInput } from '../../src-shared/article.ts';
import { SIGN_TIMEOUT_MS } from '../../src-shared/core-settings.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import type { FaultSettings } from '../emulator/fault-settings.ts';
import { createSignAtClient } from '../fiskaly/sign-at-client.ts';
import { chainValue } from '../rksv/chain.ts';
import { qrToJws } from '../rksv/jws.ts';
import { parseMachineReadableCode } from '../rksv/machine-readable-code.ts';
import { turnoverCounterErrors } from '../signing/test-support/turnover-counter-check.ts';
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

async function takeoverScenario(shape: Partial<FaultSettings>): Promise<void> {
  shop.apiKey = `shop-${crypto.randomUUID()}`;
  await shop.emulator.setFaults(shape);
  const signAt = createSignAtClient({
    baseUrl: shop.emulator.baseUrl,
    apiKey: shop.apiKey,
    apiSecret: API_SECRET,
    retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 5 },
  });

  // The first PC: setup, an Einlage, 20 sales, its Z1, a backup, 5 more sales; then its data folder is gone.
  const firstDir = shop.newDir('kc-pc1-');
  const first = await shop.open(firstDir);
  const { registerId, kassenId } = await setUpRegister(shop, first);
  await first.handlers.recordCashMovement({ kind: 'deposit', amount: '100.00', reason: 'Wechselgeld' });
  await first.handlers.createArticle(
    ArticleInput.parse({ name: 'Semmel', priceCents: 45, vatRate: '10', plu: '7', favourite: true }),
  );
  const sold = new Map<string, Awaited<ReturnType<typeof sell>>>();
  for (let n = 1; n <= 20; n++) {
    const receipt = await sell(first, n);
    sold.set(receipt.id, receipt);
  }
  const oldZ1 = await first.handlers.closeDay(undefined);
  assert.deepEqual([oldZ1.zNumber, oldZ1.receiptCount], [1, 21], 'the Startbeleg and 20 sales');
  await first.handlers.recordCashMovement({ kind: 'withdrawal', amount: '20.00', reason: 'Bank' });
  await first.handlers.archiveNow(undefined);
  const usb = shop.newDir('kc-usb-');
  const backup = await first.handlers.backupNow({ targetDir: usb });
  assert.equal(backup.lastGoodReceipts, 21, 'the Startbeleg and 20 sales');
  const afterBackup: string[] = [];
  for (let n = 21; n <= 25; n++) {
    const receipt = await sell(first, n);
    sold.set(receipt.id, receipt);
    afterBackup.push(receipt.id);
  }
  await shop.close(first);
  rmSync(firstDir, { recursive: true, force: true });
  const registeredBefore = await signAt.getCashRegister(registerId);

  // The second PC: the organization's registers, then the takeover.
  const second = await shop.open(shop.newDir('kc-pc2-'));
  assert.equal((await second.handlers.status(undefined)).setup, 'needed');
  const listed = await second.handlers.listTakeoverRegisters({
    environment: 'TEST',
    apiKey: shop.apiKey,
    apiSecret: API_SECRET,
  });
  const offered = listed.registers.find((register) => register.id === registerId);
  assert.deepEqual(
    {
      kassenId: offered?.kassenId,
      state: offered?.state,
      eligible: offered?.eligible,
      last: offered?.lastReceipt?.number,
    },
    { kassenId, state: 'INITIALIZED', eligible: true, last: '26' },
  );
  await startTakeover(shop, second, registerId, { backupDir: usb });
  const view = await untilTakeoverSettled(second);
  assert.equal(view.phase, 'done', view.error ?? '');
  assert.ok(view.result);
  assert.deepEqual(
    {
      fromBackup: view.result.fromBackup,
      onlyFromSignAt: view.result.onlyFromSignAt,
      listed: view.result.listedBySignAt,
      depFiles: view.result.depFiles,
      last: view.result.lastReceiptNumber,
      articles: view.result.articles,
    },
    {
      fromBackup: 21,
      onlyFromSignAt: 5,
      listed: 26,
      depFiles: 1,
      last: '26',
      articles: { added: 1, skipped: 0 },
    },
  );
  assert.deepEqual(
    (await second.handlers.listFavourites(undefined)).map((article) => [article.name, article.plu]),
    [['Semmel', '7']],
    "the old PC's favourite is on the new till's buttons",
  );
  const status = await second.handlers.status(undefined);
  assert.equal(status.setup, 'ready');
  assert.equal(status.register?.kassenId, kassenId);
  assert.equal(status.company?.name, 'Greißlerei Gruber', 'the receipt header comes back from the backup');

  // It signs on the same register: numbering, chain and counter go on.
  const oldPcLast = sold.get(afterBackup.at(-1) ?? '');
  assert.ok(oldPcLast?.qrCodeData);
  for (let n = 26; n <= 30; n++) {
    const receipt = await sell(second, n);
    if (n === 26) {
      assert.ok(receipt.qrCodeData);
      assert.equal(
        parseMachineReadableCode(receipt.qrCodeData).chainValue,
        chainValue(qrToJws(oldPcLast.qrCodeData)),
        "the new PC's first receipt chains to the old PC's last one",
      );
    }
    assert.equal(receipt.state, 'signed');
    assert.equal(receipt.kassenId, kassenId);
    assert.equal(
      receipt.receiptNumber,
      String(n + 1),
      'numbering continues after the Startbeleg and 25 sales',
    );
    sold.set(receipt.id, receipt);
  }

  // The day goes on from the old PC's Z1: the new PC's Z is Z2, holds only its own 5 sales and the
  // Entnahme left open there, starts from Z1's drawer, and names the 5 sales only SIGN AT knew.
  assert.deepEqual(await second.handlers.zReport({ zNumber: 1 }), oldZ1, 'Z1 as the old PC printed it');
  const z2 = await second.handlers.closeDay(undefined);
  const newSales = [...sold.values()].slice(-5);
  assert.deepEqual(
    {
      zNumber: z2.zNumber,
      receipts: z2.receiptCount,
      first: z2.firstReceiptNumber,
      total: z2.totalCents,
      opening: z2.cash?.openingCents,
      movements: z2.cash?.movements.map((movement) => [movement.kind, movement.amountCents]),
    },
    {
      zNumber: 2,
      receipts: 5,
      first: '27',
      total: newSales.reduce((sum, receipt) => sum + receipt.totalCents, 0),
      opening: oldZ1.cash?.expectedCents,
      movements: [['withdrawal', 2000]],
    },
  );
  assert.deepEqual(
    [
      z2.closedElsewhere?.receiptCount,
      z2.closedElsewhere?.firstReceiptNumber,
      z2.closedElsewhere?.lastReceiptNumber,
    ],
    [5, '22', '26'],
  );
  assert.deepEqual(
    (await second.handlers.listDayClosings(undefined)).closings.map((closing) => closing.zNumber),
    [2, 1],
  );

  const journal = await journalOf(second, registerId);
  const sales = journal.filter((receipt) => receipt.kind === 'NORMAL');
  assert.equal(sales.length, 30, 'all 30 sales');
  assert.equal(new Set(sales.map((receipt) => receipt.id)).size, 30, 'each once');
  assert.deepEqual(
    journal.map((receipt) => receipt.receiptNumber),
    Array.from({ length: 31 }, (_, i) => String(i + 1)),
    'every number once, in order',
  );
  for (const receipt of sales) {
    const original = sold.get(receipt.id);
    assert.ok(original, `sale ${receipt.receiptNumber} is one that was sold`);
    assert.equal(receipt.qrCodeData, original.qrCodeData);
    assert.deepEqual(receipt.lines, original.lines, `sale ${receipt.receiptNumber}: its lines`);
    assert.deepEqual(receipt.totalsPerRate, original.totalsPerRate);
    const onlyFromSignAt = afterBackup.includes(receipt.id);
    assert.equal(receipt.restoredFromSignAt, onlyFromSignAt ? 'lines' : undefined);
  }

  // No new Startbeleg, no new registration at FinanzOnline: the register SIGN AT had, going on.
  const starts = await signAt.listReceipts(registerId, { receiptTypes: ['INITIALIZATION'] });
  assert.equal(starts.data.length, 1);
  const registeredAfter = await signAt.getCashRegister(registerId);
  assert.equal(registeredAfter.state, 'INITIALIZED');
  assert.equal(registeredAfter['time_registration'], registeredBefore['time_registration']);

  // The DEP verifies as one chain: the restored archive, and the next export continuing it.
  const archived = await second.handlers.archiveNow({ fullCheck: true });
  assert.equal(archived.verification?.ok, true, archived.verification?.errors.join('\n'));
  assert.equal(archived.receipts, 31);
  assert.equal(archived.entries, 2);
  const dep = await signAt.exportDep(registerId);
  const { base64AESKey } = await shop.emulator.cryptoMaterial(registerId);
  assert.deepEqual(turnoverCounterErrors(dep, base64AESKey), [], 'the turnover counter runs on');
  await shop.emulator.setFaults({ extra_fields: false, receipt_number_type: 'integer' });
}

test('takeover: 20 sales, a backup, 5 more; the second PC restores, imports the 5, signs 5 more', async () => {
  await takeoverScenario({});
});

test('the same takeover against answers with integer receipt numbers and fields no client knows', async () => {
  await takeoverScenario({ extra_fields: true, receipt_number_type: 'integer' });
});

test('no backup: the takeover works from SIGN AT alone, receipts marked, a storno with its amounts only', async () => {
  shop.apiKey = `shop-${crypto.randomUUID()}`;
  // Receipt numbers as strings this time, and extra fields: the other shape SIGN AT has sent.
  await shop.emulator.setFaults({ extra_fields: true, receipt_number_type: 'string' });
  const firstDir = shop.newDir('kc-pc1-');
  const first = await shop.open(firstDir);
  const { registerId, kassenId } = await setUpRegister(shop, first);
  const sold = [];
  for (let n = 1; n <= 6; n++) sold.push(await sell(first, n));
  const storno = await first.handlers.cancelReceipt({ id: sold[2]?.id ?? '' });
  await shop.close(first);
  rmSync(firstDir, { recursive: true, force: true });

  const second = await shop.open(shop.newDir('kc-pc2-'));
  await assert.rejects(startTakeover(shop, second, registerId, { backupDir: null }), {
    code: 'invalid_input',
    message: 'Ohne Sicherung: bitte die Firmendaten für den Belegkopf angeben.',
  });
  await startTakeover(shop, second, registerId, {
    backupDir: null,
    company: {
      name: 'Greißlerei Gruber',
      address: 'Dorfplatz 2',
      zip: '3500',
      town: 'Krems',
      vatId: 'ATU13585627',
    },
  });
  const view = await untilTakeoverSettled(second);
  assert.equal(view.phase, 'done', view.error ?? '');
  assert.deepEqual(
    { fromBackup: view.result?.fromBackup, only: view.result?.onlyFromSignAt, dep: view.result?.depFiles },
    { fromBackup: 0, only: 8, dep: null },
  );
  const status = await second.handlers.status(undefined);
  assert.equal(status.register?.kassenId, kassenId);
  assert.equal(status.company?.address, 'Dorfplatz 2\n3500 Krems');

  const next = await sell(second, 7);
  assert.equal(next.receiptNumber, '9');
  // The old PC's Z reports are gone with it: this PC's first Z holds only its own sale, and names the
  // 8 receipts (Startbeleg, 6 sales, the Storno) it brought in from SIGN AT and holds in no Z.
  const z1 = await second.handlers.closeDay(undefined);
  assert.deepEqual(
    {
      zNumber: z1.zNumber,
      receipts: z1.receiptCount,
      total: z1.totalCents,
      elsewhere: z1.closedElsewhere?.receiptCount,
      numbers: [z1.closedElsewhere?.firstReceiptNumber, z1.closedElsewhere?.lastReceiptNumber],
      elsewhereTotal: z1.closedElsewhere?.totalCents,
    },
    {
      zNumber: 1,
      receipts: 1,
      total: next.totalCents,
      elsewhere: 8,
      numbers: ['1', '8'],
      elsewhereTotal: sold.reduce((sum, receipt) => sum + receipt.totalCents, 0) + storno.totalCents,
    },
  );
  const journal = await journalOf(second, registerId);
  assert.deepEqual(
    journal.map((receipt) => [receipt.receiptNumber, receipt.kind, receipt.restoredFromSignAt ?? null]),
    [
      ['1', 'INITIALIZATION', null],
      ...sold.map((receipt) => [receipt.receiptNumber, 'NORMAL', 'lines']),
      ['8', 'CANCELLATION', 'amounts'],
      ['9', 'NORMAL', null],
    ],
  );
  const restoredStorno = journal.find((receipt) => receipt.id === storno.id);
  assert.deepEqual(restoredStorno?.lines, [], 'a raw receipt brings back no lines');
  assert.deepEqual(restoredStorno?.totalsPerRate, storno.totalsPerRate, 'only its amounts per rate');
  // Without a backup the archive starts from SIGN AT's own export, Startbeleg first.
  const archived = await second.handlers.archiveNow({ fullCheck: true });
  assert.equal(archived.verification?.ok, true, archived.verification?.errors.join('\n'));
  assert.equal(archived.receipts, 9);
  await shop.emulator.setFaults({ extra_fields: false, receipt_number_type: 'integer' });
});

test('a damaged newest backup is refused with a clear message; the older one named there works', async () => {
  shop.apiKey = `shop-${crypto.randomUUID()}`;
  const first = await shop.open(shop.newDir('kc-pc1-'));
  const { registerId } = await setUpRegister(shop, first);
  await sell(first, 1);
  const usb = shop.newDir('kc-usb-');
  const earlier = await first.handlers.backupNow({ targetDir: usb });
  // Made on another day: the generations keep one a day.
  const root = readdirSync(usb).find((name) => name.startsWith('Kassen-Companion-Sicherung-')) ?? '';
  renameSync(join(usb, root, earlier.generations[0]?.name ?? ''), join(usb, root, '2026-01-05_120000'));
  await sell(first, 2);
  const newest = await first.handlers.backupNow({ targetDir: usb });
  await shop.close(first);
  const [damaged, older] = newest.generations;
  assert.ok(damaged && older);
  const journalCopy = join(usb, root, damaged.name, 'journal.sqlite');
  const bytes = readFileSync(journalCopy);
  bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
  writeFileSync(journalCopy, bytes);

  const second = await shop.open(shop.newDir('kc-pc2-'));
  const start = (backupDir: string) => startTakeover(shop, second, registerId, { backupDir: backupDir });
  await start(usb);
  const refused = await untilTakeoverSettled(second);
  assert.equal(refused.phase, 'failed');
  assert.equal(refused.step, 'backup');
  assert.equal(
    refused.error,
    `Die neueste Sicherung (${formatViennaDateTime(damaged.createdAt)}) ist beschädigt und wird nicht verwendet: journal.sqlite ist verändert oder beschädigt (Prüfsumme stimmt nicht). Eine ältere liegt in ${join(usb, root, older.name)}: diesen Ordner angeben.`,
  );
  const status = await second.handlers.status(undefined);
  assert.equal(status.setup, 'needed', 'nothing signed on');
  assert.equal((await journalOf(second, registerId)).length, 0, 'nothing brought in');

  await start(join(usb, root, older.name));
  const view = await untilTakeoverSettled(second);
  assert.equal(view.phase, 'done', view.error ?? '');
  assert.deepEqual([view.result?.fromBackup, view.result?.onlyFromSignAt], [2, 1]);
});

test('a DEP archive in the backup folder that no longer matches its manifest is refused; nothing signs on', async () => {
  shop.apiKey = `shop-${crypto.randomUUID()}`;
  const first = await shop.open(shop.newDir('kc-pc1-'));
  const { registerId, kassenId } = await setUpRegister(shop, first);
  await sell(first, 1);
  await first.handlers.archiveNow(undefined);
  const usb = shop.newDir('kc-usb-');
  await first.handlers.backupNow({ targetDir: usb });
  await shop.close(first);
  const depFolder = join(usb, `Kassen-Companion-DEP7-${kassenId}`, 'dep7');
  const [file] = readdirSync(depFolder);
  assert.ok(file, 'the backup folder holds the DEP copy');
  // One receipt's signature changed: the file no longer has the SHA-256 its manifest names.
  const text = readFileSync(join(depFolder, file), 'utf8');
  writeFileSync(
    join(depFolder, file),
    text.replace(/\.([A-Za-z0-9_-])/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`),
  );

  const second = await shop.open(shop.newDir('kc-pc2-'));
  await startTakeover(shop, second, registerId, { backupDir: usb });
  const refused = await untilTakeoverSettled(second);
  assert.equal(refused.phase, 'failed');
  assert.equal(refused.step, 'dep');
  assert.match(refused.error ?? '', /^DEP-Archiv im Sicherungsordner nicht verwendbar: .*dep7/);
  const status = await second.handlers.status(undefined);
  assert.equal(status.setup, 'needed', 'nothing signed on');
});

test('a sale the old PC handed out during an outage and backed up unsigned is signed by the new PC, in order', async () => {
  shop.apiKey = `shop-${crypto.randomUUID()}`;
  const first = await shop.open(shop.newDir('kc-pc1-'));
  const { registerId } = await setUpRegister(shop, first);
  await first.handlers.updateSettings({ signTimeoutMs: 1000 });
  await sell(first, 1);
  await shop.emulator.setFaults({ error_rate: 1 });
  const handedOut = await sell(first, 2);
  assert.equal(handedOut.state, 'offline');
  const usb = shop.newDir('kc-usb-');
  await first.handlers.backupNow({ targetDir: usb });
  await shop.close(first);
  await shop.emulator.setFaults({ error_rate: 0 });

  const second = await shop.open(shop.newDir('kc-pc2-'));
  await startTakeover(shop, second, registerId, { backupDir: usb });
  const view = await untilTakeoverSettled(second);
  assert.equal(view.phase, 'done', view.error ?? '');
  assert.equal(view.result?.stillWaiting, 1, 'the handed-out sale waits to be signed here');
  // The backup carried the old PC's 1 s limit; on a loaded machine a sign can take longer than that,
  // and the next sale would go offline for the wrong reason: the longest limit leaves only the order.
  await second.handlers.updateSettings({ signTimeoutMs: SIGN_TIMEOUT_MS.max });
  const next = await sell(second, 3);
  const signedLate = await second.handlers.getReceipt({ id: handedOut.id });
  assert.equal(signedLate.state, 'signed_late');
  assert.equal(signedLate.offlineNumber, handedOut.offlineNumber, 'its paper number stays');
  assert.deepEqual([signedLate.receiptNumber, next.receiptNumber], ['3', '4'], 'signed before the next sale');
});
