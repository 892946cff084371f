import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createDataFolderHost } from '../host/data-folder-host.ts';
import { createRedactingLogger } from '../host/redacting-logger.ts';
import { recordingHandlers } from './contract-samples.test-support.ts';
import { storedToken, TOKEN_SETTING } from './pos-api-token.ts';
import { createSwitchablePosApi, PORT_SETTING } from './switchable-pos-api.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-standalone-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** What the switchable API is given: everything but its own operations. */
function coreHandlers() {
  const {
    getPosApiInfo: _i,
    setPosApiEnabled: _s,
    regeneratePosApiToken: _r,
    ...core
  } = recordingHandlers([]);
  return core;
}

function setup(name: string) {
  const host = createDataFolderHost(
    join(root, name),
    createRedactingLogger(() => {}),
  );
  host.settings.set(PORT_SETTING, 0);
  return { host, posApi: createSwitchablePosApi({ host, coreHandlers: coreHandlers(), givenToken: null }) };
}

test('switched on from the settings screen, the POS API listens on loopback and answers with the shown token', async () => {
  const { posApi } = setup('on');
  assert.equal((await posApi.applySetting()).enabled, false, 'off by default');
  const info = await posApi.handlers.setPosApiEnabled({ enabled: true });
  try {
    assert.equal(info.problem, null);
    assert.match(info.url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const res = await fetch(`${info.url}/status`, { headers: { Authorization: `Bearer ${info.token}` } });
    assert.equal(res.status, 200);
    const off = await posApi.handlers.setPosApiEnabled({ enabled: false });
    assert.equal(off.url, null);
    await assert.rejects(fetch(`${info.url}/status`), 'the server is gone once switched off');
  } finally {
    await posApi.close();
  }
});

test('a regenerated token replaces the old one at once: the old one gets 401, the new one is kept sealed', async () => {
  const { host, posApi } = setup('regenerate');
  const before = await posApi.handlers.setPosApiEnabled({ enabled: true });
  try {
    const status = (token: string | null) =>
      fetch(`${before.url}/status`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
    assert.equal(await status(before.token), 200);
    const sealedBefore = host.settings.get(TOKEN_SETTING);

    const after = await posApi.handlers.regeneratePosApiToken(undefined);
    assert.notEqual(after.token, before.token);
    assert.equal(after.tokenSource, 'generated');
    assert.equal(after.url, before.url, 'the server keeps listening where the till software expects it');
    assert.equal(await status(before.token), 401, 'the old token is refused from the next request on');
    assert.equal(await status(after.token), 200);

    const sealed = host.settings.get(TOKEN_SETTING);
    assert.notEqual(sealed, sealedBefore);
    assert.ok(!String(sealed).includes(after.token ?? '-'), 'stored sealed, not in clear');
    assert.equal(storedToken(host).value, after.token, 'a restart reads the new token');
  } finally {
    await posApi.close();
  }
});

test('a token given at start is not replaced from the settings: the app says where it comes from', async () => {
  const { host } = setup('given');
  const given = { value: 'g'.repeat(30), source: 'env' } as const;
  const posApi = createSwitchablePosApi({ host, coreHandlers: coreHandlers(), givenToken: given });
  try {
    await assert.rejects(posApi.handlers.regeneratePosApiToken(undefined), /POS_API_TOKEN/);
    assert.equal(host.settings.get(TOKEN_SETTING), undefined, 'nothing stored');
    assert.equal((await posApi.handlers.setPosApiEnabled({ enabled: true })).token, given.value);
  } finally {
    await posApi.close();
  }
});

test('a busy port is reported to the merchant instead of crashing the app', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { host, posApi } = setup('busy');
  host.settings.set(PORT_SETTING, (blocker.address() as AddressInfo).port);
  try {
    const info = await posApi.handlers.setPosApiEnabled({ enabled: true });
    assert.equal(info.enabled, true);
    assert.equal(info.url, null);
    assert.equal(info.portInUse, (blocker.address() as AddressInfo).port);
    assert.match(info.problem ?? '', /belegt.*beenden/);
  } finally {
    await posApi.close();
    blocker.close();
  }
});
