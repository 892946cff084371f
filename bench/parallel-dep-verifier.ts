// Verifies a DEP7 file with one worker thread per core. The file is read once into shared memory; each
// worker takes a contiguous run of receipts (cut between receipts, about equal bytes), checks it fully,
// including the chain to the receipt just before its run, and reports what crosses its edges. This
// thread then stitches the runs: counter, receipt numbers, times and the outage rule across each cut.
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { receiptBefore, scanDepGroups, splitReceipts } from './dep-byte-scanner.ts';
import type { CryptoMaterial } from './dep-fixture.ts';
import type { SliceResult } from './dep-slice-verifier.ts';
import type { DepVerifyWorkerData, DepVerifyWorkerResult, VerifyVariant } from './dep-verify-worker.ts';

const WORKER_URL = new URL('./dep-verify-worker.ts', import.meta.url);

export interface DepVerdict {
  receipts: number;
  unsigned: number;
  errors: string[];
  errorCount: number;
  ms: { read: number; scan: number; verify: number; total: number };
  /** signatureMs: time in signature checks, known for the 'fast' variant only. */
  workers: Array<{ receipts: number; cpuMs: number; wallMs: number; signatureMs: number | null }>;
}

async function readShared(path: string): Promise<{ shared: SharedArrayBuffer; bytes: Buffer }> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const shared = new SharedArrayBuffer(size);
    const bytes = Buffer.from(shared, 0, size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await file.read(bytes, offset, Math.min(1 << 24, size - offset), offset);
      if (bytesRead === 0) throw new Error(`${path} ended early`);
      offset += bytesRead;
    }
    return { shared, bytes };
  } finally {
    await file.close();
  }
}

function runWorker(data: DepVerifyWorkerData): Promise<DepVerifyWorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: data });
    worker.once('message', (result: DepVerifyWorkerResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`DEP verify worker exited with ${code}`));
    });
  });
}

/** Checks what crosses each cut between slices; returns how many errors it added. */
function stitch(results: readonly SliceResult[], errors: string[]): number {
  let added = 0;
  const fail = (message: string) => {
    errors.push(message);
    added++;
  };
  let counter = 0;
  let previous: SliceResult | null = null;
  let outageOpen = false;
  for (const [index, result] of results.entries()) {
    if (previous !== null) {
      const cut = `between slices ${index} and ${index + 1}`;
      if (result.kassenId !== null && previous.kassenId !== null && result.kassenId !== previous.kassenId) {
        fail(`${cut}: Kassen-ID changes`);
      }
      if (previous.last !== null && result.first !== null) {
        if (result.first.receiptNumber <= previous.last.receiptNumber) {
          fail(
            `${cut}: receipt number ${result.first.receiptNumber} not after ${previous.last.receiptNumber}`,
          );
        }
        if (result.first.dateTime < previous.last.dateTime) {
          fail(`${cut}: ${result.first.dateTime} before ${previous.last.dateTime}`);
        }
      }
      if (outageOpen && result.firstSignedClearsOutage === false) {
        fail(`${cut}: first signed receipt after an outage is not a zero receipt`);
      }
    }
    if (result.counterBefore !== null && result.counterBefore !== counter) {
      fail(`slice ${index + 1}: turnover counter starts at ${result.counterBefore}, expected ${counter}`);
    }
    counter += result.counterAdded;
    outageOpen = result.anySigned ? result.outageOpenAtEnd : outageOpen || result.outageOpenAtEnd;
    previous = result;
  }
  return added;
}

export async function verifyDepFile(
  path: string,
  material: CryptoMaterial,
  options: { variant: VerifyVariant; workers?: number },
): Promise<DepVerdict> {
  const started = performance.now();
  const { shared, bytes } = await readShared(path);
  const read = performance.now();
  const groups = scanDepGroups(bytes);
  const errors: string[] = [];
  for (const [index, group] of groups.entries()) {
    const known = Object.values(material.certificateOrPublicKeyMap).some(
      (entry) => entry.signatureCertificateOrPublicKey === group.certificateBase64,
    );
    if (!known) errors.push(`group ${index + 1}: certificate not in the crypto material`);
  }
  if (Buffer.from(material.base64AESKey, 'base64').length !== 32) errors.push('the AES key is not 256 bits');
  const slices = splitReceipts(bytes, groups, options.workers ?? availableParallelism()).filter(
    (slice) => slice.length > 0,
  );
  const scanned = performance.now();
  const results = await Promise.all(
    slices.map((segments, index) => {
      const first = segments[0];
      return runWorker({
        variant: options.variant,
        shared,
        length: bytes.length,
        segments,
        certificates: groups.map((group) => group.certificateBase64),
        aesKeyBase64: material.base64AESKey,
        previousJws:
          index === 0 || first === undefined ? null : receiptBefore(bytes, groups, first.group, first.start),
        startsDep: index === 0,
      });
    }),
  );
  const verified = performance.now();

  let errorCount = errors.length;
  const fastResults: SliceResult[] = [];
  for (const [index, message] of results.entries()) {
    errors.push(...message.result.errors.map((error) => `slice ${index + 1}: ${error}`));
    errorCount += message.result.errorCount;
    if (message.variant === 'fast') fastResults.push(message.result);
  }
  // The app's verifier carries everything across a cut in its ChainPosition; the fast one reports
  // its edges, stitched here.
  if (fastResults.length === results.length) errorCount += stitch(fastResults, errors);
  const receipts = results.reduce((sum, message) => sum + message.result.receipts, 0);
  if (receipts === 0) {
    errors.push('no receipts');
    errorCount++;
  }
  return {
    receipts,
    unsigned: fastResults.reduce((sum, result) => sum + result.unsigned, 0),
    errors: errors.slice(0, 20),
    errorCount,
    ms: { read: read - started, scan: scanned - read, verify: verified - scanned, total: verified - started },
    workers: results.map((message) => ({
      receipts: message.result.receipts,
      cpuMs: message.result.cpuMs,
      wallMs: message.result.wallMs,
      signatureMs: message.variant === 'fast' ? message.result.signatureMs : null,
    })),
  };
}
