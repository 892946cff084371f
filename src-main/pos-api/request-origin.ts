// Guards against a web page in the merchant's browser talking to the local services: DNS rebinding
// (a foreign name pointing at 127.0.0.1) shows up as a foreign Host header, and a cross-site request
// carries a foreign Origin. Both are refused before a token is even looked at.
import type { IncomingMessage } from 'node:http';
import { PosError } from '../../src-shared/pos-error.ts';
import { isLoopbackHost } from './loopback-address.ts';

function hostName(hostHeader: string): string {
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(hostHeader);
  return match?.[1] ?? '';
}

/**
 * Null if the request may proceed. With `allowNonLoopback` the Host may be any name the merchant's
 * network gives this PC; otherwise it must be a loopback name.
 */
export function checkRequestOrigin(req: IncomingMessage, allowNonLoopback: boolean): PosError | null {
  const host = req.headers.host ?? '';
  if (!host || (!allowNonLoopback && !isLoopbackHost(hostName(host)))) {
    return new PosError('unauthorized', 'unbekannter Host');
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return new PosError('unauthorized', 'fremde Herkunft (Origin) ist nicht erlaubt');
  }
  return null;
}
