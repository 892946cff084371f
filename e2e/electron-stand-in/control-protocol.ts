// What the spec and the stand-in executable say to each other over the child process's IPC channel:
// the spec acts as the person at the PC (closes or minimises a window, quits) and reads what the
// stand-in observed; the executable announces its Chromium and each new window.
import type { Observations } from './observations.ts';

export type ControlRequest =
  | { method: 'observations' }
  | { method: 'closeWindow'; windowId: number }
  | { method: 'minimizeWindow'; windowId: number }
  | { method: 'quit' }
  | { method: 'loadURL'; windowId: number; url: string }
  | { method: 'runPreloadInFrame'; windowId: number; frameName: string }
  /** Resolves once main has answered `count` window.open requests in all. */
  | { method: 'windowOpensAnswered'; count: number };

export interface ControlReplies {
  observations: Observations;
  closeWindow: null;
  minimizeWindow: null;
  quit: null;
  loadURL: null;
  runPreloadInFrame: null;
  windowOpensAnswered: null;
}

export type ToExecutable = { id: number; request: ControlRequest };

export type FromExecutable =
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string }
  /** Chromium runs; the spec can attach to it over the DevTools protocol. */
  | { kind: 'chromium'; endpoint: string }
  /** A BrowserWindow's tab exists: its DevTools target id, so the spec finds the same page. */
  | { kind: 'window'; windowId: number; targetId: string };
