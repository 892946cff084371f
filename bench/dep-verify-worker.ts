// One worker of the parallel DEP verifier: verifies its slice of the shared file bytes and posts the
// result back.
import { parentPort, workerData } from 'node:worker_threads';
import type { ReceiptSegment } from './dep-byte-scanner.ts';
import { verifySlice, type VerifyVariant } from './dep-slice-verifier.ts';

export interface DepVerifyWorkerData {
  variant: VerifyVariant;
  shared: SharedArrayBuffer;
  length: number;
  segments: ReceiptSegment[];
  certificates: string[];
  aesKeyBase64: string;
  previousJws: string | null;
  startsDep: boolean;
}

const data = workerData as DepVerifyWorkerData;
const result = verifySlice({ ...data, bytes: Buffer.from(data.shared, 0, data.length) });
parentPort?.postMessage(result);
