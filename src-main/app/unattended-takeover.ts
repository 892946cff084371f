// The takeover from a setup file (`"cash_register": {"id": …}`): the takeover screen's run, without
// questions. The same file on a PC that took this register over already changes nothing; a PC with
// another register, or a setup begun, refuses it.
import { PosError } from '../../src-shared/pos-error.ts';
import type { StartTakeoverParsed, TakeoverView } from '../../src-shared/takeover.ts';
import type { AppParts } from './app-parts.ts';

export type UnattendedTakeoverOutcome =
  /** `ranSteps` false: this PC signs on this register already; nothing was done. */
  | { result: 'done'; view: TakeoverView; ranSteps: boolean; kassenId: string }
  | { result: 'failed'; view: TakeoverView; message: string }
  | { result: 'refused'; message: string };

export async function runUnattendedTakeover(
  { takeover, runtime, onboarding }: Pick<AppParts, 'takeover' | 'runtime' | 'onboarding'>,
  input: StartTakeoverParsed,
  onView: (view: TakeoverView) => void,
): Promise<UnattendedTakeoverOutcome> {
  const active = runtime.active;
  if (active) {
    if (active.register.registerId !== input.registerId) {
      return { result: 'refused', message: 'Auf diesem PC ist bereits eine andere Kasse eingerichtet.' };
    }
    return { result: 'done', view: takeover.view(), ranSteps: false, kassenId: active.register.kassenId };
  }
  if (onboarding.running || onboarding.record() !== null) {
    return { result: 'refused', message: 'Auf diesem PC ist eine Neueinrichtung begonnen.' };
  }
  const stopWatching = takeover.watch(onView);
  try {
    try {
      takeover.start(input);
    } catch (error) {
      if (!(error instanceof PosError)) throw error;
      return { result: 'refused', message: error.message };
    }
    const view = await takeover.settled();
    if (view.phase === 'done' && view.result) {
      return { result: 'done', view, ranSteps: true, kassenId: view.result.kassenId };
    }
    return { result: 'failed', view, message: view.error ?? 'Übernahme abgebrochen' };
  } finally {
    stopWatching();
  }
}
