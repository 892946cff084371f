// One worker of the parallel DEP verifier: verifies its slice of the shared file bytes, with the app's
// verifier or the fast one, and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyAppSlice, type AppSliceResult } from './app-dep-slice.ts';
import type { ReceiptSegment } from './dep-byte-scanner.ts';
import { verifySlice, type SliceResult } from './dep-slice-verifier.ts';

/** 'app': src-main/archive/dep-verifier.ts as it is; 'fast': bench/dep-slice-verifier.ts. */
export type VerifyVariant = 'app' | 'fast';
export const VERIFY_VARIANTS: readonly VerifyVariant[] = ['app', 'fast'];

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

export type DepVerifyWorkerResult =
  { variant: 'app'; result: AppSliceResult } | { variant: 'fast'; result: SliceResult };

if (parentPort !== null) {
  const data = workerData as DepVerifyWorkerData;
  const bytes = Buffer.from(data.shared, 0, data.length);
  const message: DepVerifyWorkerResult =
    data.variant === 'app'
      ? { variant: 'app', result: verifyAppSlice({ ...data, bytes }) }
      : { variant: 'fast', result: verifySlice({ ...data, bytes }) };
  parentPort.postMessage(message);
}
