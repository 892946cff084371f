// Reads a request body with a hard size limit and parses it as JSON. An oversized body is read to its
// end and thrown away, up to DRAIN_LIMIT_BYTES, so that the 413 goes out after the client has sent
// everything: closing a socket that still has unread bytes makes the kernel answer with a reset, and the
// client (Node's fetch, curl) then sees ECONNRESET instead of the answer.
import type { IncomingMessage } from 'node:http';
import { PosError } from '../../src-shared/pos-error.ts';

/**
 * How much of an oversized body is read and discarded before the connection is given up. A sale is a
 * few KiB; a client sending more than this is not a till, and reading on would only cost the till time.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const tooLarge = () => new PosError('too_large', `Anfrage zu groß (höchstens ${limitBytes} Bytes)`);
  const declared = Number(req.headers['content-length'] ?? NaN);
  // Beyond the drain limit nothing is read: the answer goes out at once and the connection is closed.
  if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onGone);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) {
        // Paused, not destroyed: the caller still answers before the connection closes.
        stop();
        req.pause();
        reject(tooLarge());
      }
    };
    const onEnd = () => {
      stop();
      if (size > limitBytes) reject(tooLarge());
      else resolve(Buffer.concat(chunks));
    };
    // The client went away before the end: there is nobody to answer, and nothing went wrong here.
    const onGone = () => {
      stop();
      reject(new PosError('invalid_input', 'Anfrage abgebrochen'));
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onGone);
    req.once('close', onGone);
  });
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
