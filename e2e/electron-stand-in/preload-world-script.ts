// What runs in the preload's isolated world of each document: Electron's sandboxed-preload environment
// and the renderer half of the `electron` module (contextBridge, ipcRenderer), then the preload itself.
// Injected as source text (see renderer-process.ts), so every function here is self-contained.
//
// Sandboxed preloads (electronjs.org/docs/latest/tutorial/sandbox#preload-scripts) get a `require` that
// knows only `electron` (and events, timers, url, which this stand-in does not offer: asking for them
// fails like any API it lacks), plus Buffer, process, global, setImmediate and clearImmediate. Electron
// calls the preload with exactly these parameters (lib/sandboxed_renderer/preload.ts).
import type { WireCodec, WireHooks } from './wire-codec.ts';
import type { WorldLink } from './world-link.ts';

export interface PreloadWorldConfig {
  /** The CDP binding main listens on; it exists only in this isolated world. */
  binding: string;
  /** Where main delivers IPC replies and messages: `globalThis[Symbol.for(key)]` of this world. */
  globalKey: string;
  eventPrefix: string;
  preloadPath: string;
  /** webPreferences.nodeIntegrationInSubFrames: preloads run in subframes too. */
  inSubFrames: boolean;
}

type PreloadFunction = (
  require: (name: string) => unknown,
  process: object,
  exports: object,
  module: { exports: object },
  Buffer: object,
  global: object,
  setImmediate: (callback: () => void) => unknown,
  clearImmediate: (handle: unknown) => void,
) => void;

type Listener = (...args: unknown[]) => void;

export function runPreloadWorld(
  config: PreloadWorldConfig,
  codecFor: (hooks: WireHooks) => WireCodec,
  linkFor: (prefix: string, side: 'main' | 'isolated') => WorldLink,
  preload: PreloadFunction,
): void {
  const scope = globalThis as unknown as Record<string, unknown> & {
    window: { top: unknown };
    console: { error(...args: unknown[]): void };
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
  if (scope.window !== scope.window.top && !config.inSubFrames) return;
  const sendToMain = (message: Record<string, unknown>) =>
    (scope[config.binding] as (payload: string) => void)(JSON.stringify(message));

  // The same closed surface as in main (strict-surface.ts): unknown members fail and are reported.
  const strict = <T extends object>(name: string, target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        if (typeof property === 'symbol' || property in object || property === 'then') {
          return Reflect.get(object, property, receiver);
        }
        sendToMain({ kind: 'unknown-api', what: `${name}.${property}` });
        throw new Error(`Electron stand-in: ${name}.${property} is not implemented in the renderer.`);
      },
    });

  // contextBridge: functions and promises are proxied to the main world, everything else is copied.
  const link = linkFor(config.eventPrefix, 'isolated');
  const functions = new Map<number, Listener>();
  let nextId = 0;
  const bridgeCodec: WireCodec = codecFor({
    encodeFunction(fn) {
      functions.set(nextId, fn);
      return nextId++;
    },
    encodePromise(promise) {
      const id = nextId++;
      promise.then(
        (value) => link.request('settle', { promise: id, value: bridgeCodec.encode(value) }),
        (error: unknown) =>
          link.request('settle', {
            promise: id,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
      return id;
    },
    decodeFunction:
      (id) =>
      (...args: unknown[]) => {
        const reply = link.request('callback', { fn: id, args: args.map(bridgeCodec.encode) });
        if (!reply) throw new Error('the page is gone');
        if (reply.error !== undefined) throw new Error(reply.error);
        return bridgeCodec.decode(reply.value);
      },
  });
  link.answer('call', ({ fn, args }) => {
    const target = functions.get(Number(fn));
    if (!target) throw new Error('this function is no longer bridged');
    return { value: bridgeCodec.encode(target(...(args as unknown[]).map(bridgeCodec.decode))) };
  });

  const waitingExposures: { key: string; value: unknown }[] = [];
  let mainWorldReady = false;
  const expose = (key: string, value: unknown) => {
    const reply = link.request('expose', { key, value });
    if (reply?.error !== undefined) throw new Error(reply.error);
  };
  const flush = () => {
    mainWorldReady = true;
    for (const { key, value } of waitingExposures.splice(0)) expose(key, value);
    return {};
  };
  link.answer('main-ready', flush);

  const contextBridge = strict('contextBridge', {
    exposeInMainWorld(apiKey: string, api: unknown) {
      const value = bridgeCodec.encode(api);
      if (mainWorldReady) expose(apiKey, value);
      else waitingExposures.push({ key: apiKey, value });
    },
  });

  // ipcRenderer: an EventEmitter for main's messages, and invoke (electronjs.org/docs/latest/api/ipc-renderer).
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void; channel: string }
  >();
  const ipcCodec = codecFor({});
  let nextInvoke = 0;
  const ipcRenderer = strict('ipcRenderer', {
    on(channel: string, listener: Listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
      return ipcRenderer;
    },
    off(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: Listener) {
      return ipcRenderer.off(channel, listener);
    },
    once(channel: string, listener: Listener) {
      const once: Listener = (...args) => {
        ipcRenderer.off(channel, once);
        listener(...args);
      };
      return ipcRenderer.on(channel, once);
    },
    // Arguments are structured-cloned (functions and promises throw); a handler's error rejects with
    // "Error invoking remote method '<channel>': <error>" (lib/renderer/api/ipc-renderer.ts).
    async invoke(channel: string, ...args: unknown[]) {
      const wireArgs = args.map(ipcCodec.encode);
      const id = nextInvoke++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, channel });
        sendToMain({ kind: 'invoke', id, channel, args: wireArgs });
      });
    },
  });
  scope[config.globalKey] = {
    settle(id: number, error: string | null, result: unknown) {
      const call = pending.get(id);
      if (!call) return;
      pending.delete(id);
      if (error !== null) call.reject(new Error(`Error invoking remote method '${call.channel}': ${error}`));
      else call.resolve(ipcCodec.decode(result));
    },
    deliver(channel: string, wireArgs: unknown[]) {
      // The IpcRendererEvent: `sender` is this ipcRenderer, `ports` the transferred MessagePorts (none).
      const event = strict('IpcRendererEvent', { sender: ipcRenderer, ports: [] });
      const args = wireArgs.map(ipcCodec.decode);
      for (const listener of [...(listeners.get(channel) ?? [])]) listener(event, ...args);
    },
  };

  const electron = strict('electron (renderer)', { contextBridge, ipcRenderer });
  const preloadRequire = (name: string) => {
    if (name === 'electron' || name === 'electron/renderer' || name === 'electron/common') return electron;
    sendToMain({ kind: 'unknown-api', what: `require('${name}') in a preload` });
    throw new Error(`Electron stand-in: module not found: ${name}`);
  };
  const exports = {};
  try {
    preload(
      preloadRequire,
      strict('process (preload)', {}),
      exports,
      { exports },
      strict('Buffer (preload)', {}),
      scope,
      (callback) => scope.setTimeout(callback, 0),
      (handle) => scope.clearTimeout(handle),
    );
  } catch (error) {
    // As Electron does (lib/sandboxed_renderer/preload.ts): the page still loads, main hears of it.
    scope.console.error(`Unable to load preload script: ${config.preloadPath}`, error);
    sendToMain({ kind: 'preload-error', path: config.preloadPath, message: String(error) });
  }
  if (!mainWorldReady && link.request('isolated-ready', {})) flush();
}
