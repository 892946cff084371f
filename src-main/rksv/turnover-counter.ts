import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/** Base64 of "TRA" and "STO": what training and cancellation receipts carry instead of the counter. */
export const TRAINING_MARKER = 'VFJB';
export const CANCELLATION_MARKER = 'U1RP';

export const DEFAULT_COUNTER_BYTES = 8;

export type CounterKey = {
  readonly aesKey: Uint8Array;
  readonly cashRegisterId: string;
  readonly receiptNumber: string;
};

function counterIv(cashRegisterId: string, receiptNumber: string): Buffer {
  return createHash('sha256')
    .update(cashRegisterId + receiptNumber, 'utf8')
    .digest()
    .subarray(0, 16);
}

function checkLength(bytes: number): void {
  // RKSV: at least 5 bytes; 8 is what fits a signed 64-bit number.
  if (!Number.isInteger(bytes) || bytes < 5 || bytes > 8)
    throw new RangeError('counter length must be 5..8 bytes');
}

function aes(key: CounterKey, decrypt: boolean): { update(data: Buffer): Buffer } {
  if (key.aesKey.length !== 32) throw new RangeError('the AES key must be 32 bytes (AES-256)');
  const iv = counterIv(key.cashRegisterId, key.receiptNumber);
  // CTR (ICM) with a full 16-byte block; the first N bytes of the keystream are all that is kept.
  return decrypt
    ? createDecipheriv('aes-256-ctr', key.aesKey, iv)
    : createCipheriv('aes-256-ctr', key.aesKey, iv);
}

export function encryptCounter(
  key: CounterKey,
  cents: bigint,
  bytes: number = DEFAULT_COUNTER_BYTES,
): string {
  checkLength(bytes);
  const limit = 1n << BigInt(bytes * 8 - 1);
  if (cents < -limit || cents >= limit) throw new RangeError(`counter ${cents} does not fit ${bytes} bytes`);
  const block = Buffer.alloc(16);
  const wide = Buffer.alloc(8);
  wide.writeBigInt64BE(cents);
  // Two's complement truncated to N bytes stays correct because the range was checked.
  wide.copy(block, 0, 8 - bytes);
  return aes(key, false).update(block).subarray(0, bytes).toString('base64');
}

export function decryptCounter(key: CounterKey, encryptedBase64: string): bigint {
  const encrypted = Buffer.from(encryptedBase64, 'base64');
  checkLength(encrypted.length);
  const plain = aes(key, true).update(encrypted);
  const wide = Buffer.alloc(8, (plain[0] ?? 0) & 0x80 ? 0xff : 0x00);
  plain.copy(wide, 8 - plain.length);
  return wide.readBigInt64BE();
}
