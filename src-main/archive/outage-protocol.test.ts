// The Ausfallprotokoll of real outages, run through the signing pipeline against the SIGN AT emulator
// with the till's and the emulator's clocks moved together: an SCU outage and an unreachable SIGN AT
// across midnight on 31 December, then an outage of more than 48 hours.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { outageProtocolCsv } from '../../src-shared/outage-protocol-csv.ts';
import { layoutOutageProtocol } from '../../src-shared/outage-protocol-layout.ts';
import { SAMPLE_COMPANY } from '../../src-shared/receipt-fixtures.test-support.ts';
import { receiptPlainText } from '../../src-shared/receipt-plain-text.ts';
import { startEmulator, type RunningEmulator } from '../emulator/sign-at-emulator.ts';
import { toReceipt } from '../journal/journal-record.ts';
import { pipelineFixture, sale, type PipelineFixture } from '../signing/test-support/register-fixture.ts';
import { outageProtocol } from './outage-protocol.ts';

const HOUR_MS = 3_600_000;
/** Both clocks run on from where a test puts them, as in a shop. */
let offsetMs = 0;
const now = () => Date.now() + offsetMs;
const setClocks = (iso: string) => {
  offsetMs = Date.parse(iso) - Date.now();
};

let emulator: RunningEmulator;
let f: PipelineFixture;

before(async () => {
  setClocks('2026-12-31T22:40:00Z'); // 23:40 in Vienna
  emulator = await startEmulator({
    now: () => new Date(now()),
    accessTokenTtlSeconds: 30 * 86_400,
    refreshTokenTtlSeconds: 30 * 86_400,
  });
  // A sale waits up to 2 s for SIGN AT, 300 ms once an outage is known; the queue retries every 50–200 ms.
  f = await pipelineFixture(
    emulator.baseUrl,
    { signTimeoutMs: 2000, outageSignTimeoutMs: 300, resubmitBaseDelayMs: 50, resubmitMaxDelayMs: 200 },
    undefined,
    now,
  );
});

after(async () => {
  await f.close();
  await emulator.close();
});

