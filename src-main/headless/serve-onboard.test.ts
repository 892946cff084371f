// `npm run serve -- --onboard setup.json` as a POS provider runs it, against the standalone SIGN AT
// emulator in a process of its own: the setup runs without a question, step by step on stdout, the
// service then signs; the same file again creates nothing; a wrong file creates nothing and names the path.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TestClient } from '../emulator/emulator-client.test-support.ts';
import { spawnEmulator } from '../signing/test-support/emulator-process.ts';
import { onboardRuns } from './onboard-runs.test-support.ts';
import { outputMatching, started } from './serve-process.test-support.ts';

const POS_TOKEN = 'onboard-test-pos-token-0123456789';
const runs = onboardRuns('kc-serve-onboard-', POS_TOKEN);
const { root, onboard } = runs;
const setupFile = (apiKey: string, changes?: Record<string, unknown>) => runs.setupFile(apiKey, changes);
const writeSetup = (name: string, content: unknown) => runs.writeFile(name, content);

/** What the emulator holds for this API key's organization. */
async function created(apiKey: string): Promise<{ scus: number; registers: number; receipts: number }> {
  const client = new TestClient(runs.emulator().baseUrl);
  await client.authenticate(apiKey, 'geheimes-api-secret-4711');
  const scus = await client.ok('GET', '/signature-creation-unit');
  const registers = await client.ok('GET', '/cash-register');
  let receipts = 0;
  for (const register of registers.data as { _id: string }[]) {
    receipts += Number((await client.ok('GET', `/cash-register/${register._id}/receipt`)).count);
  }
  return { scus: Number(scus.count), registers: Number(registers.count), receipts };
}

const STEP_LINES = [
  'Zugangsdaten geprüft',
  'FinanzOnline-Zugang geprüft',
  'Signaturerstellungseinheit erstellt',
  'Kasse angelegt',
  'Signaturerstellungseinheit in Betrieb genommen',
  'Kasse registriert',
  'Kasse in Betrieb genommen',
  'Startbeleg erstellt',
  'Startbeleg bei FinanzOnline geprüft',
].map((text, i) => `Einrichtung ${i + 1}/9: ${text}`);

test(
  'a setup from a file, then a second run with it that creates nothing',
  { timeout: 120_000 },
  async () => {
    const dataDir = join(root, 'till');
    const file = writeSetup('setup', setupFile('provider-key-1'));
    const written = readFileSync(file);
    const writtenAt = statSync(file).mtimeMs;

    const first = onboard(file, dataDir);
    const { origin } = await started(first);
    await outputMatching(first, /Beenden mit Strg\+C\./);
    const lines = first.stdout().split('\n');
    assert.deepEqual(
      lines.filter((line) => line.startsWith('Einrichtung ') && /^\S+ \d+\/\d+:/.test(line)),
      STEP_LINES,
      'one line per step, in fiskaly order',
    );
    assert.match(first.stdout(), /Einrichtung abgeschlossen: Kassen-ID \S+, TEST\./);
    assert.match(first.stdout(), new RegExp(`Bitte ${file.replace(/[/\\.]/g, '\\$&')} jetzt löschen`));

    // The service keeps running and signs.
    const status = await fetch(`${origin}/api/v1/status`, {
      headers: { Authorization: `Bearer ${POS_TOKEN}` },
    });
    const body = (await status.json()) as { setup: string; environment: string };
    assert.deepEqual([body.setup, body.environment], ['ready', 'TEST']);
    const sale = await fetch(`${origin}/api/v1/receipts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${POS_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'NORMAL',
        items: [{ text: 'Semmel', quantity: '2', unit_price: '0.45', vat_rate: '10' }],
        payments: [{ type: 'CASH', amount: '1.00' }],
      }),
    });
    assert.equal(sale.status, 201);
    assert.equal(((await sale.json()) as { state: string }).state, 'signed');
    assert.deepEqual(await created('provider-key-1'), { scus: 1, registers: 1, receipts: 2 });

    // Secrets are sealed in the data folder, and the file is left as it was.
    const settings = readFileSync(join(dataDir, 'config.json'), 'utf8');
    assert.doesNotMatch(settings, /geheimes-api-secret-4711|fon-pin-0815/);
    assert.deepEqual(readFileSync(file), written);
    assert.equal(statSync(file).mtimeMs, writtenAt);
    first.child.kill('SIGTERM');
    assert.equal(await first.exit, 0);

    const second = onboard(file, dataDir);
    await started(second);
    await outputMatching(second, /Beenden mit Strg\+C\./);
    assert.match(second.stdout(), /bereits eingerichtet \(Kassen-ID \S+, TEST\): nichts angelegt/);
    assert.doesNotMatch(second.stdout(), /Einrichtung \d+\/9/, 'no step ran again');
    assert.deepEqual(await created('provider-key-1'), { scus: 1, registers: 1, receipts: 2 });
    second.child.kill('SIGTERM');
    assert.equal(await second.exit, 0);
  },
);

test('an invalid file creates nothing and names each path', async () => {
  const dataDir = join(root, 'never');
  const file = writeSetup(
    'invalid',
    setupFile('provider-key-2', {
      fon: { participant_id: 'T1', user_id: 'U1', user_pin: 'kurz' },
      company: { name: 'Bäckerei Huber', address_line: 'Hauptstraße 1', zip: '101', town: 'Wien' },
    }),
  );
  const run = onboard(file, dataDir);
  assert.equal(await run.exit, 2);
  assert.match(run.stderr(), /3 Fehler, nichts wurde eingerichtet/);
  assert.match(run.stderr(), /^ {2}fon\.user_pin: PIN: mindestens 8 Zeichen$/m);
  assert.match(run.stderr(), /^ {2}company\.zip: Postleitzahl: 4 Ziffern$/m);
  assert.match(run.stderr(), /^ {2}company\.vat_id: fehlt$/m);
  assert.equal(existsSync(dataDir), false, 'not even the data folder');
  assert.deepEqual(await created('provider-key-2'), { scus: 0, registers: 0, receipts: 0 });
});

test(
  'a failure ends the run with the step, fiskaly’s message and exit code 1; fixed, the same file finishes',
  { timeout: 120_000 },
  async () => {
    // A SIGN AT of its own that answers every request with a 503 until the faults are cleared.
    const failing = await spawnEmulator({ dataDir: join(root, 'failing-emulator') });
    try {
      await failing.setFaults({ error_rate: 1 });
      const dataDir = join(root, 'failing');
      const file = writeSetup('failing', setupFile('provider-key-3', { signat_url: failing.baseUrl }));
      const run = onboard(file, dataDir);
      assert.equal(await run.exit, 1);
      assert.match(
        run.stderr(),
        /Einrichtung fehlgeschlagen bei Schritt „Zugangsdaten werden geprüft“: fiskaly SIGN AT meldet: Injected fault/,
      );
      assert.match(run.stderr(), /denselben Befehl wieder ausführen/);

      await failing.setFaults({ error_rate: 0 });
      const again = onboard(file, dataDir);
      await outputMatching(again, /Beenden mit Strg\+C\./);
      assert.deepEqual(
        again
          .stdout()
          .split('\n')
          .filter((line) => /^Einrichtung \d+\/\d+:/.test(line)),
        STEP_LINES,
      );
      again.child.kill('SIGTERM');
      assert.equal(await again.exit, 0);
    } finally {
      await failing.kill('SIGTERM');
    }
  },
);
