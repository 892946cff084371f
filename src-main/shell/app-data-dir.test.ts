import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultDataDir } from './app-data-dir.ts';

test('the default data folder is the one Electron uses for "Kassen-Companion"', () => {
  assert.equal(defaultDataDir('linux', {}, '/home/m'), '/home/m/.config/Kassen-Companion');
  assert.equal(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/m'), '/x/Kassen-Companion');
  assert.equal(
    defaultDataDir('win32', { APPDATA: 'C:\\Users\\m\\AppData\\Roaming' }, 'C:\\Users\\m'),
    join('C:\\Users\\m\\AppData\\Roaming', 'Kassen-Companion'),
  );
  assert.equal(
    defaultDataDir('darwin', {}, '/Users/m'),
    '/Users/m/Library/Application Support/Kassen-Companion',
  );
});
