import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from './app-origin.ts';
import { isTrustedSender } from './sender-check.ts';

// Stand-ins carry only the fields the check reads; the check is about identity and URL, not Electron.
function contents(url: string): { wc: WebContents; main: WebFrameMain } {
  const main = { url } as WebFrameMain;
  return { wc: { mainFrame: main } as unknown as WebContents, main };
}
function event(sender: WebContents, frame: WebFrameMain | null): IpcMainInvokeEvent {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

test('the main frame of our window showing our page is trusted', () => {
  const ours = contents('app://kassen-companion/index.html');
  assert.equal(isTrustedSender(event(ours.wc, ours.main), [ours.wc]), true);
});

test('a subframe, a foreign window, a navigated page or a gone frame is dropped', () => {
  const ours = contents('app://kassen-companion/index.html');
  const sub = { url: 'app://kassen-companion/index.html' } as WebFrameMain;
  assert.equal(isTrustedSender(event(ours.wc, sub), [ours.wc]), false, 'subframe');
  const other = contents('app://kassen-companion/index.html');
  assert.equal(isTrustedSender(event(other.wc, other.main), [ours.wc]), false, 'window main did not create');
  const away = contents('https://evil.example/');
  assert.equal(isTrustedSender(event(away.wc, away.main), [away.wc]), false, 'foreign page in our window');
  assert.equal(isTrustedSender(event(ours.wc, null), [ours.wc]), false, 'frame gone');
});

test('only app://kassen-companion counts as our page', () => {
  assert.equal(isAppUrl('app://kassen-companion/assets/x.js'), true);
  for (const url of [
    'app://other/index.html',
    'file:///index.html',
    'http://127.0.0.1/',
    'app:kassen-companion',
    '',
  ]) {
    assert.equal(isAppUrl(url), false, url);
  }
});
