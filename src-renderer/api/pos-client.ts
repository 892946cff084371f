// The renderer's one way to main: `window.pos` in Electron, else the headless HTTP bridge.
// Every answer is validated against the contract's output schema before a screen sees it, because
// the renderer must not act on a malformed value (e.g. print a receipt with a wrong total).
import { posApiContract, type OperationName, type PosApi } from '../../src-shared/pos-api-contract.ts';
import { createPosApiClient } from '../../src-shared/pos-api-dispatch.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import { takeBridgeToken } from './bridge-token.ts';
import { createHttpBridge } from './http-bridge.ts';
import { createPreloadBridge } from './preload-bridge.ts';
import type { PosTransport } from './transport.ts';

export interface PosClient {
  readonly api: PosApi;
  readonly transport: PosTransport;
}

function validatingInvoke(transport: PosTransport) {
  return async (name: OperationName, input: unknown): Promise<Outcome<unknown>> => {
    const outcome = await transport.invoke(name, input);
    if (!outcome.ok) return outcome;
    const parsed = posApiContract[name].output.safeParse(outcome.value);
    if (parsed.success) return { ok: true, value: parsed.data };
    return {
      ok: false,
      error: { code: 'internal', message: `Antwort auf ${name} passt nicht zum Vertrag` },
    };
  };
}

type PosClientResult = { ok: true; client: PosClient } | { ok: false; reason: 'no_token' };

export function connectPosClient(): PosClientResult {
  const preload = createPreloadBridge();
  let transport: PosTransport;
  if (preload) {
    transport = preload;
  } else {
    const token = takeBridgeToken();
    if (!token) return { ok: false, reason: 'no_token' };
    transport = createHttpBridge(token);
  }
  return { ok: true, client: { api: createPosApiClient(validatingInvoke(transport)), transport } };
}
