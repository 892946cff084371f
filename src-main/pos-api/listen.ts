// Starts a node:http server on an address the caller is allowed to bind, and stops it without waiting
// for idle keep-alive or event-stream connections to time out.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertBindAllowed } from './loopback-address.ts';

export interface Listening {
  /** `http://127.0.0.1:8420`: where a client on this PC reaches the server. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

function originFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

export async function listen(
  server: Server,
  host: string,
  port: number,
  allowNonLoopback: boolean,
): Promise<Listening> {
  assertBindAllowed(host, allowNonLoopback);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    origin: originFor(host, bound),
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
