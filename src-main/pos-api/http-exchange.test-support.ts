// A raw HTTP exchange for tests that need what fetch will not send: a foreign Host header, an
// un-normalized path, or a body that is not what its headers claim.
import { request } from 'node:http';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  origin: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Reads Server-Sent Events from a fetch response until `enough(messagesSoFar)` holds or the stream ends. */
export async function readSseUntil(
  response: Response,
  enough: (messages: unknown[]) => boolean,
): Promise<unknown[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const messages: unknown[] = [];
  let buffer = '';
  while (!enough(messages)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data) messages.push(JSON.parse(data));
    }
  }
  await reader.cancel();
  return messages;
}

export function readSseMessages(response: Response, count: number): Promise<unknown[]> {
  return readSseUntil(response, (messages) => messages.length >= count);
}
