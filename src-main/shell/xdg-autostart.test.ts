import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { autostartDir, setXdgAutostart } from './xdg-autostart.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-autostart-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('the autostart folder follows XDG_CONFIG_HOME, else ~/.config', () => {
  assert.equal(autostartDir({ XDG_CONFIG_HOME: '/x' }, '/home/m'), '/x/autostart');
  assert.equal(autostartDir({ XDG_CONFIG_HOME: '' }, '/home/m'), '/home/m/.config/autostart');
});

test('switched on, the desktop starts the app at login; switched off, the entry is gone', () => {
  const dir = join(root, 'autostart');
  const file = setXdgAutostart(true, 'Kassen-Companion', ['/opt/Kassen Companion/kassen.AppImage'], dir);
  const entry = readFileSync(file, 'utf8');
  assert.match(entry, /^\[Desktop Entry\]\nType=Application\n/);
  assert.match(
    entry,
    /\nExec="\/opt\/Kassen Companion\/kassen\.AppImage"\n/,
    'a path with a space is quoted',
  );
  assert.match(entry, /\nName=Kassen-Companion\n/);
  setXdgAutostart(false, 'Kassen-Companion', [], dir);
  assert.equal(existsSync(file), false);
  setXdgAutostart(false, 'Kassen-Companion', [], dir);
});

test('characters the Exec key gives a meaning to are escaped', () => {
  const file = setXdgAutostart(true, 'K', ['/a/$HOME"x\\y'], join(root, 'escape'));
  assert.ok(readFileSync(file, 'utf8').includes(String.raw`Exec="/a/\\$HOME\\"x\\\\y"` + '\n'));
});
