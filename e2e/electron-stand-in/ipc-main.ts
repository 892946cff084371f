// ipcMain (electronjs.org/docs/latest/api/ipc-main) and the way an `ipcRenderer.invoke` reaches it.
// As in Electron's lib/browser/ipc-dispatch.ts: one handler per channel, a missing handler or a
// throwing one answers the renderer with the error's text (only the message survives), and the event
// names the sending webContents and frame. The result is structured-cloned on its way back.
import type { IpcMain as ElectronIpcMain, IpcMainInvokeEvent } from 'electron';
import type { IpcSource } from './renderer-process.ts';
import { strict, StrictEmitter } from './strict-surface.ts';

type InvokeHandler = Parameters<ElectronIpcMain['handle']>[1];

const handlers = new Map<string, InvokeHandler>();
const invoked = new Map<string, number>();

class IpcMain extends StrictEmitter {
  constructor() {
    // Its events are channel names: any name is one.
    super('ipcMain', null);
    return strict('ipcMain', this);
  }

  handle(channel: string, listener: InvokeHandler): void {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    handlers.delete(channel);
  }
}

export const ipcMain = new IpcMain();

/** Channels main answers invokes on, for the harness to report. */
export function handledChannels(): string[] {
  return [...handlers.keys()];
}

/** How often each channel was invoked from a renderer, answered or not. */
export function invokedChannels(): Record<string, number> {
  return Object.fromEntries(invoked);
}

let processIdOfRenderer = 1;
/** Electron numbers renderer processes; the stand-in gives each window one. */
export function nextRendererProcessId(): number {
  return processIdOfRenderer++;
}

export async function invokeFromRenderer(
  sender: object,
  processId: number,
  source: IpcSource,
  channel: string,
  args: unknown[],
): Promise<{ error: string | null; result: unknown }> {
  // IpcMainInvokeEvent (structures/ipc-main-invoke-event): senderFrame "may be null if accessed after
  // the frame has either navigated or been destroyed".
  // The members main reads; any other fails as unknown (hence the cast to Electron's full type).
  const event = strict('IpcMainInvokeEvent', {
    type: 'frame',
    processId,
    frameId: 0,
    sender,
    get senderFrame() {
      return source.isCurrent() ? source.frame : null;
    },
  });
  invoked.set(channel, (invoked.get(channel) ?? 0) + 1);
  try {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return {
      error: null,
      result: structuredClone(await handler(event as unknown as IpcMainInvokeEvent, ...args)),
    };
  } catch (error) {
    console.error(`Error occurred in handler for '${channel}':`, error);
    return { error: String(error), result: undefined };
  }
}
