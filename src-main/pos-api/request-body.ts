// Reads a request body with a hard size limit and parses it as JSON. Oversized bodies are drained up to
// a bound (so the client reads our 413 instead of a reset connection) and cut off beyond it.
import type { IncomingMessage } from 'node:http';
import { PosError } from '../../src-shared/pos-error.ts';

const DRAIN_FACTOR = 8;

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const tooLarge = () => new PosError('too_large', `Anfrage zu groß (höchstens ${limitBytes} Bytes)`);
  if (Number.isFinite(declared) && declared > limitBytes * DRAIN_FACTOR) {
    req.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes * DRAIN_FACTOR) {
      req.destroy();
      throw tooLarge();
    }
    if (size <= limitBytes) chunks.push(chunk);
  }
  if (size > limitBytes) throw tooLarge();
  return Buffer.concat(chunks);
}

/** An empty body means "no input"; anything else must be JSON. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new PosError('invalid_input', 'Anfrage ist kein gültiges JSON');
  }
}
