// Where a sale's time goes, step by step, each step timed alone with the app's own code on a receipt
// the pipeline just signed: the contract's input parsing, the journal's commits (the sale, fsync'd,
// before SIGN AT; its signature without waiting for the disk; the print job's start, fsync'd, before the
// printer gets a byte; its end, fsync'd, after the paper), the receipt layout, the QR symbol's size (what
// the native QR mode needs; the whole symbol, drawn by the raster mode and the preview, for comparison),
// the ESC/POS encoding and the TCP job to the fake printer (on a fresh connection, and on one opened
// beforehand as the pipeline does). The sum is an estimate of what the pipeline adds to the wire; the
// sign-overhead figures are the measurement.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { posApiContract } from '../src-shared/pos-api-contract.ts';
import type { Receipt } from '../src-shared/receipt.ts';
import { qrMatrix } from '../src-shared/qr-matrix.ts';
import { layoutReceipt } from '../src-shared/receipt-layout.ts';
import { Journal } from '../src-main/journal/journal.ts';
import { encodeReceiptDocument } from '../src-main/printing/escpos-encoder.ts';
import { findPrinterProfile } from '../src-main/printing/printer-profiles.ts';
import { qrSymbolSize } from '../src-main/printing/qr-symbol-size.ts';
import {
  DEFAULT_TCP_TIMEOUTS,
  sendToTcpPrinter,
  warmTcpConnection,
} from '../src-main/printing/tcp-printer-connection.ts';
import { calculateSale } from '../src-main/signing/sale-calculation.ts';
import { signAtBody } from '../src-main/signing/sign-at-body.ts';
import { DEMO_COMPANY } from '../src-main/onboarding/demo-company.ts';
import { CAFE_SALE } from './bench-till.ts';
import { distribution, type Distribution } from './stats.ts';

interface Step {
  step: string;
  timing: Distribution;
}

/** Each sample right after the last, or, with `pauseMs`, after the thread sat idle that long. */
async function time(
  count: number,
  work: () => unknown | Promise<unknown>,
  pauseMs = 0,
): Promise<Distribution> {
  for (let index = 0; index < Math.min(20, count); index++) await work();
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return distribution(samples);
}

/**
 * The pause before each sample of a step's "after a pause" twin: a sale's steps run after the thread
 * waited for SIGN AT, and on this VM code that ran a moment ago costs several times more after such a
 * wait than back to back (caches and predictors cold again), which no hot-loop figure shows.
 */
const PAUSE_MS = 10;
export const AFTER_PAUSE = ` after a ${PAUSE_MS} ms pause`;

/** The app's own CPU steps on the way from SIGN AT's answer to the printer, each timed both ways. */
export const CPU_STEPS = [
  'journal: read the receipt (get)',
  'layout (layoutReceipt)',
  'ESC/POS encode (encodeReceiptDocument)',
] as const;

/** The printer's part of a sale: the job on a connection already open, until the printer has it all. */
export const PRINTER_JOB_STEP = 'TCP job on a connection opened beforehand, to the printer’s FIN';

/** Like `time`, with an untimed `prepare` before each sample. */
async function timeAfter<T>(
  count: number,
  prepare: () => Promise<T>,
  work: (prepared: T) => Promise<unknown>,
): Promise<Distribution> {
  const samples: number[] = [];
  for (let index = 0; index < count + Math.min(20, count); index++) {
    const prepared = await prepare();
    const started = performance.now();
    await work(prepared);
    if (index >= Math.min(20, count)) samples.push(performance.now() - started);
  }
  return distribution(samples);
}

