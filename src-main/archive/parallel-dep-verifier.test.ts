// The DEP check spread over worker threads must give the one-thread verdict, errors and notes in the same
// order, for sound exports and broken ones, and wherever a fault falls relative to the cuts between pieces.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import type { DepExport } from '../fiskaly/sign-at-resources.ts';
import { createSelfSignedCertificate } from '../rksv/certificate.ts';
import { chainValue } from '../rksv/chain.ts';
import { generateP256KeyPair } from '../rksv/es256.ts';
import { FAILURE_MARKER_BYTES, formatJws } from '../rksv/jws.ts';
import { formatPayload } from '../rksv/machine-readable-code.ts';
import { ZERO_AMOUNTS } from '../rksv/rksv-amounts.ts';
import { signReceiptPayload } from '../rksv/receipt-signature.ts';
import { verifyDepExport, verifyDepPiece, type ChainPosition, type DepPiece } from './dep-verifier.ts';
import { DepVerifyPool } from './dep-verify-pool.ts';
import { cutExport, verifyDepExportInParallel } from './parallel-dep-verifier.ts';

const KASSEN_ID = 'PAR-1';
const RECEIPTS = 40;
/** Receipts 21–23 fail (receipts 1-based), 24 is the signed zero receipt that closes the outage. */
const FAILED = new Set([21, 22, 23]);
const ZERO = new Set([1, 24]);

function signer(commonName: string) {
  const { privateKey, publicKey } = generateP256KeyPair();
  const certificate = createSelfSignedCertificate({
    privateKey,
    publicKey,
    commonName,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
  });
  return { privateKey, certificate };
}

/** Two groups (the certificate changes after receipt 25), one outage, every receipt really signed. */
function soundExport(minuteOf: (number: number) => number = (number) => number): DepExport {
  const signers = [signer('Gruppe 1'), signer('Gruppe 2')];
  const groups: string[][] = [[], []];
  let previous: string = KASSEN_ID;
  for (let number = 1; number <= RECEIPTS; number++) {
    const group = number <= 25 ? 0 : 1;
    const { privateKey, certificate } = signers[group] ?? signers[0]!;
    const payload = formatPayload({
      algorithmId: 'R1-AT100',
      cashRegisterId: KASSEN_ID,
      receiptNumber: String(number),
      dateTime: `2026-03-02T10:${String(minuteOf(number)).padStart(2, '0')}:00`,
      amounts: ZERO.has(number) ? ZERO_AMOUNTS : { ...ZERO_AMOUNTS, standard: 100 * number },
      encryptedCounter: 'AAAAAAAAAAA=',
      certificateSerial: certificate.serialHex,
      chainValue: chainValue(previous),
    });
    const signature = FAILED.has(number) ? FAILURE_MARKER_BYTES : signReceiptPayload(privateKey, payload);
    previous = formatJws(payload, signature);
    groups[group]?.push(previous);
  }
  return {
    'Belege-Gruppe': signers.map(({ certificate }, index) => ({
      Signaturzertifikat: certificate.der.toString('base64'),
      Zertifizierungsstellen: [],
      'Belege-kompakt': groups[index] ?? [],
    })),
  };
}

const sound = soundExport();
const fresh = (): ChainPosition => ({
  kassenId: KASSEN_ID,
  lastJws: null,
  lastReceiptNumber: null,
  lastDateTime: null,
  openOutage: false,
});

/** The export with receipt `number` (1-based, across groups) replaced by what `change` makes of it. */
function changed(number: number, change: (jws: string) => string | null): DepExport {
  let seen = 0;
  return {
    'Belege-Gruppe': sound['Belege-Gruppe'].map((group) => ({
      ...group,
      'Belege-kompakt': group['Belege-kompakt'].flatMap((jws) => {
        seen++;
        if (seen !== number) return [jws];
        const replaced = change(jws);
        return replaced === null ? [] : [replaced];
      }),
    })),
  };
}

function flipSignatureByte(jws: string): string {
  const dot = jws.lastIndexOf('.');
  const signature = Buffer.from(jws.slice(dot + 1), 'base64url');
  signature[10] = (signature[10] ?? 0) ^ 0x01;
  return `${jws.slice(0, dot + 1)}${signature.toString('base64url')}`;
}

/**
 * Both ways, asserting the same result. `minReceiptsPerPiece` 1 makes 4 pieces per worker (cuts every
 * 5 receipts with 2 workers); 20 makes two pieces of 20, cut between receipts 20 and 21.
 */
async function bothWays(dep: DepExport, workers: number, start = fresh(), minReceiptsPerPiece = 1) {
  const options = { expectStartReceipt: start.lastJws === null };
  const sequential = verifyDepExport(dep, start, options);
  const parallel = await verifyDepExportInParallel(dep, start, { ...options, workers, minReceiptsPerPiece });
  assert.deepEqual(parallel, sequential);
  return parallel;
}

