// The app's HTTP services answer only the PC they run on unless the merchant says otherwise: a till
// token on a shop's Wi-Fi is one sniffed request away from signing receipts in the merchant's name.
import { isIP } from 'node:net';

export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** Throws unless `host` is loopback or the caller explicitly allowed other interfaces. */
export function assertBindAllowed(host: string, allowNonLoopback: boolean): void {
  if (!allowNonLoopback && !isLoopbackHost(host)) {
    throw new Error(
      `Adresse ${host} ist nicht lokal (127.0.0.1): andere Rechner könnten Belege signieren. ` +
        'Nur mit ausdrücklicher Freigabe (--allow-non-loopback) möglich.',
    );
  }
}
