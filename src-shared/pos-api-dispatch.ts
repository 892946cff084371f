// Both directions of the contract, written once: every host (ipcMain, HTTP bridge) serves the core
// through `dispatchOperation`, and every client (preload, browser bridge) is built by `createPosApiClient`.
import {
  isOperationName,
  OPERATION_NAMES,
  posApiContract,
  type OperationName,
  type PosApi,
  type PosApiHandlers,
} from './pos-api-contract.ts';
import { invalidInput, PosError, type Outcome } from './pos-error.ts';

/** Validates `rawInput` against the contract, runs the handler and returns an Outcome, never throwing. */
export async function dispatchOperation(
  handlers: PosApiHandlers,
  name: string,
  rawInput: unknown,
  onInternalError: (error: unknown) => void = () => {},
): Promise<Outcome<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'not_found', message: `unbekannte Operation: ${name}` } };
  }
  const parsed = posApiContract[name].input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toBody() };
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof PosError) return { ok: false, error: error.toBody() };
    onInternalError(error);
    return { ok: false, error: { code: 'internal', message: 'interner Fehler' } };
  }
}

export type RawInvoke = (name: OperationName, input: unknown) => Promise<Outcome<unknown>>;

/** A PosApi whose calls go through `invoke` and come back as values or thrown PosErrors. */
export function createPosApiClient(invoke: RawInvoke): PosApi {
  const entries = OPERATION_NAMES.map((name) => [
    name,
    async (input: unknown) => {
      const outcome = await invoke(name, input);
      if (outcome.ok) return outcome.value;
      throw new PosError(outcome.error.code, outcome.error.message, outcome.error.field);
    },
  ]);
  return Object.fromEntries(entries) as PosApi;
}
