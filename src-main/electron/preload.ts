// The sandboxed preload: exposes `window.pos`, one task-level function per contract operation plus
// `onEvent`, generated from the contract table. The page never gets ipcRenderer or a channel name.
// Bundled into one CommonJS file (vite --mode electron): a sandboxed preload can only require 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { PRELOAD_GLOBAL, type PosWindowApi } from '../../src-shared/bridge-protocol.ts';
import { OPERATION_NAMES, type PosEvent } from '../../src-shared/pos-api-contract.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import type { Status } from '../../src-shared/status.ts';
import { EVENT_CHANNEL, operationChannel } from './ipc-channels.ts';

const operations = Object.fromEntries(
  OPERATION_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(operationChannel(name), input),
  ]),
);

const api = {
  ...operations,
  onEvent(listener: (event: PosEvent) => void): () => void {
    let subscribed = true;
    // The page gets the event alone, never the IpcRendererEvent (which would expose `sender`).
    const forward = (_event: IpcRendererEvent, payload: PosEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    // As on the HTTP bridge's event stream, a new subscriber starts with the current status.
    void ipcRenderer.invoke(operationChannel('status'), undefined).then((outcome: Outcome<Status>) => {
      if (subscribed && outcome.ok) listener({ type: 'status', payload: outcome.value });
    });
    return () => {
      subscribed = false;
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
} as PosWindowApi;

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
