import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DesktopSettings } from '../../src-shared/desktop-settings.ts';
import type { SettingsStore } from '../host/app-host.ts';
import { createDesktopSettingsHandlers, DESKTOP_SETTING } from './desktop-settings-handlers.ts';

function memorySettings(initial: Record<string, unknown> = {}): SettingsStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  };
}

test('the desktop app applies a change, then keeps it; both start off', async () => {
  const settings = memorySettings();
  const applied: DesktopSettings[] = [];
  const handlers = createDesktopSettingsHandlers(settings, (next) => applied.push(next));
  assert.deepEqual(await handlers.getDesktopSettings(undefined), {
    startAtLogin: false,
    fullScreen: false,
    applicable: true,
  });
  const view = await handlers.updateDesktopSettings({ fullScreen: true });
  assert.deepEqual(view, { startAtLogin: false, fullScreen: true, applicable: true });
  assert.deepEqual(applied, [{ startAtLogin: false, fullScreen: true }]);
  assert.deepEqual(settings.get(DESKTOP_SETTING), { startAtLogin: false, fullScreen: true });
});

test('a change the PC refuses is not kept', async () => {
  const settings = memorySettings();
  const handlers = createDesktopSettingsHandlers(settings, () => {
    throw new Error('Autostart-Ordner nicht beschreibbar');
  });
  await assert.rejects(handlers.updateDesktopSettings({ startAtLogin: true }), /nicht beschreibbar/);
  assert.equal(settings.get(DESKTOP_SETTING), undefined);
});

test('the service shows what the desktop app stored as not applicable, and changes nothing', async () => {
  const settings = memorySettings({ [DESKTOP_SETTING]: { startAtLogin: true, fullScreen: 'kaputt' } });
  const handlers = createDesktopSettingsHandlers(settings, null);
  assert.deepEqual(await handlers.getDesktopSettings(undefined), {
    startAtLogin: true,
    fullScreen: false,
    applicable: false,
  });
  await assert.rejects(handlers.updateDesktopSettings({ fullScreen: true }), {
    code: 'conflict',
    message: /nur für die Desktop-App/,
  });
  assert.deepEqual(settings.get(DESKTOP_SETTING), { startAtLogin: true, fullScreen: 'kaputt' });
});
