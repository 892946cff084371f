// npm start on a PC where the port is taken: the service moves on to the next free port, says where it
// went, and the POS API's settings show the conflict; asked for one port exactly, it refuses instead.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bridgeAuthHeaderValue, bridgeOperationPath } from '../../src-shared/bridge-protocol.ts';
import type { PosApiInfo } from '../../src-shared/pos-api-info.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import type { HeadlessService } from './start-headless.ts';
import { startTestService } from './test-service.test-support.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-port-'));
const blocker: Server = createServer();
let taken = 0;
before(async () => {
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  taken = (blocker.address() as AddressInfo).port;
});
after(() => {
  blocker.close();
  rmSync(root, { recursive: true, force: true });
});

/** The service on `name`'s data folder, asked for the taken port. */
function startOnTakenPort(name: string, nextPorts: number, port = taken): Promise<HeadlessService> {
  return startTestService(root, { dataDir: join(root, name), port, nextPorts });
}

test('the port taken: the service listens on a following one, and the POS API shows the conflict', async () => {
  const service = await startOnTakenPort('moved', 20);
  try {
    assert.equal(service.portInUse, taken);
    const port = Number(new URL(service.origin).port);
    assert.ok(port > taken && port <= taken + 20, `moved on to a following port, got ${port}`);
    assert.equal(service.posApi.portInUse, taken);
    assert.equal(service.posApi.url, `${service.origin}/api/v1`);
    assert.match(
      service.posApi.problem ?? '',
      new RegExp(`Port ${taken} ist schon belegt.*${service.origin}/api/v1 erreichbar`),
    );
    // The settings screen asks the same through the bridge.
    const res = await fetch(service.origin + bridgeOperationPath('getPosApiInfo'), {
      method: 'POST',
      headers: { Authorization: bridgeAuthHeaderValue(service.token) },
    });
    const outcome = (await res.json()) as Outcome<PosApiInfo>;
    assert.ok(outcome.ok);
    assert.equal(outcome.value.portInUse, taken);
  } finally {
    await service.close();
  }
});

test('asked for exactly that port, the start fails with EADDRINUSE and leaves the folder free', async () => {
  await assert.rejects(startOnTakenPort('exact', 0), { code: 'EADDRINUSE', port: taken });
  // Nothing held on: a start on a free port works at once on the same folder.
  const service = await startOnTakenPort('exact', 0, 0);
  assert.equal(service.portInUse, null);
  assert.equal(service.posApi.portInUse, null);
  await service.close();
});
