// The DEP check on a real emulator export and on the ways an export can be broken: a missing receipt,
// receipts out of order, a foreign certificate, a record that does not start with the Startbeleg, a
// continuation that does not chain to what was archived before, and the repeated October hour.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../emulator/sign-at-emulator.ts';
import type { DepExport } from '../fiskaly/sign-at-resources.ts';
import { registeredTill, type RegisteredTill } from './registered-till.test-support.ts';
import { createSelfSignedCertificate } from '../rksv/certificate.ts';
import { generateP256KeyPair } from '../rksv/es256.ts';
import { verifyDepExport, type ChainPosition } from './dep-verifier.ts';
import { signedDep } from './signed-dep.test-support.ts';

let emulator: RunningEmulator;
let setup: RegisteredTill;
let dep: DepExport;
let clockMs = Date.parse('2026-10-25T01:50:00+02:00');

before(async () => {
  emulator = await startEmulator({ now: () => new Date(clockMs) });
  setup = await registeredTill(emulator);
  // Across the end of summer time: 02:55 CEST, then 02:05 CET an hour later.
  for (const at of [
    '2026-10-25T02:40:00+02:00',
    '2026-10-25T02:55:00+02:00',
    '2026-10-25T02:05:00+01:00',
    '2026-10-25T03:10:00+01:00',
  ]) {
    clockMs = Date.parse(at);
    await setup.sell('2.50');
  }
  dep = await setup.client.exportDep(setup.target.registerId);
});
after(async () => {
  setup.till.close();
  await emulator.close();
});

const fresh = (): ChainPosition => ({
  kassenId: setup.target.kassenId,
  lastJws: null,
  lastReceiptNumber: null,
  lastDateTime: null,
  openOutage: false,
});

function withReceipts(receipts: string[], certificate?: string): DepExport {
  const group = dep['Belege-Gruppe'][0];
  assert.ok(group);
  return {
    'Belege-Gruppe': [
      { ...group, Signaturzertifikat: certificate ?? group.Signaturzertifikat, 'Belege-kompakt': receipts },
    ],
  };
}

const all = () => dep['Belege-Gruppe'][0]?.['Belege-kompakt'] ?? [];

test('a genuine export across the end of summer time verifies', () => {
  const check = verifyDepExport(dep, fresh(), { expectStartReceipt: true });
  assert.deepEqual(check.errors, []);
  assert.equal(check.receipts, 5);
  assert.equal(check.firstReceiptNumber, 1);
  assert.equal(check.end.lastReceiptNumber, 5);
  assert.equal(check.end.lastJws, all().at(-1));
});

test('a missing receipt breaks the numbering and the chain', () => {
  const receipts = all();
  const check = verifyDepExport(withReceipts([...receipts.slice(0, 2), ...receipts.slice(3)]), fresh(), {
    expectStartReceipt: true,
  });
  assert.ok(
    check.errors.some((e) => /Lücke, es fehlen die Belege 3–3/.test(e)),
    check.errors.join('\n'),
  );
  assert.ok(check.errors.some((e) => /Verkettungswert/.test(e)));
});

test('receipts out of order are found', () => {
  const r = all();
  const check = verifyDepExport(
    withReceipts([r[0] ?? '', r[2] ?? '', r[1] ?? '', r[3] ?? '', r[4] ?? '']),
    fresh(),
    {
      expectStartReceipt: true,
    },
  );
  assert.ok(
    check.errors.some((e) => /wiederholt oder rückwärts/.test(e)),
    check.errors.join('\n'),
  );
});

test('signatures under a foreign certificate are invalid', () => {
  const { privateKey, publicKey } = generateP256KeyPair();
  const other = createSelfSignedCertificate({
    privateKey,
    publicKey,
    commonName: 'fremd',
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2030-01-01T00:00:00Z'),
  });
  const check = verifyDepExport(withReceipts(all(), other.der.toString('base64')), fresh(), {
    expectStartReceipt: true,
  });
  assert.equal(check.errors.filter((e) => /Signatur ungültig/.test(e)).length, 5);
  assert.ok(check.errors.some((e) => /Zertifikatsseriennummer/.test(e)));
});

test('a record must begin with the Startbeleg, and a continuation must chain to what was archived', () => {
  const r = all();
  const headless = verifyDepExport(withReceipts(r.slice(1)), fresh(), { expectStartReceipt: true });
  assert.ok(
    headless.errors.some((e) => /kein signierter Startbeleg/.test(e)),
    headless.errors.join('\n'),
  );

  const firstPart = verifyDepExport(withReceipts(r.slice(0, 2)), fresh(), { expectStartReceipt: true });
  const continued = verifyDepExport(withReceipts(r.slice(2)), firstPart.end, { expectStartReceipt: false });
  assert.deepEqual(continued.errors, []);
  const skipped = verifyDepExport(withReceipts(r.slice(3)), firstPart.end, { expectStartReceipt: false });
  assert.deepEqual(skipped.errors, [
    'Beleg Nr. 4: Lücke, es fehlen die Belege 3–3',
    'Beleg Nr. 4: Verkettungswert passt nicht zum vorherigen Beleg',
  ]);
  // The numbers follow on, but the archive ended with another receipt than the one chained to.
  const otherChain = verifyDepExport(
    withReceipts(r.slice(2)),
    { ...firstPart.end, lastJws: r[0] ?? null },
    { expectStartReceipt: false },
  );
  assert.deepEqual(otherChain.errors, ['Beleg Nr. 3: Verkettungswert passt nicht zum vorherigen Beleg']);

  const otherRegister = verifyDepExport(
    dep,
    { ...fresh(), kassenId: 'EMU-ANDERE' },
    { expectStartReceipt: true },
  );
  assert.ok(otherRegister.errors.some((e) => /Kassen-ID/.test(e)));
});

/** A small signed chain with chosen local times, for the clock cases the emulator never produces. */
function chainAt(times: string[]): { dep: DepExport; start: ChainPosition } {
  const { dep, kassenId } = signedDep(
    times.map((dateTime, i) => ({ kind: i === 0 ? 'zero' : 'sale', cents: 100, dateTime })),
    { kassenId: 'UHR-1' },
  );
  return {
    dep,
    start: { kassenId, lastJws: null, lastReceiptNumber: null, lastDateTime: null, openOutage: false },
  };
}

test('time going back is an error, except inside the hour that repeats when summer time ends', () => {
  const october = chainAt([
    '2026-10-25T01:00:00',
    '2026-10-25T02:55:00',
    '2026-10-25T02:05:00',
    '2026-10-25T02:30:00',
  ]);
  const inHour = verifyDepExport(october.dep, october.start, { expectStartReceipt: true });
  assert.deepEqual(inHour.errors, []);
  assert.equal(inHour.notes.filter((n) => /wiederholten Stunde/.test(n)).length, 2);

  const ordinary = chainAt(['2026-10-18T01:00:00', '2026-10-18T02:55:00', '2026-10-18T02:05:00']);
  const back = verifyDepExport(ordinary.dep, ordinary.start, { expectStartReceipt: true });
  assert.ok(
    back.errors.some((e) => /Zeit 2026-10-18T02:05:00 liegt vor 2026-10-18T02:55:00/.test(e)),
    back.errors.join('\n'),
  );
});
