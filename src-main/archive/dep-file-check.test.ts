// The file check reads a DEP as a stream and spreads its pieces over worker threads; whatever the piece
// size and the threads, it must find exactly what one check of the whole file on this thread finds. The
// closing screen's DepFileVerifier runs it for a path, one check at a time, and lists the first findings.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { DepFinding } from '../../src-shared/dep-verify-report.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Logger } from '../host/app-host.ts';
import { checkDepFile } from './dep-file-check.ts';
import { DepFileVerifier, SCREEN_FINDINGS } from './dep-file-verifier.ts';
import { signedDep, type ReceiptSpec } from './signed-dep.test-support.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dep-file-check-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const quiet: Logger = { info() {}, warn() {}, error() {} };

/** 60 receipts in groups of 13, with faults at and near where pieces of 4 or 7 are cut. */
function brokenSpecs(): ReceiptSpec[] {
  return Array.from({ length: 60 }, (_, index): ReceiptSpec => {
    const number = index + 1;
    if (number === 1) return { kind: 'zero' };
    if (number === 8) return { counter: 5n };
    if (number === 14 || number === 15) return { failed: true };
    if (number === 16) return { kind: 'zero' };
    if (number === 21) return { kind: 'training' };
    if (number === 22) return { kind: 'cancellation', cents: 250 };
    if (number === 28) return { dateTime: '2026-03-02T09:00:00' };
    if (number === 35) return { receiptNumber: '34' };
    if (number === 43) return { failed: true };
    return {};
  });
}

async function write(name: string, value: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(value, null, 1));
  return file;
}

test('pieces read as a stream and checked on two threads find what one check of the whole finds', async () => {
  const built = signedDep(brokenSpecs(), { groupsOf: 13 });
  const file = await write('broken.json', built.dep);
  const crypto = await write('broken-crypto.json', built.material);
  const run = async (pieceReceipts: number, workers: number) => {
    const findings: DepFinding[] = [];
    const outcome = await checkDepFile(file, {
      cryptoPath: crypto,
      pieceReceipts,
      workers,
      onFinding: (finding) => findings.push(finding),
    });
    return { findings, outcome };
  };
  const whole = await run(10_000, 1);
  assert.equal(whole.outcome.verdict, 'invalid');
  assert.deepEqual(
    whole.findings.map(
      (f) => `${f.receiptNumber}@${f.position}/g${f.group}.${f.positionInGroup}: ${f.message}`,
    ),
    [
      // A counter stated wrong: at its receipt, and at the next, which continues the true one.
      '8@8/g1.8: Umsatzzähler 0,05 € statt 35,00 €',
      '9@9/g1.9: Umsatzzähler 44,00 € statt 9,05 €',
      '28@28/g3.2: Zeit 2026-03-02T09:00:00 liegt vor 2026-03-02T10:26:00',
      // Receipt 35 numbered 34: out of place, so its amount is not counted, which receipt 36's counter has.
      '34@35/g3.9: Belegnummer wiederholt oder rückwärts (zuletzt 34)',
      '36@36/g3.10: Lücke, es fehlen die Belege 35–35',
      '36@36/g3.10: Umsatzzähler 603,50 € statt 568,50 €',
      '44@44/g4.5: nach dem Ausfall fehlt der signierte Nullbeleg (Sammelbeleg)',
    ],
  );
  assert.equal(whole.outcome.summary?.failureMarked, 3);
  for (const [pieceReceipts, workers] of [
    [4, 2],
    [7, 2],
    [5, 3],
  ] as const) {
    const spread = await run(pieceReceipts, workers);
    assert.deepEqual(spread, whole, `pieces of ${pieceReceipts} on ${workers} threads`);
  }
});

test('the screen’s check: a full path, one at a time, the first findings listed and the rest counted', async () => {
  const verifier = new DepFileVerifier({ log: quiet });
  await assert.rejects(verifier.verify({ path: 'dep.json' }), (error: unknown) => {
    return error instanceof PosError && error.code === 'invalid_input' && error.field === 'path';
  });

  // Every receipt under a foreign key: one finding each, more than the screen lists.
  const count = SCREEN_FINDINGS + 25;
  const built = signedDep(
    Array.from({ length: count }, (_, i): ReceiptSpec => (i === 0 ? { kind: 'zero' } : {})),
  );
  const foreign = signedDep([{ kind: 'zero' }]);
  const file = await write('foreign.json', {
    'Belege-Gruppe': [
      {
        ...built.dep['Belege-Gruppe'][0],
        Signaturzertifikat: foreign.dep['Belege-Gruppe'][0]?.Signaturzertifikat,
      },
    ],
  });
  const running = verifier.verify({ path: file });
  await assert.rejects(verifier.verify({ path: file }), (error: unknown) => {
    return error instanceof PosError && error.code === 'conflict';
  });
  const report = await running;
  assert.equal(report.verdict, 'invalid');
  assert.equal(report.exitCode, 1);
  // Each receipt: its serial is not the certificate's, and its signature does not verify under it.
  assert.equal(report.errors, count * 2);
  assert.equal(report.findings.length, SCREEN_FINDINGS);
  assert.equal(report.findingsOmitted, count * 2 - SCREEN_FINDINGS);
  assert.equal(report.message, `UNGÜLTIG: ${count * 2} Fehler in ${count} Belegen.`);

  const valid = await verifier.verify({
    path: await write('valid.json', built.dep),
    cryptoPath: await write('valid-crypto.json', built.material),
  });
  assert.equal(valid.verdict, 'valid');
  assert.equal(valid.summary?.signatures.checked, count);
});

test('closing the app stops a check under way', async () => {
  const built = signedDep([{ kind: 'zero' }, {}, {}]);
  const file = await write('small.json', built.dep);
  const verifier = new DepFileVerifier({ log: quiet });
  const running = verifier.verify({ path: file });
  await verifier.close();
  await assert.rejects(
    running,
    (error: unknown) => error instanceof PosError && error.code === 'unavailable',
  );
  await assert.rejects(verifier.verify({ path: file }), (error: unknown) => {
    return error instanceof PosError && error.code === 'unavailable';
  });
});