test('the export is cut between receipts into pieces that cover it in order', () => {
  const pieces = cutExport(sound, 3);
  assert.equal(pieces.length, 3);
  const flat = pieces.flatMap((piece) => piece.groups.flatMap((group) => group.receipts));
  assert.deepEqual(
    flat,
    sound['Belege-Gruppe'].flatMap((group) => group['Belege-kompakt']),
  );
  assert.deepEqual(
    pieces.map((piece) => piece.receiptsBefore),
    [0, 14, 28],
  );
  // The second piece runs over the change of certificate: its second group's run opens that group.
  assert.deepEqual(
    pieces[1]?.groups.map((group) => [
      group.groupIndex,
      group.receipts.length,
      group.opensGroup,
      group.firstInGroup,
    ]),
    [
      [0, 11, false, 14],
      [1, 3, true, 0],
    ],
  );
});

test('a sound export verifies the same with 1 to 4 workers', async () => {
  for (const workers of [1, 2, 3, 4]) {
    const check = await bothWays(sound, workers);
    assert.deepEqual(check.errors, []);
    assert.equal(check.receipts, RECEIPTS);
    assert.equal(check.firstReceiptNumber, 1);
    assert.equal(check.end.lastReceiptNumber, RECEIPTS);
    assert.deepEqual(check.notes, ['3 Beleg(e) mit „Sicherheitseinrichtung ausgefallen“']);
  }
});

test('a tampered signature in the second piece is found and named by its receipt number', async () => {
  const check = await bothWays(changed(30, flipSignatureByte), 2, fresh(), 20);
  // The chain value covers the whole JWS, signature included: the next receipt no longer chains to it.
  assert.deepEqual(check.errors, [
    'Beleg Nr. 30: Signatur ungültig',
    'Beleg Nr. 31: Verkettungswert passt nicht zum vorherigen Beleg',
  ]);
});

test('a missing receipt, and a changed one, break the chain where they are', async () => {
  const missing = await bothWays(
    changed(20, () => null),
    2,
  );
  assert.deepEqual(missing.errors, [
    'Beleg Nr. 21: Lücke, es fehlen die Belege 20–20',
    'Beleg Nr. 21: Verkettungswert passt nicht zum vorherigen Beleg',
  ]);
  // Receipt 20 ends the first of two pieces: its changed signature also breaks receipt 21's chain value.
  const atCut = await bothWays(changed(20, flipSignatureByte), 2, fresh(), 20);
  assert.deepEqual(atCut.errors, [
    'Beleg Nr. 20: Signatur ungültig',
    'Beleg Nr. 21: Verkettungswert passt nicht zum vorherigen Beleg',
  ]);
});

test('faults at and across the cuts give the one-thread verdict', async () => {
  const cases: Array<[string, DepExport]> = [
    ['unreadable receipt before a cut', changed(20, () => 'kein JWS')],
    ['unreadable receipt after a cut', changed(21, () => 'a.b')],
    ['foreign certificate', { 'Belege-Gruppe': [sound['Belege-Gruppe'][1]!, sound['Belege-Gruppe'][0]!] }],
    [
      'unreadable certificate',
      {
        'Belege-Gruppe': [
          { ...sound['Belege-Gruppe'][0]!, Signaturzertifikat: 'AAAA' },
          sound['Belege-Gruppe'][1]!,
        ],
      },
    ],
  ];
  for (const [name, dep] of cases) {
    for (const workers of [2, 4]) {
      await bothWays(dep, workers).catch((error: unknown) => {
        throw new Error(`${name}, ${workers} workers`, { cause: error });
      });
    }
  }
  const unreadable = await bothWays(
    changed(20, () => 'kein JWS'),
    2,
  );
  assert.ok(
    unreadable.errors.includes(
      'Beleg 20. im Export: nicht lesbar (kein kompaktes JWS (drei durch Punkte getrennte Teile))',
    ),
    unreadable.errors.join('\n'),
  );
});

test('an outage still open at a cut needs the signed zero receipt in the next piece', async () => {
  // Without receipt 24, the zero receipt after the outage, receipt 25 is the first signed one after it.
  const noClearance = changed(24, () => null);
  const receipts = noClearance['Belege-Gruppe'].flatMap((group) => group['Belege-kompakt']);
  // With 4 workers the export is cut into 16 pieces, one of them right after receipt 21, which failed.
  const lastOfEach = cutExport(noClearance, 16).map((piece) =>
    piece.groups.flatMap((g) => g.receipts).at(-1),
  );
  assert.ok(lastOfEach.includes(receipts[20] ?? ''));
  const check = await bothWays(noClearance, 4);
  assert.ok(
    check.errors.includes('Beleg Nr. 25: nach dem Ausfall fehlt der signierte Nullbeleg (Sammelbeleg)'),
    check.errors.join('\n'),
  );
});

