// Raw printing over TCP (port 9100, "JetDirect"): connect, send the job, close. One connection per
// job: printers keep no session state worth reusing, and a fresh connection after a power cycle is
// exactly the reconnect we need. The connection may be opened a moment before the job is ready.
import net from 'node:net';

interface TcpPrinterAddress {
  host: string;
  port: number;
}

export interface TcpTimeouts {
  /** How long a printer may take to accept the connection (a switched-off printer on the LAN). */
  connectMs: number;
  /** How long the printer may stall while taking the bytes (paper out, cover open). */
  idleMs: number;
  /** How long to wait for the printer to close its side after all bytes went out. */
  closeMs: number;
}

export const DEFAULT_TCP_TIMEOUTS: TcpTimeouts = { connectMs: 3000, idleMs: 10000, closeMs: 2000 };

/** The printer did not take the job; it is safe to send the whole job again later. */
export class PrinterUnavailableError extends Error {
  override readonly name = 'PrinterUnavailableError';
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'Verbindung abgelehnt',
  EHOSTUNREACH: 'Host nicht erreichbar',
  ENETUNREACH: 'Netz nicht erreichbar',
  ETIMEDOUT: 'Zeitüberschreitung',
  ECONNRESET: 'Verbindung abgebrochen',
  EPIPE: 'Verbindung abgebrochen',
  ENOTFOUND: 'Name unbekannt',
  EAI_AGAIN: 'Name nicht auflösbar',
};

export function describeTcpPrinter(address: TcpPrinterAddress): string {
  return `Drucker ${address.host}:${address.port}`;
}

function unavailable(address: TcpPrinterAddress, reason: string): PrinterUnavailableError {
  return new PrinterUnavailableError(`${describeTcpPrinter(address)} nicht erreichbar (${reason})`);
}

/** A socket handed over to a job, and whether its handshake is already done. */
interface TakenSocket {
  socket: net.Socket;
  connected: boolean;
}

/**
 * A connection to the printer opened before the job is ready (while SIGN AT signs the sale), so the
 * receipt need not wait for the TCP handshake once it is. It carries at most one job; one that is not
 * taken within `lifetimeMs` is closed without a byte (a printer takes that as a status probe), so a
 * printer that serves one connection at a time is not held from other tills for long.
 */
export interface WarmTcpConnection {
  /** Still connecting or connected, and not taken yet. */
  usable(): boolean;
  discard(): void;
  /** The socket for a job to `address`; null when it is dead, taken or for another printer. */
  take(address: TcpPrinterAddress): TakenSocket | null;
}

export function warmTcpConnection(
  address: TcpPrinterAddress,
  connectMs: number,
  lifetimeMs: number,
): WarmTcpConnection {
  const socket = net.connect({ host: address.host, port: address.port });
  // Waiting for a job must not keep a closing app alive.
  socket.unref();
  let state: 'connecting' | 'open' | 'dead' | 'taken' = 'connecting';
  const die = () => {
    if (state === 'taken') return;
    state = 'dead';
    clearTimeout(connectTimer);
    clearTimeout(lifetime);
    socket.destroy();
  };
  const connectTimer = setTimeout(() => {
    if (state === 'connecting') die();
  }, connectMs);
  const lifetime = setTimeout(die, lifetimeMs);
  connectTimer.unref();
  lifetime.unref();
  socket.on('error', die);
  // The printer's FIN ('end') already makes the connection useless; 'close' only follows later.
  socket.on('end', die);
  socket.on('close', die);
  // Printers may answer with status bytes (ASB); read and ignore them.
  socket.on('data', () => {});
  socket.once('connect', () => {
    if (state === 'connecting') state = 'open';
  });
  return {
    usable: () => state === 'connecting' || state === 'open',
    discard: die,
    take(target) {
      if (state !== 'connecting' && state !== 'open') return null;
      if (target.host !== address.host || target.port !== address.port) return null;
      const connected = state === 'open';
      state = 'taken';
      clearTimeout(connectTimer);
      clearTimeout(lifetime);
      socket.off('error', die);
      socket.off('end', die);
      socket.off('close', die);
      socket.ref();
      return { socket, connected };
    },
  };
}

/**
 * Resolves once the printer has every byte; rejects with PrinterUnavailableError otherwise. A warm
 * connection to the same printer carries the job when it is still open; should it fail, the job goes
 * once more over a fresh connection, as the queue would send it again anyway.
 */
export async function sendToTcpPrinter(
  address: TcpPrinterAddress,
  bytes: Uint8Array,
  timeouts: TcpTimeouts = DEFAULT_TCP_TIMEOUTS,
  warm: WarmTcpConnection | null = null,
): Promise<void> {
  // One pass of the event loop's poll phase first: a hang-up the printer sent while the connection
  // waited is then seen ('end'), instead of the job being written into a connection already closed
  // and counted as printed.
  if (warm?.usable()) await new Promise((resolve) => setImmediate(resolve));
  const taken = warm?.take(address) ?? null;
  warm?.discard();
  if (taken) {
    try {
      return await sendOn(taken, address, bytes, timeouts);
    } catch (error) {
      // The printer dropped the waiting connection: a fresh one says whether it is really off. A
      // printer that stalls (paper out) is not asked twice.
      if (!(error instanceof DroppedConnection)) throw error;
    }
  }
  return sendOn(
    { socket: net.connect({ host: address.host, port: address.port }), connected: false },
    address,
    bytes,
    timeouts,
  );
}

/** A connection closed or reset by the other side before the job was out. */
class DroppedConnection extends PrinterUnavailableError {}

function sendOn(
  { socket, connected }: TakenSocket,
  address: TcpPrinterAddress,
  bytes: Uint8Array,
  timeouts: TcpTimeouts,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let sent = false;
    let timer: NodeJS.Timeout | undefined = connected
      ? undefined
      : setTimeout(() => finish(unavailable(address, 'keine Antwort')), timeouts.connectMs);
    function finish(error?: Error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    }
    const dropped = (reason: string) =>
      connected && !sent
        ? new DroppedConnection(`${describeTcpPrinter(address)} nicht erreichbar (${reason})`)
        : unavailable(address, reason);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish(dropped(REASONS[error.code ?? ''] ?? error.code ?? error.message));
    });
    // Printers may answer with status bytes (ASB); read and ignore them so the socket can close.
    socket.on('data', () => {});
    socket.on('close', () => {
      if (sent) finish();
      else finish(dropped('Verbindung vorzeitig geschlossen'));
    });
    const send = () => {
      clearTimeout(timer);
      timer = undefined;
      socket.setTimeout(timeouts.idleMs, () => finish(unavailable(address, 'Drucker nimmt keine Daten an')));
      socket.end(bytes, () => {
        // Every byte is in the kernel's hands and our FIN is queued behind it; a printer closes its
        // side once it has read them all. Some never close: then the data is out, so it counts.
        sent = true;
        timer = setTimeout(() => finish(), timeouts.closeMs);
      });
    };
    if (connected) send();
    else socket.once('connect', send);
  });
}

/** Can we reach the printer at all? For the status bar; sends nothing. */
export function probeTcpPrinter(address: TcpPrinterAddress, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address.host, port: address.port });
    const timer = setTimeout(() => done(unavailable(address, 'keine Antwort')), timeoutMs);
    function done(error?: Error) {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    }
    socket.once('connect', () => done());
    socket.on('error', (error: NodeJS.ErrnoException) =>
      done(unavailable(address, REASONS[error.code ?? ''] ?? error.code ?? error.message)),
    );
  });
}
