// SIGN AT state changes (a new SCU's certificate, a register's FinanzOnline registration) may take a
// moment: the documented way is to GET again until the state is reached. A state that can never
// lead to the target (DEFECTIVE, DECOMMISSIONED) ends the wait at once instead of timing out.
import { setTimeout as sleep } from 'node:timers/promises';
import { SignAtError } from './sign-at-error.ts';

export interface WaitOptions {
  /** Pause between GETs; fiskaly suggests 2 s. */
  intervalMs?: number;
  /** Give up after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function waitForState<T extends { state: string }>(
  what: { method: string; path: string },
  read: () => Promise<T>,
  targets: readonly string[],
  dead: readonly string[],
  options: WaitOptions,
): Promise<T> {
  const intervalMs = options.intervalMs ?? 2000;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const resource = await read();
    if (targets.includes(resource.state)) return resource;
    if (dead.includes(resource.state)) {
      throw new SignAtError({
        kind: 'invalid_response',
        status: null,
        code: 'E_UNEXPECTED_STATE',
        message: `Zustand ${resource.state} statt ${targets.join('/')}`,
        requestId: null,
        ...what,
      });
    }
    if (Date.now() + intervalMs > deadline) {
      throw new SignAtError({
        kind: 'timeout',
        status: null,
        code: 'E_STATE_WAIT_TIMEOUT',
        message: `Zustand ${targets.join('/')} nicht erreicht (zuletzt ${resource.state})`,
        requestId: null,
        ...what,
      });
    }
    await sleep(intervalMs, undefined, options.signal ? { signal: options.signal } : undefined);
  }
}
