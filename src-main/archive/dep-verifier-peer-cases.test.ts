// The cases an independent verifier tests its DEP check with (ztp-at/RKSV, which follows the BMF's
// verification tool; its tests/*.json name the case, the expected exception and the receipt), built here
// as really signed DEPs: each must be found at the receipt that verifier names, or pass where it passes.
// Where this check is stricter, the test says so: the signed zero receipt must be the first signed
// receipt after an outage (../shared/reference/rksv.md), while that verifier lets one signed receipt with
// turnover come before it; and a signature with no key to check it is counted, not refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CryptoMaterial } from '../../src-shared/crypto-material.ts';
import { verifyDepPiece, wholeExport, type DepPieceCheck } from './dep-verifier.ts';
import { signedDep, type ReceiptSpec, type SignedDep } from './signed-dep.test-support.ts';

function check(built: SignedDep, material: CryptoMaterial = built.material): DepPieceCheck {
  return verifyDepPiece(
    wholeExport(built.dep),
    {
      kassenId: '',
      lastJws: null,
      lastReceiptNumber: null,
      lastDateTime: null,
      openOutage: false,
      counter: 0n,
    },
    { expectStartReceipt: true, material },
  );
}

/** "number: message" for every error, the number "-" where the receipt could not be read. */
function errors(result: DepPieceCheck): string[] {
  return result.findings
    .filter((finding) => finding.kind === 'error')
    .map((finding) => `${finding.receiptNumber ?? `-@${finding.position}`}: ${finding.message}`);
}

const START: ReceiptSpec = { kind: 'zero' };
const otherSignature = Buffer.alloc(64, 0x5a);

