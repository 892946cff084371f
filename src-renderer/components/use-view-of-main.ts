import { useEffect } from 'react';

/**
 * A view main keeps of a run in the background (the setup, a takeover): asked once, then again every
 * `intervalMs` while it runs, since such a run has no event of its own. `view` is the last answer, so
 * each answer schedules the next ask.
 */
export function useViewOfMain(
  load: () => Promise<void>,
  running: boolean,
  view: unknown,
  intervalMs: number,
): void {
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!running) return;
    const timer = window.setTimeout(() => void load(), intervalMs);
    return () => window.clearTimeout(timer);
  }, [running, view, load, intervalMs]);
}
