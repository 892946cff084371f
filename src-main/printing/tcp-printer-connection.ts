// Raw printing over TCP (port 9100, "JetDirect"): connect, send the job, close. One connection per
// job: printers keep no session state worth reusing, and a fresh connection after a power cycle is
// exactly the reconnect we need.
import net from 'node:net';

export interface TcpPrinterAddress {
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

/** Resolves once the printer has every byte; rejects with PrinterUnavailableError otherwise. */
export function sendToTcpPrinter(
  address: TcpPrinterAddress,
  bytes: Uint8Array,
  timeouts: TcpTimeouts = DEFAULT_TCP_TIMEOUTS,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address.host, port: address.port });
    let settled = false;
    let sent = false;
    let timer: NodeJS.Timeout | undefined = setTimeout(
      () => finish(unavailable(address, 'keine Antwort')),
      timeouts.connectMs,
    );
    function finish(error?: Error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    }
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish(unavailable(address, REASONS[error.code ?? ''] ?? error.code ?? error.message));
    });
    // Printers may answer with status bytes (ASB); read and ignore them so the socket can close.
    socket.on('data', () => {});
    socket.on('close', () => {
      if (sent) finish();
      else finish(unavailable(address, 'Verbindung vorzeitig geschlossen'));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      timer = undefined;
      socket.setTimeout(timeouts.idleMs, () => finish(unavailable(address, 'Drucker nimmt keine Daten an')));
      socket.end(bytes, () => {
        // Every byte is in the kernel's hands and our FIN is queued behind it; a printer closes its
        // side once it has read them all. Some never close: then the data is out, so it counts.
        sent = true;
        timer = setTimeout(() => finish(), timeouts.closeMs);
      });
    });
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
