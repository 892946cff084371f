import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findElectronBinary } from './electron-binary.ts';

test('Electron can be switched off for npm start, and then nothing is looked up or downloaded', () => {
  const before = process.env.KASSEN_COMPANION_NO_ELECTRON;
  process.env.KASSEN_COMPANION_NO_ELECTRON = '1';
  try {
    assert.deepEqual(findElectronBinary(60_000), {
      ok: false,
      reason: 'abgeschaltet mit KASSEN_COMPANION_NO_ELECTRON=1',
    });
  } finally {
    if (before === undefined) delete process.env.KASSEN_COMPANION_NO_ELECTRON;
    else process.env.KASSEN_COMPANION_NO_ELECTRON = before;
  }
});

test('without a download allowed, the answer is a runnable binary or one line saying why not', () => {
  const found = findElectronBinary(0);
  if (found.ok) assert.match(found.path, /electron(\.exe)?$|Electron$/);
  else assert.match(found.reason, /^[^\n]+$/);
});
