// What stands at the other end of the wire, each in a process of its own so that it neither shares an
// event loop with the app under test nor shows up in its profile: the SIGN AT emulator (the cloud) and
// a fake network receipt printer on TCP 9100's behalf (it takes the bytes and closes, as a printer
// does). They are apart from each other too, as a printer is not in fiskaly's data centre: the
// emulator's work after an answer must not hold up the printer's reading of the receipt.
// Run as a child: `node bench/remote-peers.ts sign-at|printer` prints one JSON line with its address,
// then serves until its stdin closes.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../src-main/emulator/sign-at-emulator.ts';

/** The emulator takes any key pair, each as an organization of its own (one SCU each, as SIGN AT). */
export interface PeerCredentials {
  apiKey: string;
  apiSecret: string;
}
export const TILL_CREDENTIALS: PeerCredentials = {
  apiKey: 'bench-till',
  apiSecret: 'bench-till-secret-0123456789',
};
export const BARE_CREDENTIALS: PeerCredentials = {
  apiKey: 'bench-bare',
  apiSecret: 'bench-bare-secret-0123456789',
};

export interface RemotePeers {
  baseUrl: string;
  controlUrl: string;
  printerPort: number;
  /** Same as `POST /_emulator/faults`. */
  setLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

type Role = 'sign-at' | 'printer';

interface SignAtAddresses {
  baseUrl: string;
  controlUrl: string;
}

interface PrinterAddress {
  printerPort: number;
}

async function startFakePrinter(): Promise<net.Server> {
  const server = net.createServer((socket) => {
    socket.on('data', () => {});
    // All bytes are in: close our side, which is what the app's TCP transport waits for.
    socket.on('end', () => socket.end());
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

async function serve(role: Role): Promise<void> {
  let close: () => Promise<void>;
  if (role === 'sign-at') {
    const emulator = await startEmulator({ port: 0 });
    const addresses: SignAtAddresses = { baseUrl: emulator.baseUrl, controlUrl: emulator.controlUrl };
    process.stdout.write(`${JSON.stringify(addresses)}\n`);
    close = () => emulator.close();
  } else {
    const printer = await startFakePrinter();
    const address = printer.address();
    if (address === null || typeof address === 'string') throw new Error('fake printer has no port');
    const addresses: PrinterAddress = { printerPort: address.port };
    process.stdout.write(`${JSON.stringify(addresses)}\n`);
    close = () => new Promise((resolve) => printer.close(() => resolve()));
  }
  process.stdin.resume();
  await once(process.stdin, 'end');
  await close();
  process.exit(0);
}

interface Peer<A> {
  addresses: A;
  close(): Promise<void>;
}

async function startPeer<A>(role: Role): Promise<Peer<A>> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), role], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`remote peer ${role} exited with ${code}`)));
  });
  lines.close();
  return {
    addresses: JSON.parse(first) as A,
    async close() {
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    },
  };
}

export async function startRemotePeers(): Promise<RemotePeers> {
  const [signAt, printer] = await Promise.all([
    startPeer<SignAtAddresses>('sign-at'),
    startPeer<PrinterAddress>('printer'),
  ]);
  const { controlUrl } = signAt.addresses;
  return {
    ...signAt.addresses,
    ...printer.addresses,
    async setLatency(ms) {
      const response = await fetch(`${controlUrl}/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ latency_ms: ms }),
      });
      if (!response.ok) throw new Error(`setting the emulator latency failed: ${response.status}`);
    },
    async close() {
      await Promise.all([signAt.close(), printer.close()]);
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const role = process.argv[2];
  if (role !== 'sign-at' && role !== 'printer') throw new Error('usage: remote-peers.ts sign-at|printer');
  await serve(role);
}
