import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strict, StrictEmitter, unknownApiUses } from './strict-surface.ts';

test('a member the stand-in lacks throws when read or written, and is remembered', () => {
  const app = strict('app', { getName: () => 'Kassen-Companion' });
  assert.equal(app.getName(), 'Kassen-Companion');
  assert.throws(
    () => (app as unknown as { isPackaged: boolean }).isPackaged,
    /app\.isPackaged is not implemented/,
  );
  assert.throws(() => {
    (app as unknown as { badgeCount: number }).badgeCount = 3;
  }, /app\.badgeCount = … is not implemented/);
  assert.deepEqual(unknownApiUses().slice(-2), ['app.isPackaged', 'app.badgeCount = …']);
  // Awaiting or logging an object is not API use.
  assert.equal((app as unknown as { then?: unknown }).then, undefined);
});

test('a listener for an event the stand-in never emits fails like an unknown method', () => {
  const contents = new StrictEmitter('webContents', ['will-navigate']);
  let heard = 0;
  contents.once('will-navigate', () => (heard += 1));
  contents.emit('will-navigate');
  contents.emit('will-navigate');
  assert.equal(heard, 1);
  assert.throws(
    () => contents.on('render-process-gone', () => {}),
    /webContents\.on\('render-process-gone'\)/,
  );
  assert.throws(() => contents.addListener('did-frame-navigate', () => {}), /not implemented/);
  const ipc = new StrictEmitter('ipcMain', null);
  assert.doesNotThrow(() => ipc.on('any-channel', () => {}), 'ipcMain events are channel names');
});