test('when a piece does not end where the next one was started, the next one is checked again', async () => {
  // Receipt 19 is stamped 10:50 and 20 (the last before the cut with 2 workers) 10:20: the second piece
  // was started from 10:20, but the latest time so far is 10:50, so 21–40 are all too early.
  const skewed = soundExport((number) => (number === 19 ? 50 : number));
  const check = await bothWays(skewed, 2, fresh(), 20);
  assert.ok(check.errors.includes('Beleg Nr. 20: Zeit 2026-03-02T10:20:00 liegt vor 2026-03-02T10:50:00'));
  assert.ok(check.errors.includes('Beleg Nr. 21: Zeit 2026-03-02T10:21:00 liegt vor 2026-03-02T10:50:00'));
  assert.equal(check.errors.length, 1 + 20);
});

test('a continuation starts from where the archive ended', async () => {
  const [first, second] = sound['Belege-Gruppe'];
  assert.ok(first && second);
  const archived = verifyDepExport({ 'Belege-Gruppe': [first] }, fresh(), { expectStartReceipt: true });
  assert.deepEqual(archived.errors, []);
  const continued = await bothWays({ 'Belege-Gruppe': [second] }, 2, archived.end);
  assert.deepEqual(continued.errors, []);
  assert.equal(continued.firstReceiptNumber, 26);
  const wrongStart = await bothWays({ 'Belege-Gruppe': [second] }, 2, {
    ...archived.end,
    lastJws: first['Belege-kompakt'][0] ?? null,
  });
  assert.deepEqual(wrongStart.errors, ['Beleg Nr. 26: Verkettungswert passt nicht zum vorherigen Beleg']);
});

test('a certificate without a P-256 key is named once, and its receipts count as unchecked', async () => {
  // An Ed25519 key: node:crypto cannot check ES256 with it.
  const ec = generateP256KeyPair();
  const ed = generateKeyPairSync('ed25519');
  const edCertificate = createSelfSignedCertificate({
    privateKey: ec.privateKey,
    publicKey: ed.publicKey,
    commonName: 'Ed25519',
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
  });
  const [first, second] = sound['Belege-Gruppe'];
  assert.ok(first && second);
  const dep: DepExport = {
    'Belege-Gruppe': [first, { ...second, Signaturzertifikat: edCertificate.der.toString('base64') }],
  };
  const check = await bothWays(dep, 2);
  assert.deepEqual(check.errors.slice(0, 1), [
    'Gruppe 2: Signaturzertifikat: kein P-256-Schlüssel, ES256 nicht prüfbar',
  ]);
  assert.ok(
    check.errors.some((e) => e.startsWith('15 Signatur(en) nicht prüfbar')),
    check.errors.join('\n'),
  );
});

test('a check that throws in a worker throws the same here, and the lost thread is reported', async () => {
  // A piece no reader makes (receipts missing): verifyDepPiece throws on it in the thread and here alike.
  const broken = { receiptsBefore: 0, groups: [{ groupIndex: 0, certificateBase64: '', opensGroup: true }] };
  const job = { piece: broken as unknown as DepPiece, start: fresh(), options: { expectStartReceipt: true } };
  const thrown = (() => {
    try {
      verifyDepPiece(job.piece, job.start, job.options);
    } catch (error) {
      return error;
    }
    return null;
  })();
  assert.ok(thrown instanceof Error);
  const lost: string[] = [];
  const pool = new DepVerifyPool(1, { onWorkerLost: (reason) => lost.push(reason) });
  try {
    await assert.rejects(pool.check(job), { message: thrown.message });
  } finally {
    await pool.close();
  }
  assert.deepEqual(lost, [thrown.message]);
});

test('closing the pool stops the pieces its threads are on: they reject, none is finished on this thread', async () => {
  const pool = new DepVerifyPool(2);
  const [whole] = cutExport(sound, 1);
  assert.ok(whole);
  const check = pool.check({ piece: whole, start: fresh(), options: { expectStartReceipt: true } });
  const reason = new Error('App wird beendet');
  const rejected = assert.rejects(check, (error: unknown) => error === reason);
  await pool.close(reason);
  await rejected;
  await assert.rejects(pool.check({ piece: whole, start: fresh(), options: { expectStartReceipt: true } }));
});

test('a check stopped halfway (the app is closing) rejects with the reason, not with a verdict', async () => {
  const controller = new AbortController();
  const reason = new Error('App wird beendet');
  const lost: string[] = [];
  const check = verifyDepExportInParallel(sound, fresh(), {
    expectStartReceipt: true,
    workers: 2,
    minReceiptsPerPiece: 1,
    signal: controller.signal,
    onWorkerLost: (why) => lost.push(why),
  });
  // The pieces are with the threads now; none can have answered yet (that needs this event loop).
  controller.abort(reason);
  await assert.rejects(check, (error: unknown) => error === reason);
  assert.deepEqual(lost, [], 'threads stopped on purpose are not reported as lost');
  // A signal aborted before the start stops it at once, also for an export checked on this thread.
  await assert.rejects(
    verifyDepExportInParallel(sound, fresh(), { expectStartReceipt: true, signal: controller.signal }),
    (error: unknown) => error === reason,
  );
});
