// The main world's half of the stand-in contextBridge: what the page sees of `exposeInMainWorld`.
// Injected as source text into every document (renderer-process.ts), so it is self-contained.
//
// As Electron does (shell/renderer/api/electron_api_context_bridge.cc): an API is refused on top of an
// existing window property, it is deep-frozen, and the window property is read-only and not
// configurable; functions stay proxies into the preload's world, everything else is a copy.
import type { WireCodec, WireHooks } from './wire-codec.ts';
import type { WorldLink } from './world-link.ts';

interface MainWorldConfig {
  eventPrefix: string;
  inSubFrames: boolean;
}

type Callback = (...args: unknown[]) => unknown;

export function runMainWorldBridge(
  config: MainWorldConfig,
  codecFor: (hooks: WireHooks) => WireCodec,
  linkFor: (prefix: string, side: 'main' | 'isolated') => WorldLink,
): void {
  const scope = globalThis as unknown as Record<string, unknown> & { window: { top: unknown } };
  if (scope.window !== scope.window.top && !config.inSubFrames) return;
  const link = linkFor(config.eventPrefix, 'main');
  const callbacks = new Map<number, Callback>();
  const promises = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextCallback = 0;
  const codec: WireCodec = codecFor({
    encodeFunction(fn) {
      callbacks.set(nextCallback, fn);
      return nextCallback++;
    },
    decodeFunction: (id) =>
      function bridged(...args: unknown[]) {
        const reply = link.request('call', { fn: id, args: args.map(codec.encode) });
        if (!reply) throw new Error('the preload world is gone');
        if (reply.error !== undefined) throw new Error(reply.error);
        return codec.decode(reply.value);
      },
    decodePromise: (id) => new Promise((resolve, reject) => promises.set(id, { resolve, reject })),
  });

  const deepFreeze = (value: unknown): unknown => {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
      for (const field of Object.values(value)) deepFreeze(field);
      Object.freeze(value);
    }
    return value;
  };
  link.answer('expose', ({ key, value }) => {
    const name = String(key);
    if (name in scope)
      throw new Error('Cannot bind an API on top of an existing property on the window object');
    Object.defineProperty(scope, name, {
      value: deepFreeze(codec.decode(value)),
      enumerable: true,
      writable: false,
      configurable: false,
    });
    return {};
  });
  link.answer('callback', ({ fn, args }) => {
    const callback = callbacks.get(Number(fn));
    if (!callback) throw new Error('this callback is no longer bridged');
    return { value: codec.encode(callback(...(args as unknown[]).map(codec.decode))) };
  });
  link.answer('settle', ({ promise, value, error }) => {
    const waiting = promises.get(Number(promise));
    promises.delete(Number(promise));
    if (error !== undefined) waiting?.reject(new Error(String(error)));
    else waiting?.resolve(codec.decode(value));
    return {};
  });
  link.answer('isolated-ready', () => ({}));
  link.request('main-ready', {});
}
