import { createCipheriv, createHash, type Cipheriv } from 'node:crypto';

/** Base64 of "TRA" and "STO": what training and cancellation receipts carry instead of the counter. */
export const TRAINING_MARKER = 'VFJB';
export const CANCELLATION_MARKER = 'U1RP';

const DEFAULT_COUNTER_BYTES = 8;

type CounterKey = {
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

function checkKey(aesKey: Uint8Array): void {
  if (aesKey.length !== 32) throw new RangeError('the AES key must be 32 bytes (AES-256)');
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
  checkKey(key.aesKey);
  // CTR (ICM) with a full 16-byte block; the first N bytes of the keystream are all that is kept.
  const cipher = createCipheriv('aes-256-ctr', key.aesKey, counterIv(key.cashRegisterId, key.receiptNumber));
  return cipher.update(block).subarray(0, bytes).toString('base64');
}

/**
 * Decrypts the counters of many receipts under one key. AES-CTR keeps only the first block of keystream
 * here, and that block is AES (ECB) of the IV: one ECB context serves every receipt, where a CTR context
 * per receipt would schedule the same key again each time (a DEP check decrypts one counter per receipt).
 */
export class CounterDecryptor {
  readonly #ecb: Cipheriv;

  constructor(aesKey: Uint8Array) {
    checkKey(aesKey);
    this.#ecb = createCipheriv('aes-256-ecb', aesKey, null).setAutoPadding(false);
  }

  decrypt(cashRegisterId: string, receiptNumber: string, encryptedBase64: string): bigint {
    const encrypted = Buffer.from(encryptedBase64, 'base64');
    checkLength(encrypted.length);
    const keystream = this.#ecb.update(counterIv(cashRegisterId, receiptNumber));
    const wide = Buffer.alloc(8, ((encrypted[0] ?? 0) ^ (keystream[0] ?? 0)) & 0x80 ? 0xff : 0x00);
    for (let index = 0; index < encrypted.length; index++) {
      wide[8 - encrypted.length + index] = (encrypted[index] ?? 0) ^ (keystream[index] ?? 0);
    }
    return wide.readBigInt64BE();
  }
}

export function decryptCounter(key: CounterKey, encryptedBase64: string): bigint {
  return new CounterDecryptor(key.aesKey).decrypt(key.cashRegisterId, key.receiptNumber, encryptedBase64);
}
