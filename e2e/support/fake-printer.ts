// A receipt printer for the specs: a TCP server on 127.0.0.1 that keeps every byte it is sent, the way
// a network thermal printer on port 9100 would take ESC/POS.
import { createServer, type Socket } from 'node:net';

/** Bounds a wait for bytes that never come, so a broken print fails the spec instead of hanging it. */
const WAIT_LIMIT_MS = 30_000;

export interface FakePrinter {
  host: string;
  port: number;
  /** Everything received so far, all connections in order. */
  bytes(): Buffer;
  /** Resolves once the bytes received after `from` contain `needle`; returns their position. */
  waitFor(needle: Buffer | string, from?: number): Promise<number>;
  close(): Promise<void>;
}

export async function startFakePrinter(): Promise<FakePrinter> {
  let received = Buffer.alloc(0);
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      for (const wake of waiters) wake();
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake printer has no port');

  return {
    host: '127.0.0.1',
    port: address.port,
    bytes: () => received,
    waitFor(needle, from = 0) {
      const wanted = typeof needle === 'string' ? Buffer.from(needle, 'latin1') : needle;
      return new Promise((resolve, reject) => {
        const check = () => {
          const at = received.indexOf(wanted, from);
          if (at < 0) return;
          cleanup();
          resolve(at);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`the printer never received ${JSON.stringify(wanted.toString('latin1'))}`));
        }, WAIT_LIMIT_MS);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