const cases: Array<[name: string, specs: ReceiptSpec[], expected: RegExp[]]> = [
  ['test_init_nonzero', [{}, {}], [/^1: der erste Beleg ist kein signierter Startbeleg/]],
  [
    'test_init_unsigned',
    [{ kind: 'zero', failed: true }],
    [/^1: der erste Beleg ist kein signierter Startbeleg/],
  ],
  [
    'test_init_dummy',
    [{ kind: 'training', cents: 0 }, {}],
    [/^1: der erste Beleg ist kein signierter Startbeleg/],
  ],
  [
    'test_init_reversal',
    [{ kind: 'cancellation', cents: 0 }, {}],
    [/^1: der erste Beleg ist kein signierter Startbeleg/],
  ],
  ['test_init_tc_nonzero', [{ kind: 'zero', counter: 7n }], [/^1: Umsatzzähler 0,07 € statt 0,00 €$/]],
  [
    'test_init_chain_broken',
    [{ kind: 'zero', chainValue: 'MTIzNDU2Nzg=' }],
    [/^1: Verkettungswert passt nicht zur Kassen-ID/],
  ],
  [
    'test_chain_broken',
    [START, { chainValue: 'MTIzNDU2Nzg=' }],
    [/^2: Verkettungswert passt nicht zum vorherigen/],
  ],
  [
    'test_date_decreasing',
    [
      { kind: 'zero', dateTime: '2016-03-11T03:57:08' },
      { dateTime: '2016-03-16T09:02:00' },
      { dateTime: '2016-03-15T11:04:00' },
    ],
    [/^3: Zeit 2016-03-15T11:04:00 liegt vor 2016-03-16T09:02:00$/],
  ],
  [
    'test_duplicate_receiptId',
    [START, { receiptNumber: '1' }],
    [/^1: Belegnummer wiederholt oder rückwärts/],
  ],
  [
    'test_registerId_change',
    [START, {}, { cashRegisterId: 'ANDERE-KASSE' }],
    [/^3: Kassen-ID ANDERE-KASSE statt PRUEF-KASSE-1$/],
  ],
  [
    'test_serial_mismatch',
    [{ kind: 'zero', certificateSerial: 'DEADBEEF' }],
    [/^1: Zertifikatsseriennummer DEADBEEF gehört nicht zum Signaturzertifikat$/],
  ],
  ['test_init_signature_invalid', [{ kind: 'zero', signature: otherSignature }], [/^1: Signatur ungültig$/]],
  ['test_signature_invalid', [START, { signature: otherSignature }], [/^2: Signatur ungültig$/]],
  ['test_tc_invalid', [START, {}, { counter: 7n }], [/^3: Umsatzzähler 0,07 € statt 5,00 €$/]],
  ['test_tc_negative', [START, { cents: 100 }, { kind: 'cancellation', cents: 500 }, { cents: 50 }], []],
  ['test_tc_size_change', [{ kind: 'zero', counterBytes: 8 }, { counterBytes: 6 }], []],
  ['test_restore_before', [START, { failed: true }, { kind: 'zero' }, {}], []],
  ['test_restore_zero', [START, { failed: true }, { kind: 'zero', failed: true }, { kind: 'zero' }], []],
  ['test_dummy_zero_unsigned', [START, { kind: 'training', cents: 0, failed: true }], []],
  ['test_standard_zero_unsigned', [START, { kind: 'zero', failed: true }], []],
  // Stricter than that verifier, which names receipt 4 in these (it lets receipt 3 through).
  [
    'test_restore_missing',
    [START, { failed: true }, {}, {}],
    [/^3: nach dem Ausfall fehlt der signierte Nullbeleg/],
  ],
  ['test_restore_after', [START, { failed: true }, {}, { kind: 'zero' }], [/^3: nach dem Ausfall fehlt/]],
  [
    'test_restore_dummy',
    [START, { failed: true }, { kind: 'training', cents: 0 }, {}],
    [/^3: nach dem Ausfall fehlt/],
  ],
  [
    'test_restore_reversal',
    [START, { failed: true }, { kind: 'cancellation', cents: 0 }, {}],
    [/^3: nach dem Ausfall fehlt/],
  ],
  // Malformed receipts (tests/malformed): not readable, named by their place in the file.
  [
    'test_algorithm_mismatch',
    [{ kind: 'zero', header: '{"alg":"ES512"}' }],
    [/^-@1: nicht lesbar \(JWS-Header \{"alg":"ES512"\} statt \{"alg":"ES256"\}\)$/],
  ],
  [
    'test_timestamp_invalid',
    [{ kind: 'zero', dateTime: '2016-03-11T03:57:60' }],
    [/^-@1: nicht lesbar \(Datum-Uhrzeit/],
  ],
  [
    'test_jws_segments',
    [{ kind: 'zero', rewrite: (jws) => `${jws}.` }],
    [/^-@1: nicht lesbar \(kein kompaktes JWS/],
  ],
  [
    'test_payload_pad',
    [{ kind: 'zero', rewrite: (jws) => jws.replace(/^([^.]+)\.([^.]+)\./, '$1.$2=.') }],
    [/^1: JWS nicht in Base64url ohne Auffüllung/],
  ],
  ['test_signature_pad', [{ kind: 'zero', rewrite: (jws) => `${jws}==` }], [/^1: JWS nicht in Base64url/]],
  [
    'test_receiptId_empty',
    [{ kind: 'zero', receiptNumber: '' }],
    [/^: Belegnummer „“ endet nicht auf eine laufende Nummer$/],
  ],
  [
    'test_registerId_empty',
    [{ kind: 'zero', cashRegisterId: '' }],
    [/^1: Kassen-ID fehlt$/, /^1: Verkettungswert/],
  ],
  [
    'test_certSerial_empty',
    [{ kind: 'zero', certificateSerial: '' }],
    [/^1: Zertifikatsseriennummer fehlt$/],
  ],
  ...(['', 'abc&', 'X5hMYA==', 'efY8hnK8Ns6Vm0Qd5n+uNfg=', '=='] as const).map(
    (field): [string, ReceiptSpec[], RegExp[]] => [
      `test_turnoverCounter "${field}"`,
      [{ kind: 'zero', counterField: field }],
      [/^1: Umsatzzähler-Feld .* ist weder ein verschlüsselter Zähler \(5–8 Byte\) noch TRA oder STO$/],
    ],
  ),
];

for (const [name, specs, expected] of cases) {
  test(`${name}: ${expected.length === 0 ? 'passes' : `found at ${expected.map(String).join(', ')}`}`, () => {
    const result = check(signedDep(specs));
    const found = errors(result);
    assert.equal(found.length, expected.length, found.join('\n'));
    expected.forEach((pattern, index) => assert.match(found[index] ?? '', pattern, found.join('\n')));
    assert.equal(result.tally.receipts, specs.length);
  });
}

test('the receipt is named with its place in the file and in its group', () => {
  const built = signedDep([START, {}, {}, { counter: 1n }, {}], { groupsOf: 3 });
  const [finding] = check(built).findings;
  assert.deepEqual(finding, {
    kind: 'error',
    receiptNumber: '4',
    position: 4,
    group: 2,
    positionInGroup: 1,
    message: 'Umsatzzähler 0,01 € statt 9,00 €',
  });
});

test('a closed system: the group has no certificate, the material gives the public key for the key id', () => {
  const keyId = 'U:ATU12345678-K1';
  const built = signedDep(
    ([START, {}, { kind: 'training', cents: 300 }, { failed: true }, { kind: 'zero' }] as ReceiptSpec[]).map(
      (spec) => ({
        ...spec,
        certificateSerial: keyId,
      }),
    ),
  );
  for (const group of built.dep['Belege-Gruppe']) group.Signaturzertifikat = '';
  const material: CryptoMaterial = {
    ...built.material,
    certificateOrPublicKeyMap: {
      [keyId]: {
        id: keyId,
        signatureDeviceType: 'PUBLIC_KEY',
        signatureCertificateOrPublicKey: built.publicKeyBase64,
      },
    },
  };
  const result = check(built, material);
  assert.deepEqual(errors(result), []);
  assert.equal(result.tally.signaturesChecked, 4);
  assert.equal(result.tally.signaturesUnchecked, 0);

  // Without the key the signatures cannot be checked: counted and named by serial, not passed as checked
  // (test_no_key_closed expects a refusal; here the verdict line says what was not checked).
  const unkeyed = check(built, { ...material, certificateOrPublicKeyMap: {} });
  assert.deepEqual(errors(unkeyed), []);
  assert.equal(unkeyed.tally.signaturesChecked, 0);
  assert.equal(unkeyed.tally.signaturesUnchecked, 4);
  assert.deepEqual(unkeyed.tally.uncheckedSerials, [keyId]);

  // The key of another device does not verify them.
  const other = signedDep([START]);
  const wrong = check(built, {
    ...material,
    certificateOrPublicKeyMap: {
      [keyId]: {
        id: keyId,
        signatureDeviceType: 'PUBLIC_KEY',
        signatureCertificateOrPublicKey: other.publicKeyBase64,
      },
    },
  });
  assert.deepEqual(errors(wrong), [
    '1: Signatur ungültig',
    '2: Signatur ungültig',
    '3: Signatur ungültig',
    '5: Signatur ungültig',
  ]);
});

test('test_serial_decimal: the serial written in decimal names the same certificate', () => {
  const built = signedDep([START, {}], { decimalSerial: true });
  assert.match(
    built.receipts.map((jws) => Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString()).join(),
    /_\d{15,}_/,
  );
  assert.deepEqual(errors(check(built)), []);
});

test('test_cert_serial_collision: a group certificate other than the material’s under the same serial', () => {
  const built = signedDep([START, {}]);
  const impostor = signedDep([START]);
  const material: CryptoMaterial = {
    ...built.material,
    certificateOrPublicKeyMap: {
      [built.certificateSerial]: {
        id: built.certificateSerial,
        signatureDeviceType: 'CERTIFICATE',
        signatureCertificateOrPublicKey: impostor.dep['Belege-Gruppe'][0]?.Signaturzertifikat ?? '',
      },
    },
  };
  assert.deepEqual(errors(check(built, material)), [
    `1: Signaturzertifikat der Gruppe weicht vom Kryptomaterial für Seriennummer ${built.certificateSerial} ab`,
  ]);
});
