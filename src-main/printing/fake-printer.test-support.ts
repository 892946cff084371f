// A network receipt printer for tests: a TCP server on 127.0.0.1 that keeps every byte of every
// connection. It can be switched off (port closed) and on again on the same port, like a printer
// whose power switch the cashier flips.
import { once } from 'node:events';
import net from 'node:net';

export interface FakePrinter {
  readonly port: number;
  /** One entry per connection that ended, in arrival order. */
  readonly jobs: Uint8Array[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once `count` jobs have arrived. */
  waitForJobs(count: number): Promise<Uint8Array[]>;
}

/** A port that was free a moment ago, for a printer that starts switched off. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function createFakePrinter(options: { port?: number; on?: boolean } = {}): Promise<FakePrinter> {
  const port = options.port ?? (await freePort());
  const jobs: Uint8Array[] = [];
  const waiters: { count: number; resolve: (jobs: Uint8Array[]) => void }[] = [];
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;

  const settle = () => {
    for (const waiter of [...waiters]) {
      if (jobs.length < waiter.count) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve([...jobs]);
    }
  };

  const printer: FakePrinter = {
    port,
    jobs,
    async start() {
      server = net.createServer((socket) => {
        sockets.add(socket);
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('end', () => {
          // A status probe connects and leaves without a byte: nothing to print.
          if (chunks.length > 0) jobs.push(new Uint8Array(Buffer.concat(chunks)));
          socket.end();
          settle();
        });
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {});
      });
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    async stop() {
      const current = server;
      server = null;
      if (!current) return;
      for (const socket of sockets) socket.destroy();
      current.close();
      await once(current, 'close');
    },
    waitForJobs(count) {
      return new Promise((resolve) => {
        waiters.push({ count, resolve });
        settle();
      });
    },
  };
  if (options.on !== false) await printer.start();
  return printer;
}
