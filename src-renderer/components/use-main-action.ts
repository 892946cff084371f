// One action that asks main and waits (decommission, a new register, a new token): while it runs its
// button is off, so a double click never asks twice; main's refusal is shown as it said it.
import { useCallback, useRef, useState } from 'react';
import { PosError } from '../../src-shared/pos-error.ts';

interface MainAction {
  working: boolean;
  /** Main's message when the last run failed; null after a success or while running. */
  problem: string | null;
  run(action: () => Promise<void>): Promise<void>;
}

export function useMainAction(): MainAction {
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A ref, not the state: two clicks in one frame both see the state before either re-render.
  const busy = useRef(false);
  const run = useCallback(async (action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setWorking(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(error instanceof PosError ? error.message : String(error));
    } finally {
      busy.current = false;
      setWorking(false);
    }
  }, []);
  return { working, problem, run };
}
