// How values cross the stand-in's boundaries as JSON: between the page's main world and the preload's
// isolated world (contextBridge) and between the preload and main (IPC). JSON alone would turn
// `undefined` into `null` or drop it, which the contract's no-input operations would notice.
//
// Both worlds get this function's source text (Function.prototype.toString), so it must stay
// self-contained: no imports, no closure over module scope.

export interface WireHooks {
  /** contextBridge proxies functions and promises; IPC refuses them (structured clone cannot copy them). */
  encodeFunction?: (fn: (...args: unknown[]) => unknown) => number;
  encodePromise?: (promise: Promise<unknown>) => number;
  decodeFunction?: (id: number) => (...args: unknown[]) => unknown;
  decodePromise?: (id: number) => Promise<unknown>;
}

export interface WireCodec {
  encode(value: unknown): unknown;
  decode(wire: unknown): unknown;
}

export function createWireCodec(hooks: WireHooks): WireCodec {
  function refuse(what: string): never {
    // The message of a DataCloneError, as ipcRenderer.invoke throws it for such arguments.
    throw new Error(`${what} could not be cloned.`);
  }
  function encode(value: unknown): unknown {
    if (value === undefined) return { $: 'u' };
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : { $: 'n', v: String(value) };
    if (typeof value === 'function') {
      if (!hooks.encodeFunction) refuse('A function');
      return { $: 'f', v: hooks.encodeFunction(value as (...args: unknown[]) => unknown) };
    }
    if (typeof value !== 'object') refuse(`A ${typeof value}`);
    if (value instanceof Promise) {
      if (!hooks.encodePromise) refuse('A Promise');
      return { $: 'p', v: hooks.encodePromise(value) };
    }
    if (Array.isArray(value)) return value.map(encode);
    if (value instanceof Error) return { $: 'e', v: value.message };
    if (value instanceof Date) return { $: 'd', v: value.toISOString() };
    const fields: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) fields[key] = encode(field);
    return { $: 'o', v: fields };
  }
  function decode(wire: unknown): unknown {
    if (wire === null || typeof wire !== 'object') return wire;
    if (Array.isArray(wire)) return wire.map(decode);
    const { $: tag, v } = wire as { $: string; v: unknown };
    switch (tag) {
      case 'u':
        return undefined;
      case 'n':
        return Number(v);
      case 'e':
        return new Error(String(v));
      case 'd':
        return new Date(String(v));
      case 'f':
        if (!hooks.decodeFunction) throw new Error('a function cannot cross here');
        return hooks.decodeFunction(Number(v));
      case 'p':
        if (!hooks.decodePromise) throw new Error('a promise cannot cross here');
        return hooks.decodePromise(Number(v));
      case 'o': {
        const fields: Record<string, unknown> = {};
        for (const [key, field] of Object.entries(v as Record<string, unknown>)) fields[key] = decode(field);
        return fields;
      }
      default:
        throw new Error(`unknown wire tag ${tag}`);
    }
  }
  return { encode, decode };
}
