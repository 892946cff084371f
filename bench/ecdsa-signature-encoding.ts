// ES256 signatures in the two encodings node:crypto deals in: the raw R‖S (IEEE P1363, 64 bytes) that a
// JWS carries, and the ASN.1 DER SEQUENCE { INTEGER r, INTEGER s } that OpenSSL works with natively.
// Converting here and passing node:crypto a bare KeyObject is the fast path: with an options object
// (`{ key, dsaEncoding: 'ieee-p1363' }`) node:crypto re-prepares the key on every call, which costs
// more than the elliptic-curve arithmetic of a signature (see the dep-verify benchmark's notes).

function derInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = bytes.subarray(start);
  // A set top bit would read as negative: DER then needs one leading zero byte.
  if (((body[0] ?? 0) & 0x80) === 0) return body;
  const padded = new Uint8Array(body.length + 1);
  padded.set(body, 1);
  return padded;
}

export function p1363ToDer(signature: Uint8Array): Buffer {
  if (signature.length !== 64) throw new RangeError('an ES256 R‖S signature has 64 bytes');
  const r = derInteger(signature.subarray(0, 32));
  const s = derInteger(signature.subarray(32));
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

function fixedWidth(integer: Uint8Array, target: Buffer, offset: number): void {
  const body = integer.length > 32 ? integer.subarray(integer.length - 32) : integer;
  target.set(body, offset + 32 - body.length);
}

export function derToP1363(der: Uint8Array): Buffer {
  if (der[0] !== 0x30 || der[2] !== 0x02) throw new SyntaxError('not a DER ECDSA signature');
  const rLength = der[3] ?? 0;
  const r = der.subarray(4, 4 + rLength);
  if (der[4 + rLength] !== 0x02) throw new SyntaxError('not a DER ECDSA signature');
  const sLength = der[5 + rLength] ?? 0;
  const s = der.subarray(6 + rLength, 6 + rLength + sLength);
  const raw = Buffer.alloc(64);
  fixedWidth(r, raw, 0);
  fixedWidth(s, raw, 32);
  return raw;
}
