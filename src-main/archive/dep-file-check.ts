// Checks a DEP7 file from anywhere (this app's export, another till's, an auditor's copy) with the
// archive's verifier: the file is read as a stream and its pieces go to the worker threads as they come,
// so that a year of receipts needs neither the whole file in memory nor more than a few pieces at a time.
// `npm run dep:verify` and the closing screen's "DEP-Datei prüfen" both run this.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CryptoMaterial } from '../../src-shared/crypto-material.ts';
import type { DepFinding, DepSummary, DepVerdict } from '../../src-shared/dep-verify-report.ts';
import { formatApiAmount } from '../../src-shared/money.ts';
import { invalidInput } from '../../src-shared/pos-error.ts';
import { materialProblems } from './dep-keys.ts';
import { DepFormatError, DepPieceReader } from './dep-piece-reader.ts';
import { addTally, emptyTally, type ChainPosition, type DepPiece } from './dep-verifier.ts';
import { JsonStreamParser, JsonSyntaxError } from './json-stream-parser.ts';
import { OrderedDepCheck, PIECE_RECEIPTS } from './parallel-dep-verifier.ts';

const READ_CHUNK_BYTES = 2 ** 20;

interface DepFileCheckOptions {
  /** The crypto material container (AES key, keys by serial), if there is one. */
  cryptoPath?: string | null;
  workers?: number;
  pieceReceipts?: number;
  signal?: AbortSignal;
  onWorkerLost?: (reason: string) => void;
  /** Each finding once it is certain, in file order (the file may be far from read to its end). */
  onFinding(finding: DepFinding): void;
}

export interface DepFileOutcome {
  verdict: DepVerdict;
  /** Why the file could not be checked; null when it was. */
  unusable: string | null;
  errors: number;
  summary: DepSummary | null;
}

/** The input could not be checked: a file that is missing or is no DEP, or unusable crypto material. */
export class Unusable extends Error {}

function unreadable(error: unknown, path: string, what: string): Unusable {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new Unusable(`${what} nicht gefunden: ${path}`);
    case 'EISDIR':
      return new Unusable(`${what} ist ein Ordner, keine Datei: ${path}`);
    case 'EACCES':
    case 'EPERM':
      return new Unusable(`${what}: keine Leseberechtigung für ${path}`);
    default:
      return new Unusable(
        `${what} nicht lesbar: ${path} (${error instanceof Error ? error.message : String(error)})`,
      );
  }
}

export async function readCryptoMaterial(path: string): Promise<CryptoMaterial> {
  const what = 'Kryptomaterial';
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(error, path, what);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Unusable(
      `${what} ${path} ist kein JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = CryptoMaterial.safeParse(json);
  if (!parsed.success) throw new Unusable(`${what} ${path}: ${invalidInput(parsed.error).message}`);
  const problems = materialProblems(parsed.data);
  if (problems.length > 0) throw new Unusable(`${what} ${path}: ${problems.join('; ')}`);
  return parsed.data;
}

/** The file's bytes as they are read; a file that cannot be read is Unusable, with why. */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    // Only the stream's own errors land here: one thrown by the caller's loop ends it through finally.
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw unreadable(error, path, 'DEP-Datei');
  } finally {
    stream.destroy();
  }
}

export async function checkDepFile(path: string, options: DepFileCheckOptions): Promise<DepFileOutcome> {
  const unusable = (reason: string): DepFileOutcome => ({
    verdict: 'unusable',
    unusable: reason,
    errors: 0,
    summary: null,
  });
  let material: CryptoMaterial | null = null;
  if (options.cryptoPath) {
    try {
      material = await readCryptoMaterial(options.cryptoPath);
    } catch (error) {
      if (error instanceof Unusable) return unusable(error.message);
      throw error;
    }
  }

  const start: ChainPosition = {
    kassenId: '',
    lastJws: null,
    lastReceiptNumber: null,
    lastDateTime: null,
    openOutage: false,
    // A file is checked from its Startbeleg: the counter starts at 0, if there is a key to read it with.
    counter: material?.base64AESKey === undefined ? null : 0n,
  };
  const tally = emptyTally();
  let errors = 0;
  const check = new OrderedDepCheck(
    start,
    {
      expectStartReceipt: true,
      material,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onWorkerLost === undefined ? {} : { onWorkerLost: options.onWorkerLost }),
    },
    (piece) => {
      for (const finding of piece.findings) {
        if (finding.kind === 'error') errors += 1;
        options.onFinding(finding);
      }
      addTally(tally, piece.tally);
    },
  );
  const pieces: DepPiece[] = [];
  const reader = new DepPieceReader(options.pieceReceipts ?? PIECE_RECEIPTS, (piece) => pieces.push(piece));
  const parser = new JsonStreamParser(reader);
  let end: ChainPosition;
  try {
    for await (const chunk of fileChunks(path)) {
      parser.write(chunk);
      for (const piece of pieces.splice(0)) await check.add(piece);
    }
    parser.end();
    reader.finish();
    for (const piece of pieces.splice(0)) await check.add(piece);
    if (reader.receipts === 0) throw new Unusable('keine DEP-Datei: „Belege-kompakt“ enthält keinen Beleg');
    end = await check.finish();
  } catch (error) {
    await check.close();
    if (error instanceof Unusable) return unusable(error.message);
    if (error instanceof JsonSyntaxError)
      return unusable(`keine DEP-Datei: kein gültiges JSON: ${error.message}`);
    if (error instanceof DepFormatError) return unusable(`keine DEP-Datei: ${error.message}`);
    throw error;
  }

  const aes = material?.base64AESKey !== undefined;
  return {
    verdict: errors > 0 ? 'invalid' : 'valid',
    unusable: null,
    errors,
    summary: {
      kassenId: end.kassenId === '' ? null : end.kassenId,
      receipts: tally.receipts,
      groups: reader.groups,
      byType: {
        start: tally.start,
        sale: tally.sale,
        zero: tally.zero,
        training: tally.training,
        cancellation: tally.cancellation,
      },
      failureMarked: tally.failureMarked,
      signatures: {
        checked: tally.signaturesChecked,
        unchecked: tally.signaturesUnchecked,
        uncheckedSerials: tally.uncheckedSerials,
      },
      turnoverCounter: aes && end.counter != null ? formatApiAmount(Number(end.counter)) : null,
      turnover: formatApiAmount(tally.turnoverCents),
      timeSpan:
        tally.earliest === null || tally.latest === null ? null : { from: tally.earliest, to: tally.latest },
    },
  };
}
