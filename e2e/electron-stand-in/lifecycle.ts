// The state app, BrowserWindow, protocol and session share: whether Electron has finished starting
// (several APIs may only be used before or only after `ready`), and which windows are open.

let ready = false;
let resolveReady: () => void = () => {};
const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

export function isReady(): boolean {
  return ready;
}

export function whenReady(): Promise<void> {
  return readyPromise;
}

export function markReady(): void {
  ready = true;
  resolveReady();
}

/** What the app needs of a window to quit, to exit and to notice the last one closing. */
export interface OpenWindow {
  /** Asks the window to close as its close button would; false when something kept it open. */
  requestClose(): Promise<boolean>;
  /** Closes it at once, without events (app.exit). */
  discard(): void;
}

const openWindows = new Set<OpenWindow>();
let lastWindowClosed: () => void = () => {};

export function windowOpened(window: OpenWindow): void {
  openWindows.add(window);
}

export function windowClosed(window: OpenWindow): void {
  if (!openWindows.delete(window)) return;
  if (openWindows.size === 0) lastWindowClosed();
}

export function allOpenWindows(): OpenWindow[] {
  return [...openWindows];
}

export function onLastWindowClosed(listener: () => void): void {
  lastWindowClosed = listener;
}
