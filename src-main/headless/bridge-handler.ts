// The PosApi bridge over HTTP: one generic route for every contract operation, generated from the
// table through dispatchOperation. There is no per-operation code here, so a new operation in the
// contract is reachable from the browser the moment it exists.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ARTICLE_CSV_MAX_BYTES } from '../../src-shared/article-import.ts';
import { BRIDGE_PATH_PREFIX } from '../../src-shared/bridge-protocol.ts';
import type { PosApiHandlers } from '../../src-shared/pos-api-contract.ts';
import { dispatchOperation } from '../../src-shared/pos-api-dispatch.ts';
import { PosError, type Outcome } from '../../src-shared/pos-error.ts';
import type { Logger } from '../host/app-host.ts';
import { bearerFrom, tokensMatch } from '../pos-api/bearer-token.ts';
import { HTTP_STATUS_FOR } from '../pos-api/error-status.ts';
import { sendJson } from '../pos-api/http-answer.ts';
import { parseJsonBody, readBody } from '../pos-api/request-body.ts';

/**
 * The largest input is an article file to import (4 MiB, as base64 a third more); a sale of 500 lines
 * is far below it. Anything bigger is not a till talking.
 */
export const BRIDGE_BODY_LIMIT = Math.ceil((ARTICLE_CSV_MAX_BYTES * 4) / 3) + 64 * 1024;

function failure(res: ServerResponse, error: PosError, status = HTTP_STATUS_FOR[error.code]): void {
  const outcome: Outcome<never> = { ok: false, error: error.toBody() };
  sendJson(res, status, outcome, error.code === 'too_large' ? { Connection: 'close' } : {});
}

export function createBridgeHandler(handlers: PosApiHandlers, token: string, log: Logger) {
  return async function handleBridge(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    if (!tokensMatch(bearerFrom(req.headers.authorization), token)) {
      failure(res, new PosError('unauthorized', 'fehlendes oder falsches Token'));
      return;
    }
    if (req.method !== 'POST') {
      failure(res, new PosError('not_found', 'die Brücke nimmt nur POST an'), 405);
      return;
    }
    const name = pathname.slice(BRIDGE_PATH_PREFIX.length);
    let input: unknown;
    try {
      input = parseJsonBody(await readBody(req, BRIDGE_BODY_LIMIT));
    } catch (error) {
      if (!(error instanceof PosError)) throw error;
      failure(res, error, error.code === 'invalid_input' ? 400 : HTTP_STATUS_FOR[error.code]);
      return;
    }
    const outcome = await dispatchOperation(handlers, name, input, (error) =>
      log.error('Brücke: interner Fehler', { operation: name, error }),
    );
    sendJson(res, outcome.ok ? 200 : HTTP_STATUS_FOR[outcome.error.code], outcome);
  };
}
