// In Electron the sandboxed preload defines `window.pos` (see src-shared/bridge-protocol.ts). We only
// trust its shape after checking it, and still validate every event it delivers.
import { parsePosEvent, PRELOAD_GLOBAL, type PosWindowApi } from '../../src-shared/bridge-protocol.ts';
import { OPERATION_NAMES, type OperationName, type PosEvent } from '../../src-shared/pos-api-contract.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import { parseOutcome, unreachable } from './outcome-schema.ts';
import type { PosTransport } from './transport.ts';

function findPreloadApi(): PosWindowApi | null {
  const candidate: unknown = Reflect.get(window, PRELOAD_GLOBAL);
  if (typeof candidate !== 'object' || candidate === null) return null;
  const api = candidate as Record<string, unknown>;
  if (typeof api.onEvent !== 'function') return null;
  return api as unknown as PosWindowApi;
}

export function createPreloadBridge(): PosTransport | null {
  const api = findPreloadApi();
  if (!api) return null;

  async function invoke(name: OperationName, input: unknown): Promise<Outcome<unknown>> {
    const operation: unknown = Reflect.get(api as object, name);
    // A preload older than this renderer may lack an operation; say so instead of crashing.
    if (typeof operation !== 'function' || !OPERATION_NAMES.includes(name)) {
      return { ok: false, error: { code: 'not_found', message: `unbekannte Operation: ${name}` } };
    }
    try {
      const raw: unknown = await (operation as (input: unknown) => Promise<unknown>)(input);
      return parseOutcome(raw);
    } catch (error) {
      return unreachable(error instanceof Error ? error.message : String(error));
    }
  }

  function subscribe(listener: (event: PosEvent) => void): () => void {
    return api!.onEvent((raw: unknown) => {
      const event = parsePosEvent(raw);
      if (event) listener(event);
    });
  }

  return { kind: 'electron', invoke, subscribe };
}
