// A SettingsStore in memory for tests: what electron-store or the headless conf file keep on disk.
// Values are copied on the way in, as a store that serializes them would.
import type { SettingsStore } from '../host/app-host.ts';

export function memorySettingsStore(initial: Record<string, unknown> = {}): SettingsStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, structuredClone(value)),
    delete: (key) => void values.delete(key),
  };
}
