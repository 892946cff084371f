import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoreSettingsStore } from './core-settings-store.ts';
import { memorySettingsStore } from './memory-settings-store.test-support.ts';

test('a fresh store reads as defaults: no mode, no register, 3 s sign bound, training off', () => {
  const settings = new CoreSettingsStore(memorySettingsStore()).read();
  assert.equal(settings.mode, null);
  assert.equal(settings.register, null);
  assert.equal(settings.signTimeoutMs, 3000);
  assert.equal(settings.training, false);
});

test('updates are kept and checked', () => {
  const raw = memorySettingsStore();
  const store = new CoreSettingsStore(raw);
  store.update({ training: true, signTimeoutMs: 5000 });
  assert.equal(new CoreSettingsStore(raw).read().training, true);
  assert.throws(() => store.update({ signTimeoutMs: 10 }));
  assert.equal(store.read().signTimeoutMs, 5000);
});

test('damaged settings stop the app instead of silently offering a second register', () => {
  const store = new CoreSettingsStore(
    memorySettingsStore({ core: { register: { registerId: 'not-a-uuid' } } }),
  );
  assert.throws(() => store.read(), /Einstellungen beschädigt/);
});
