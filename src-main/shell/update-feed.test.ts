import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkUpdateUrl, updateFeedOf } from './update-feed.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-update-feed-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('a build with an https update address looks there', () => {
  assert.deepEqual(checkUpdateUrl('https://updates.example.at/kassen/'), {
    url: 'https://updates.example.at/kassen/',
  });
  assert.deepEqual(checkUpdateUrl('http://127.0.0.1:8080/feed'), { url: 'http://127.0.0.1:8080/feed' });
});

test('no address, plain http to another machine, or no URL at all: no update check, and why', () => {
  const none = checkUpdateUrl(undefined);
  assert.equal(none.url, null);
  assert.match('reason' in none ? none.reason : '', /KASSEN_UPDATE_URL/);
  const http = checkUpdateUrl('http://updates.example.at/');
  assert.equal(http.url, null);
  assert.match('reason' in http ? http.reason : '', /https/);
  assert.equal(checkUpdateUrl('kein link').url, null);
});

test('the address is read from the app folder package.json, as a packaged build has it', () => {
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', updateUrl: 'https://u.example/' }));
  assert.deepEqual(updateFeedOf(root), { url: 'https://u.example/' });
  assert.equal(updateFeedOf(join(root, 'missing')).url, null);
});