/** SIGN AT answers again: the queue sends what waits on its own, oldest first, until nothing waits. */
async function drained(): Promise<void> {
  while (f.journal.countWaiting() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

const protocolNow = () =>
  outageProtocol(f.journal, { id: f.register.id, kassenId: f.register.kassenId }, now());
const receipt = (id: string) => {
  const record = f.journal.get(id);
  assert.ok(record, id);
  return toReceipt(record);
};
const paper = (columns: 32 | 48) =>
  receiptPlainText(layoutOutageProtocol(protocolNow(), SAMPLE_COMPANY, { columns }))
    .join('\n')
    .replace(/\s+/g, ' ');

test('an outage across midnight on 31 December: start, end, every receipt with its numbers, the Sammelbeleg, the sale of 2026 signed in 2027', async () => {
  await f.pipeline.signSale(sale('Kaffee', '3.80'));

  setClocks('2026-12-31T22:55:00Z'); // 23:55: the SCU fails, SIGN AT answers signed:false
  emulator.setFaults({ scu_outage: true });
  const unsigned = await f.pipeline.signSale(sale('Torte', '4.20'));
  assert.equal(unsigned.state, 'signature_failed', 'its own state, not signed with signed:false');
  assert.equal(unsigned.signed, false);
  assert.ok(unsigned.receiptNumber);
  assert.equal(unsigned.offlineNumber, null, 'SIGN AT answered at once: it has its receipt number');

  setClocks('2026-12-31T22:58:00Z'); // 23:58: SIGN AT cannot be reached at all
  emulator.setFaults({ drop_rate: 1 });
  const sekt = await f.pipeline.signSale(sale('Sekt', '25.00'));
  assert.equal(sekt.state, 'offline');
  assert.equal(sekt.offlineNumber, 'N-000001');
  assert.match(sekt.issuedAt ?? '', /^2026-12-31T22:58:/);
  assert.ok(sekt.hints.some((hint) => /N-000001 am 31\.12\.2026 23:58:\d\d: wird nachsigniert/.test(hint)));

  setClocks('2026-12-31T23:04:00Z'); // 00:04 on 1 January in Vienna, still 31 December in UTC
  const krapfen = await f.pipeline.signSale(sale('Krapfen', '1.90'));
  assert.equal(krapfen.offlineNumber, 'N-000002');

  const running = protocolNow().outages;
  assert.equal(running.length, 1);
  assert.equal(running[0]?.endedAt, null);
  assert.equal(running[0]?.receipts.length, 3);
  assert.match(paper(32), /Ende dauert an/);

  setClocks('2026-12-31T23:10:30Z'); // 00:10: SIGN AT signs again
  emulator.setFaults({ drop_rate: 0, scu_outage: false });
  await drained();
  await f.pipeline.syncSystemReceipts();

  const lateSekt = receipt(sekt.id);
  assert.equal(lateSekt.state, 'signed_late');
  assert.equal(lateSekt.offlineNumber, 'N-000001', 'the paper’s number stays');
  assert.equal(lateSekt.issuedAt, sekt.issuedAt);
  assert.match(lateSekt.qrCodeData ?? '', /_2027-01-01T00:10:\d\d_/, 'signed in 2027, as its QR says');
  assert.ok(
    lateSekt.hints.some(
      (hint) =>
        hint.includes(`N-000001 am 31.12.2026 23:58`) &&
        hint.includes(`nachsigniert als Beleg-Nr. ${lateSekt.receiptNumber}`),
    ),
  );
  assert.ok(
    lateSekt.hints.includes(
      'Jahreswechsel: ausgegeben 2026, signiert 2027: im DEP nach dem Jahresbeleg 2026',
    ),
  );

  const [outage, ...more] = protocolNow().outages;
  assert.ok(outage);
  assert.equal(more.length, 0);
  assert.match(outage.startedAt, /^2026-12-31T22:55:/);
  assert.match(outage.endedAt ?? '', /^2026-12-31T23:10:/);
  // From the signed:false answer at 23:55 to the first signature at 00:10:30 (give or take the ms a sale takes).
  assert.ok(Math.abs(outage.durationMs - 15.5 * 60_000) < 5_000, String(outage.durationMs));
  assert.equal(outage.reportDue, false);
  const lateKrapfen = receipt(krapfen.id);
  assert.deepEqual(
    outage.receipts.map((r) => [r.offlineNumber, r.receiptNumber, r.failureMarker, r.signedInLaterYear]),
    [
      [null, unsigned.receiptNumber, true, false],
      ['N-000001', lateSekt.receiptNumber, false, true],
      ['N-000002', lateKrapfen.receiptNumber, false, false],
    ],
  );
  assert.equal(outage.clearanceNeeded, true);
  assert.equal(Number(outage.clearance?.receiptNumber), Number(unsigned.receiptNumber) + 1);
  // The 2026 sale stands after the Jahresbeleg 2026 in the DEP, as the protocol says.
  const yearly = f.journal.recent(50).find((r) => r.kind === 'YEARLY_CLOSE');
  assert.ok(yearly && Number(yearly.receiptNumber) < Number(lateSekt.receiptNumber));

  const text = paper(48);
  assert.ok(text.includes(`Kassen-ID ${f.register.kassenId}`));
  assert.match(text, /Beginn 31\.12\.2026 23:55:\d\d Ende 01\.01\.2027 00:10:\d\d Dauer 0 h 15 min/);
  assert.match(
    text,
    new RegExp(
      `N-000001 -> Nr\\. ${lateSekt.receiptNumber} EUR 25,00 ausgegeben 31\\.12\\.2026 23:58:\\d\\d signiert 01\\.01\\.2027 00:10`,
    ),
  );
  assert.match(text, /Jahreswechsel: verkauft 2026, signiert 2027 \(im DEP nach dem Jahresbeleg 2026\)/);
  assert.match(
    text,
    new RegExp(`Sammelbeleg Nr\\. ${outage.clearance?.receiptNumber} vom 01\\.01\\.2027 00:10`),
  );
  assert.match(text, /Meldung an FinanzOnline: nicht nötig \(unter 48 h\)/);

  const csv = outageProtocolCsv(protocolNow());
  assert.ok(csv.startsWith('\uFEFFKassen-ID;Ausfall;Beginn;Ende;'));
  assert.match(
    csv,
    new RegExp(
      `;N-000001;31\\.12\\.2026 23:58:\\d\\d;${lateSekt.receiptNumber};01\\.01\\.2027 00:10:\\d\\d;25,00;im DEP signiert;Jahreswechsel: verkauft 2026, signiert 2027`,
    ),
  );
  assert.equal(csv.trimEnd().split('\r\n').length, 1 + 3, 'a heading and one line per receipt');
});

test('an outage of more than 48 hours is to be reported, while it lasts and afterwards; no Sammelbeleg when SIGN AT was only out of reach', async () => {
  setClocks('2027-01-05T09:00:00Z');
  emulator.setFaults({ drop_rate: 1 });
  const offline = await f.pipeline.signSale(sale('Semmel', '0.60'));
  assert.equal(offline.offlineNumber, 'N-000003', 'the register counts on across outages');

  setClocks('2027-01-07T10:00:30Z'); // 49 hours later
  const running = protocolNow().outages[1];
  assert.equal(running?.endedAt, null);
  assert.equal(running?.reportDue, true);

  emulator.setFaults({ drop_rate: 0 });
  await drained();
  const outage = protocolNow().outages[1];
  assert.ok(outage?.endedAt);
  assert.ok(Math.abs(outage.durationMs - 49 * HOUR_MS - 30_000) < 5_000, String(outage.durationMs));
  assert.equal(outage.reportDue, true);
  assert.equal(outage.clearanceNeeded, false);
  assert.equal(outage.clearance, null);
  assert.deepEqual(
    outage.receipts.map((r) => [r.offlineNumber, r.state, r.receiptNumber]),
    [['N-000003', 'signed_late', receipt(offline.id).receiptNumber]],
  );
  const text = paper(32);
  assert.match(
    text,
    /Ausfall 2 Beginn 05\.01\.2027 10:00:\d\d Ende 07\.01\.2027 11:00:\d\d Dauer 49 h 00 min/,
  );
  assert.match(text, /Sammelbeleg keiner nötig \(nur nachsigniert\)/);
  assert.match(text, /Meldung an FinanzOnline: NÖTIG: 48 h überschritten, Beginn und Ende melden/);
});
