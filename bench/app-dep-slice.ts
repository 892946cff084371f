// One slice of a DEP checked by the app's own verifier, src-main/archive/dep-verifier.ts. It already
// verifies an export piece by piece from a ChainPosition (SIGN AT exports come in pieces), so a slice
// starts from the position the receipt just before it leaves: that receipt is all the state it needs.
import { verifyDepExport, type ChainPosition } from '../src-main/archive/dep-verifier.ts';
import type { DepExport } from '../src-main/fiskaly/sign-at-resources.ts';
import { isFailureMarker, jwsToQr, parseJws } from '../src-main/rksv/jws.ts';
import { parseMachineReadableCode } from '../src-main/rksv/machine-readable-code.ts';
import type { ReceiptSegment } from './dep-byte-scanner.ts';
import { receiptsOf } from './dep-segment-receipts.ts';

export interface AppSliceInput {
  bytes: Buffer;
  segments: readonly ReceiptSegment[];
  certificates: readonly string[];
  previousJws: string | null;
}

export interface AppSliceResult {
  receipts: number;
  errors: string[];
  errorCount: number;
  cpuMs: number;
  wallMs: number;
}

function positionAfter(jws: string): ChainPosition {
  const code = parseMachineReadableCode(jwsToQr(jws));
  return {
    kassenId: code.cashRegisterId,
    lastJws: jws,
    lastReceiptNumber: Number(code.receiptNumber),
    lastDateTime: code.dateTime,
    openOutage: isFailureMarker(parseJws(jws).signature),
  };
}

export function verifyAppSlice(input: AppSliceInput): AppSliceResult {
  const cpuStart = process.threadCpuUsage();
  const wallStart = performance.now();
  const groups = new Map<number, string[]>();
  for (const segment of input.segments) {
    // concat, not push(...): a slice holds far more receipts than a call may take arguments.
    groups.set(segment.group, (groups.get(segment.group) ?? []).concat(receiptsOf(input.bytes, segment)));
  }
  const dep: DepExport = {
    'Belege-Gruppe': [...groups].map(([group, receipts]) => ({
      Signaturzertifikat: input.certificates[group] ?? '',
      Zertifizierungsstellen: [],
      'Belege-kompakt': receipts,
    })),
  };
  const first = [...groups.values()][0]?.[0];
  // The archiver knows the Kassen-ID from its settings; here the first receipt names it.
  const start: ChainPosition =
    input.previousJws === null
      ? {
          kassenId: first === undefined ? '' : parseMachineReadableCode(jwsToQr(first)).cashRegisterId,
          lastJws: null,
          lastReceiptNumber: null,
          lastDateTime: null,
          openOutage: false,
        }
      : positionAfter(input.previousJws);
  const check = verifyDepExport(dep, start, { expectStartReceipt: input.previousJws === null });
  const cpu = process.threadCpuUsage(cpuStart);
  return {
    receipts: check.receipts,
    errors: check.errors.slice(0, 20),
    errorCount: check.errors.length,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: performance.now() - wallStart,
  };
}
