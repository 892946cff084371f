/**
 * The handful of ASN.1 DER encodings a self-signed X.509 certificate needs. Node can parse certificates
 * (crypto.X509Certificate) but not build them, and a full ASN.1 library would be far more than this.
 */

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function derTlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export function derSequence(...items: Uint8Array[]): Buffer {
  return derTlv(0x30, Buffer.concat(items));
}

export function derSet(...items: Uint8Array[]): Buffer {
  return derTlv(0x31, Buffer.concat(items));
}

/** An INTEGER from unsigned big-endian bytes: DER needs a leading zero when the top bit is set. */
export function derUnsignedInteger(bytes: Uint8Array): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = Buffer.from(bytes.subarray(start));
  const content = (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
  return derTlv(0x02, content.length === 0 ? Buffer.from([0]) : content);
}

export function derObjectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const bytes: number[] = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      groups.unshift((value % 128) | 0x80);
    }
    bytes.push(...groups);
  }
  return derTlv(0x06, Buffer.from(bytes));
}

export function derUtf8String(text: string): Buffer {
  return derTlv(0x0c, Buffer.from(text, 'utf8'));
}

/** X.509 rule: UTCTime through 2049, GeneralizedTime from 2050 on. */
export function derTime(date: Date): Buffer {
  const iso = date.toISOString();
  const digits = iso.slice(0, 19).replace(/[-:T]/g, '');
  return date.getUTCFullYear() < 2050
    ? derTlv(0x17, Buffer.from(`${digits.slice(2)}Z`, 'ascii'))
    : derTlv(0x18, Buffer.from(`${digits}Z`, 'ascii'));
}

export function derBitString(bytes: Uint8Array): Buffer {
  // The leading 0 says no unused bits in the last byte.
  return derTlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));
}
