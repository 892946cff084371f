// Reading a DEP file in chunks gives the receipts JSON.parse gives, in pieces of the size asked for,
// each receipt with its group and place; what is not a DEP is named for a person.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DepFormatError, DepPieceReader } from './dep-piece-reader.ts';
import type { DepPiece } from './dep-verifier.ts';
import { JsonStreamParser } from './json-stream-parser.ts';

function read(
  text: string,
  pieceSize: number,
  chunkSize = 7,
): { pieces: DepPiece[]; reader: DepPieceReader } {
  const pieces: DepPiece[] = [];
  const reader = new DepPieceReader(pieceSize, (piece) => pieces.push(piece));
  const parser = new JsonStreamParser(reader);
  const bytes = Buffer.from(text, 'utf8');
  for (let from = 0; from < bytes.length; from += chunkSize)
    parser.write(bytes.subarray(from, from + chunkSize));
  parser.end();
  reader.finish();
  return { pieces, reader };
}

/** Each receipt with its group, its place in the group and in the file, as the pieces say. */
function placed(pieces: DepPiece[]): string[] {
  return pieces.flatMap((piece) => {
    let position = piece.receiptsBefore;
    return piece.groups.flatMap((group) =>
      group.receipts.map(
        (jws, index) =>
          `${jws}@${++position}:g${group.groupIndex + 1}/${group.firstInGroup + index + 1}:${group.certificateBase64}`,
      ),
    );
  });
}

const receipts = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i + 1}.p.s`);

test('receipts come in pieces of the size asked for, across groups, with their places', () => {
  const dep = {
    'Belege-Gruppe': [
      {
        Signaturzertifikat: 'Q0VSVDE=',
        Zertifizierungsstellen: ['Q0E='],
        'Belege-kompakt': receipts('a', 5),
      },
      { Signaturzertifikat: 'Q0VSVDI=', Zertifizierungsstellen: [], 'Belege-kompakt': [] },
      { Signaturzertifikat: 'Q0VSVDM=', Zertifizierungsstellen: [], 'Belege-kompakt': receipts('c', 4) },
    ],
  };
  for (const pieceSize of [1, 2, 3, 4, 100]) {
    for (const chunkSize of [1, 5, 64, 10_000]) {
      const { pieces, reader } = read(JSON.stringify(dep, null, 2), pieceSize, chunkSize);
      assert.equal(reader.groups, 3);
      assert.equal(reader.receipts, 9);
      assert.ok(
        pieces.every((piece) => piece.groups.reduce((n, g) => n + g.receipts.length, 0) <= pieceSize),
      );
      const expected = [
        ...receipts('a', 5).map((jws, i) => `${jws}@${i + 1}:g1/${i + 1}:Q0VSVDE=`),
        ...receipts('c', 4).map((jws, i) => `${jws}@${i + 6}:g3/${i + 1}:Q0VSVDM=`),
      ];
      assert.deepEqual(placed(pieces), expected, `pieces of ${pieceSize}, chunks of ${chunkSize}`);
      // The empty group is passed on too, opening its group, so that its certificate is looked at.
      const empty = pieces.flatMap((piece) => piece.groups).find((group) => group.groupIndex === 1);
      assert.deepEqual(empty && [empty.receipts.length, empty.opensGroup], [0, true]);
    }
  }
});

test('other fields are skipped, a certificate after the receipts is waited for, escapes are read', () => {
  const text = `\uFEFF{"Version":{"x":[1,{"y":null}]},"Belege-Gruppe":[{"Extra":[["a"]],"Belege-kompakt":["r\\u002e1.p.s","r2.p.s"],"Zertifizierungsstellen":[],"Signaturzertifikat":"Q0VSVA\\u003d\\u003d"}],"Ende":true}`;
  const { pieces } = read(text, 1, 3);
  assert.deepEqual(placed(pieces), ['r.1.p.s@1:g1/1:Q0VSVA==', 'r2.p.s@2:g1/2:Q0VSVA==']);
  assert.equal(pieces[0]?.groups[0]?.opensGroup, true);
  assert.equal(pieces[1]?.groups[0]?.opensGroup, false);
});

test('what is not a DEP is refused with what is wrong', () => {
  const cases: Array<[string, RegExp]> = [
    ['[1,2]', /kein JSON-Objekt/],
    ['"DEP"', /kein JSON-Objekt/],
    ['{"Belege":[]}', /„Belege-Gruppe“ fehlt/],
    ['{"Belege-Gruppe":{}}', /„Belege-Gruppe“ ist keine Liste/],
    ['{"Belege-Gruppe":[],"Belege-Gruppe":[]}', /zweimal/],
    ['{"Belege-Gruppe":[[]]}', /Belege-Gruppe 1 ist kein Objekt/],
    ['{"Belege-Gruppe":["x"]}', /Belege-Gruppe 1 ist kein Objekt/],
    ['{"Belege-Gruppe":[{"Signaturzertifikat":""}]}', /Belege-Gruppe 1: „Belege-kompakt“ fehlt/],
    ['{"Belege-Gruppe":[{"Belege-kompakt":[]}]}', /Belege-Gruppe 1: „Signaturzertifikat“ fehlt/],
    [
      '{"Belege-Gruppe":[{"Signaturzertifikat":1,"Belege-kompakt":[]}]}',
      /„Signaturzertifikat“ ist kein Text/,
    ],
    [
      '{"Belege-Gruppe":[{"Signaturzertifikat":"","Belege-kompakt":"x"}]}',
      /„Belege-kompakt“ ist keine Liste/,
    ],
    [
      '{"Belege-Gruppe":[{"Signaturzertifikat":"","Belege-kompakt":["a",2]}]}',
      /Belege-Gruppe 1: Eintrag 2 in „Belege-kompakt“ ist kein Text/,
    ],
    [
      '{"Belege-Gruppe":[{"Signaturzertifikat":"","Belege-kompakt":[["a"]]}]}',
      /enthält etwas anderes als Text/,
    ],
    [
      '{"Belege-Gruppe":[{"Signaturzertifikat":"","Zertifizierungsstellen":[{}],"Belege-kompakt":[]}]}',
      /Zertifizierungsstellen/,
    ],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => read(text, 10),
      (error: unknown) => error instanceof DepFormatError && message.test(error.message),
      text,
    );
  }
});
