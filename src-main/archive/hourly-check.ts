// The clock of the app's daily work (the DEP export, the backups): a look once an hour while the app
// runs, and one at once, so a PC switched on in the morning catches up on what fell due overnight. The
// timer never keeps a closing process alive.
export interface HourlyCheck {
  stop(): void;
}

const HOUR_MS = 3600_000;

export function checkHourly(look: () => void): HourlyCheck {
  const timer = setInterval(look, HOUR_MS);
  timer.unref();
  queueMicrotask(look);
  return { stop: () => clearInterval(timer) };
}