export async function pipelineBreakdown(
  receipt: Receipt,
  printerPort: number,
  dataParent: string,
  count: number,
): Promise<Step[]> {
  const profile = findPrinterProfile('epson-tm-t20');
  if (profile === undefined) throw new Error('printer profile epson-tm-t20 is gone');
  const company = { ...DEMO_COMPANY, footer: 'Vielen Dank für Ihren Besuch!' };
  const document = layoutReceipt(receipt, company, { columns: profile.columns });
  const bytes = encodeReceiptDocument(document, profile, { openDrawer: true });
  const steps: Step[] = [];
  steps.push({
    step: 'contract parse (SaleDraft)',
    timing: await time(count, () => posApiContract.signSale.input.parse(CAFE_SALE)),
  });

  const dir = await mkdtemp(join(dataParent, 'kassen-bench-breakdown-'));
  const journal = Journal.open(join(dir, 'journal.sqlite'));
  try {
    const draft = posApiContract.signSale.input.parse(CAFE_SALE);
    const sale = calculateSale(draft.lines, draft.payments);
    const requestBody = JSON.stringify(signAtBody('NORMAL', sale, 'standard_v1'));
    const ids: string[] = [];
    steps.push({
      step: 'journal: accept (fsync’d commit)',
      timing: await time(count, () => {
        const id = randomUUID();
        ids.push(id);
        journal.accept({
          id,
          registerId: receipt.cashRegisterId,
          kassenId: receipt.kassenId,
          environment: receipt.environment,
          kind: 'NORMAL',
          requestBody,
          sale,
          createdMs: Date.now(),
          cancels: null,
        });
      }),
    });
    let next = 0;
    steps.push({
      step: 'journal: markSigned (commit, no fsync)',
      timing: await time(count, () => {
        const id = ids[next++] ?? '';
        journal.markSigned(
          id,
          {
            signed: true,
            receiptNumber: String(next),
            signedAtMs: Date.now(),
            qrCodeData: receipt.qrCodeData,
            kassenId: receipt.kassenId,
            hints: [],
            response: '{}',
          },
          {
            receiptId: id,
            startedMs: Date.now(),
            finishedMs: Date.now(),
            outcome: 'signed',
            httpStatus: 200,
            errorCode: null,
            requestId: null,
          },
        );
      }),
    });
    next = 0;
    const read = () => journal.get(ids[next++ % ids.length] ?? '');
    steps.push({ step: CPU_STEPS[0], timing: await time(count, read) });
    steps.push({ step: CPU_STEPS[0] + AFTER_PAUSE, timing: await time(count, read, PAUSE_MS) });
    next = 0;
    const jobs: number[] = [];
    steps.push({
      step: 'journal: startPrintJob (fsync’d commit, before the printer gets a byte)',
      timing: await time(count, () => {
        jobs.push(journal.startPrintJob(ids[next++] ?? '', false, Date.now()));
      }),
    });
    next = 0;
    steps.push({
      step: 'journal: finishPrintJob (fsync’d commit, after the paper)',
      timing: await time(count, () => journal.finishPrintJob(jobs[next++] ?? 0, true, Date.now())),
    });
  } finally {
    journal.close();
    await rm(dir, { recursive: true, force: true });
  }

  const lay = () => layoutReceipt(receipt, company, { columns: profile.columns });
  steps.push({ step: CPU_STEPS[1], timing: await time(count, lay) });
  steps.push({ step: CPU_STEPS[1] + AFTER_PAUSE, timing: await time(count, lay, PAUSE_MS) });
  steps.push({
    step: 'QR symbol size (qrSymbolSize, native QR mode)',
    timing: await time(count, () => qrSymbolSize(receipt.qrCodeData ?? '')),
  });
  steps.push({
    step: 'QR symbol drawn (qrMatrix, raster mode and preview)',
    timing: await time(count, () => qrMatrix(receipt.qrCodeData ?? '')),
  });
  const encode = () => encodeReceiptDocument(document, profile, { openDrawer: true });
  steps.push({ step: CPU_STEPS[2], timing: await time(count, encode) });
  steps.push({ step: CPU_STEPS[2] + AFTER_PAUSE, timing: await time(count, encode, PAUSE_MS) });
  const printer = { host: '127.0.0.1', port: printerPort };
  steps.push({
    step: `TCP send to the fake printer (${bytes.length} bytes)`,
    timing: await time(count, () => sendToTcpPrinter(printer, bytes)),
  });
  steps.push({
    step: PRINTER_JOB_STEP,
    timing: await timeAfter(
      count,
      async () => {
        // As the pipeline has it: the connection was opened while SIGN AT signed.
        const warm = warmTcpConnection(printer, DEFAULT_TCP_TIMEOUTS.connectMs, 10_000);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return warm;
      },
      (warm) => sendToTcpPrinter(printer, bytes, DEFAULT_TCP_TIMEOUTS, warm),
    ),
  });
  return steps;
}
