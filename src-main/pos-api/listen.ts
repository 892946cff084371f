// Starts a node:http server on an address the caller is allowed to bind, and stops it without waiting
// for idle keep-alive or event-stream connections to time out. Asked to, it moves on to the next port
// when the one asked for is taken (npm start on a PC where 8420 is in use).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertBindAllowed } from './loopback-address.ts';

export interface Listening {
  /** `http://127.0.0.1:8420`: where a client on this PC reaches the server. */
  origin: string;
  port: number;
  /** The port asked for, when it was taken and the server moved on to `port`; else null. */
  portInUse: number | null;
  close(): Promise<void>;
}

interface ListenOptions {
  /** How many following ports to try when `port` is taken (0: none, the EADDRINUSE is thrown). */
  nextPorts?: number;
}

function originFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

function listenOnce(server: Server, host: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => reject(error);
    server.once('error', fail);
    server.listen({ host, port }, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

export async function listen(
  server: Server,
  host: string,
  port: number,
  allowNonLoopback: boolean,
  options: ListenOptions = {},
): Promise<Listening> {
  assertBindAllowed(host, allowNonLoopback);
  const lastPort = port === 0 ? 0 : Math.min(65535, port + (options.nextPorts ?? 0));
  for (let candidate = port; ; candidate++) {
    try {
      await listenOnce(server, host, candidate);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || candidate >= lastPort) throw error;
    }
  }
  const bound = (server.address() as AddressInfo).port;
  return {
    origin: originFor(host, bound),
    port: bound,
    portInUse: port !== 0 && bound !== port ? port : null,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
