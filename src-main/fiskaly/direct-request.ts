// Runs in the main process (plain Node).
// The transport of the sale's direct PUT (see SignAtClient.#sendDirect): node:http(s) with a keep-alive
// agent. fetch (undici) puts a WHATWG layer on every call (Request, Headers, body streams, the response
// as a stream read back to text), which costs more per call than node:http's request (sign-overhead in
// bench/ measures both), and the cashier waits for this call on every sale. Only this one request goes
// this way; everything else, retries included, goes through ky.
import http from 'node:http';
import https from 'node:https';

interface DirectAnswer {
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  /** The body as text, read to its end. */
  body: string;
}

interface DirectRequest {
  method: string;
  headers: Record<string, string>;
  body: string | null;
  signal: AbortSignal;
}

/** Sends one request and reads the whole answer; rejects on any transport failure or an abort. */
export type DirectSend = (url: string, request: DirectRequest) => Promise<DirectAnswer>;

/**
 * How long a connection may wait idle for the next sale. As fetch (undici) does by default: a connection
 * kept longer may have been dropped without a word by a router between the till and SIGN AT, and the
 * next sale would then wait for its timeout instead of a fresh connection. A shorter `Keep-Alive:
 * timeout` from the server wins (node:http takes it from the answer).
 */
const IDLE_CONNECTION_MS = 4000;

/** A sender with its own keep-alive agents, so sales in quick succession reuse the connection. */
export function nodeHttpSend(idleMs: number = IDLE_CONNECTION_MS): DirectSend {
  // `timeout` closes a connection idle that long (node:http destroys a free socket on its timeout).
  const httpAgent = new http.Agent({ keepAlive: true, timeout: idleMs });
  const httpsAgent = new https.Agent({ keepAlive: true, timeout: idleMs });
  return (url, request) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      if (!secure && target.protocol !== 'http:') {
        reject(new TypeError(`unsupported protocol ${target.protocol}`));
        return;
      }
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== null) headers['content-length'] = String(Buffer.byteLength(request.body));
      const options = {
        method: request.method,
        headers,
        agent: secure ? httpsAgent : httpAgent,
        signal: request.signal,
      };
      const onAnswer = (response: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        // A connection lost mid-answer is an 'error' here (or an 'end' of an incomplete message).
        response.on('error', reject);
        response.on('end', () => {
          if (!response.complete) {
            reject(new Error('answer broken off'));
            return;
          }
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            headers: {
              get(name) {
                const value = response.headers[name.toLowerCase()];
                return Array.isArray(value) ? value.join(', ') : (value ?? null);
              },
            },
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      };
      const outgoing = secure
        ? https.request(target, options, onAnswer)
        : http.request(target, options, onAnswer);
      outgoing.on('error', reject);
      outgoing.end(request.body ?? undefined);
    });
}

/** The same through a fetch (a test's, or one that injects faults): its answer read to the end. */
export function fetchSend(fetchImpl: typeof fetch): DirectSend {
  return async (url, request) => {
    const response = await fetchImpl(url, request);
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body: await response.text(),
    };
  };
}
