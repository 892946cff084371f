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
import { createSwitchablePosApi, PORT_SETTING } from './switchable-pos-api.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-standalone-'));
after(() => rmSync(root, { recursive: true, force: true }));

function setup(name: string) {
  const host = createDataFolderHost(
    join(root, name),
    createRedactingLogger(() => {}),
  );
  host.settings.set(PORT_SETTING, 0);
  const { getPosApiInfo: _i, setPosApiEnabled: _s, ...coreHandlers } = recordingHandlers([]);
  return { host, posApi: createSwitchablePosApi({ host, coreHandlers, givenToken: null }) };
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
