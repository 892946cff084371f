// ES256 signatures in the two encodings node:crypto deals in: the raw R‖S (IEEE P1363, 64 bytes) that a
// JWS carries, and the ASN.1 DER SEQUENCE { INTEGER r, INTEGER s } that OpenSSL works with natively.
// Converting here and handing node:crypto the bare KeyObject is the fast path: with an options object
// (`{ key, dsaEncoding: 'ieee-p1363' }`) node:crypto prepares the key again on every call, which costs
// more than the elliptic-curve arithmetic of a verification (see bench/dep-verify.bench.ts).

/** A DER INTEGER's content from unsigned big-endian bytes: no leading zeros, one if the top bit is set. */
function derIntegerContent(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = bytes.subarray(start);
  if (((body[0] ?? 0) & 0x80) === 0) return body;
  const padded = new Uint8Array(body.length + 1);
  padded.set(body, 1);
  return padded;
}

/** R‖S → DER. Any 64 bytes give a well-formed DER value; whether it verifies is OpenSSL's to say. */
export function p1363ToDer(signature: Uint8Array): Buffer {
  if (signature.length !== 64) throw new RangeError('an ES256 R‖S signature has 64 bytes');
  const r = derIntegerContent(signature.subarray(0, 32));
  const s = derIntegerContent(signature.subarray(32));
  // At most 2 × 35 bytes: every length fits in one byte, so no long-form lengths are needed.
  const der = Buffer.allocUnsafe(6 + r.length + s.length);
  der[0] = 0x30;
  der[1] = 4 + r.length + s.length;
  der[2] = 0x02;
  der[3] = r.length;
  der.set(r, 4);
  der[4 + r.length] = 0x02;
  der[5 + r.length] = s.length;
  der.set(s, 6 + r.length);
  return der;
}

function copyFixedWidth(integer: Uint8Array, target: Buffer, offset: number): void {
  if (integer.length > 33 || (integer.length === 33 && integer[0] !== 0)) {
    throw new SyntaxError('an ES256 signature integer is longer than 32 bytes');
  }
  const body = integer.length > 32 ? integer.subarray(1) : integer;
  target.set(body, offset + 32 - body.length);
}

/** DER → R‖S, for what OpenSSL's signing returns. */
export function derToP1363(der: Uint8Array): Buffer {
  const rLength = der[3] ?? 0;
  const sLength = der[5 + rLength] ?? 0;
  if (
    der[0] !== 0x30 ||
    der[1] !== der.length - 2 ||
    der[2] !== 0x02 ||
    der[4 + rLength] !== 0x02 ||
    6 + rLength + sLength !== der.length
  ) {
    throw new SyntaxError('not a DER ECDSA signature');
  }
  const raw = Buffer.alloc(64);
  copyFixedWidth(der.subarray(4, 4 + rLength), raw, 0);
  copyFixedWidth(der.subarray(6 + rLength), raw, 32);
  return raw;
}
