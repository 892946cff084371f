// The stand-in's API surface is closed. A member, an assignment or an event name the shell uses that
// the stand-in does not implement throws at once and is remembered, and the harness fails the test on
// it: the stand-in cannot drift from the shell silently, it has to be extended (following Electron's
// documentation) for every new call.
import { EventEmitter } from 'node:events';

const unknownUses: string[] = [];

/** Every unknown member or event the code under test reached for, in order. */
export function unknownApiUses(): readonly string[] {
  return unknownUses;
}

export function notImplemented(what: string): Error {
  unknownUses.push(what);
  return new Error(
    `Electron stand-in: ${what} is not implemented. Add it to e2e/electron-stand-in/ following ` +
      "Electron's documentation, or stop using it in the shell.",
  );
}

// Probes the language and Node make on any object (awaiting it, JSON.stringify, util.inspect): they are
// not API use, and answering them as "absent" is what a plain object does.
const LANGUAGE_PROBES = new Set(['then', 'toJSON', 'constructor', 'inspect']);

/**
 * Wraps `target` so that reading or writing a member it lacks throws. A class returns
 * `strict(name, this)` from its constructor, so `this` inside its methods is the wrapped object and
 * identities stay one (IPC compares `event.sender` with the windows main holds).
 */
export function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || property in object) return Reflect.get(object, property, receiver);
      if (LANGUAGE_PROBES.has(property)) return undefined;
      throw notImplemented(`${name}.${property}`);
    },
    set(object, property, value, receiver) {
      if (typeof property === 'symbol' || property in object) {
        return Reflect.set(object, property, value, receiver);
      }
      throw notImplemented(`${name}.${property} = …`);
    },
  });
}

type Listener = Parameters<EventEmitter['on']>[1];

/**
 * An EventEmitter that accepts listeners only for the events the stand-in emits. A listener for any
 * other event would silently never run; here it fails like an unknown method. `null`: any name is an
 * event (ipcMain and ipcRenderer, whose events are channel names).
 */
export class StrictEmitter extends EventEmitter {
  readonly surfaceName: string;
  readonly knownEvents: ReadonlySet<string> | null;

  constructor(surfaceName: string, knownEvents: readonly string[] | null) {
    super();
    this.surfaceName = surfaceName;
    this.knownEvents = knownEvents ? new Set(knownEvents) : null;
  }

  checkEvent(event: string | symbol): void {
    if (typeof event === 'symbol' || this.knownEvents === null || this.knownEvents.has(event)) return;
    throw notImplemented(`${this.surfaceName}.on('${event}')`);
  }

  override on(event: string | symbol, listener: Listener): this {
    this.checkEvent(event);
    return super.on(event, listener);
  }

  override addListener(event: string | symbol, listener: Listener): this {
    return this.on(event, listener);
  }

  override once(event: string | symbol, listener: Listener): this {
    this.checkEvent(event);
    return super.once(event, listener);
  }

  override prependListener(event: string | symbol, listener: Listener): this {
    this.checkEvent(event);
    return super.prependListener(event, listener);
  }

  override prependOnceListener(event: string | symbol, listener: Listener): this {
    this.checkEvent(event);
    return super.prependOnceListener(event, listener);
  }
}

/** Electron's `Event`: what listeners of preventable events get (before-quit, will-navigate, close). */
interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function preventableEvent<T extends object>(fields: T = {} as T): T & PreventableEvent {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}
