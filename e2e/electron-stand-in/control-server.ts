// The executable's end of the control channel (control-protocol.ts).
import { app } from './app-module.ts';
import { describeWindow, pageOf, windowsSoFar, type BrowserWindow } from './browser-window.ts';
import { handledChannels, invokedChannels } from './ipc-main.ts';
import { recorded, windowOpensAnswered, type Observations } from './observations.ts';
import { sessionHardening } from './session-module.ts';
import { unknownApiUses } from './strict-surface.ts';
import { rendererOf } from './web-contents.ts';
import type { ControlRequest, FromExecutable, ToExecutable } from './control-protocol.ts';

function tell(message: FromExecutable): void {
  process.send?.(message);
}

function windowById(id: number): BrowserWindow {
  const window = windowsSoFar().find((candidate) => candidate.id === id);
  if (!window) throw new Error(`no window ${id}`);
  return window;
}

function observations(): Observations {
  return {
    unknownApi: [...unknownApiUses()],
    preloadErrors: [...recorded.preloadErrors],
    windowOpens: [...recorded.windowOpens],
    dialogs: [...recorded.dialogs],
    applicationMenu: recorded.applicationMenu,
    handledChannels: handledChannels(),
    invokedChannels: invokedChannels(),
    windows: windowsSoFar().map(describeWindow),
    sessionHardening: sessionHardening(),
  };
}

async function perform(request: ControlRequest): Promise<unknown> {
  switch (request.method) {
    case 'observations':
      return observations();
    case 'closeWindow':
      windowById(request.windowId).close();
      return null;
    case 'minimizeWindow':
      windowById(request.windowId).minimize();
      return null;
    case 'quit':
      app.quit();
      return null;
    case 'loadURL':
      // A load that fails (an error page) is still what the spec asked for.
      await windowById(request.windowId)
        .webContents.loadURL(request.url)
        .catch(() => {});
      return null;
    case 'windowOpensAnswered':
      await windowOpensAnswered(request.count);
      return null;
    case 'runPreloadInFrame':
      await (await rendererOf(windowById(request.windowId).webContents)).runPreloadInFrame(request.frameName);
      return null;
  }
}

export function serveHarness(): void {
  if (!process.send) return;
  // Like any app, this one ends when it has nothing left to do; the channel to the spec does not hold it.
  process.channel?.unref();
  process.on('message', (message: ToExecutable) => {
    perform(message.request).then(
      (value) => tell({ kind: 'reply', id: message.id, ok: true, value }),
      (error: unknown) => tell({ kind: 'reply', id: message.id, ok: false, error: String(error) }),
    );
  });
}

export function announceChromium(endpoint: string): void {
  tell({ kind: 'chromium', endpoint });
}

export async function announceWindow(window: BrowserWindow): Promise<void> {
  try {
    await pageOf(window);
    const renderer = await rendererOf(window.webContents);
    tell({ kind: 'window', windowId: window.id, targetId: await renderer.targetId() });
  } catch (error) {
    // A window main destroyed again before its tab could be announced (a progress window of a quick
    // migration) is no one's to drive; any other failure is the harness's own.
    if (!window.isDestroyed()) throw error;
  }
}
