import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseServeArgs } from './serve-options.ts';

test('the documented flags are read as the merchant wrote them', () => {
  const o = parseServeArgs([
    '--demo',
    '--data-dir',
    '/srv/kasse',
    '--port',
    '9000',
    '--pos-api',
    '--pos-api-token',
    't'.repeat(30),
    '--printer',
    'tcp://192.168.1.50:9100',
  ]);
  assert.deepEqual(o, {
    demo: true,
    dataDir: '/srv/kasse',
    port: 9000,
    portGiven: true,
    posApi: true,
    posApiToken: 't'.repeat(30),
    printer: { host: '192.168.1.50', port: 9100 },
    host: '127.0.0.1',
    allowNonLoopback: false,
    signAtUrl: undefined,
    onboard: undefined,
    help: false,
  });
});

test('--onboard takes the setup file, and not together with --demo', () => {
  assert.equal(parseServeArgs(['--onboard', 'setup.json']).onboard, 'setup.json');
  assert.throws(() => parseServeArgs(['--demo', '--onboard', 'setup.json']), /--onboard .*--demo/);
});

test('defaults: loopback, port 8420, POS API off, no printer, the shared data folder', () => {
  const o = parseServeArgs([]);
  assert.equal(o.host, '127.0.0.1');
  assert.equal(o.port, 8420);
  assert.equal(o.portGiven, false, 'a taken default port moves on to the next free one');
  assert.equal(o.posApi, false);
  assert.equal(o.printer, undefined);
  assert.match(o.dataDir, /Kassen-Companion$/);
  assert.deepEqual(parseServeArgs(['--printer', 'tcp://drucker']).printer, { host: 'drucker', port: 9100 });
});

test('typos and bad values stop the start with a message naming the flag', () => {
  assert.throws(() => parseServeArgs(['--dmeo']), /dmeo/);
  assert.throws(() => parseServeArgs(['--port', 'achtzig']), /--port/);
  assert.throws(() => parseServeArgs(['--port', '70000']), /--port/);
  assert.throws(() => parseServeArgs(['--printer', 'usb://drucker']), /tcp:\/\/host:port/);
  assert.throws(() => parseServeArgs(['extra']), /extra/);
});

test('--sign-at-url takes an http(s) address for onboarding and refuses anything else', () => {
  assert.equal(
    parseServeArgs(['--sign-at-url', 'http://127.0.0.1:8787/api/v1']).signAtUrl,
    'http://127.0.0.1:8787/api/v1',
  );
  assert.equal(parseServeArgs([]).signAtUrl, undefined);
  assert.throws(() => parseServeArgs(['--sign-at-url', 'file:///etc/passwd']), /sign-at-url/);
  assert.throws(() => parseServeArgs(['--sign-at-url', 'nonsense']), /sign-at-url/);
});
