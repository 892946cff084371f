// `npm run serve -- --onboard takeover.json` with `"cash_register": {"id": …}`: a POS provider puts a
// new PC in place of a dead one without the screen. One PC is set up from a file and sells; the other
// takes its register over from a file (SIGN AT alone here: the provider brought no stick), signs on it,
// and the same file again changes nothing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { onboardRuns } from './onboard-runs.test-support.ts';
import { outputMatching, started } from './serve-process.test-support.ts';

const POS_TOKEN = 'takeover-test-pos-token-0123456789';
const API_KEY = 'provider-takeover-key';
const runs = onboardRuns('kc-serve-takeover-', POS_TOKEN);
const { root, onboard } = runs;

function file(name: string, cashRegister: Record<string, string>): string {
  return runs.writeFile(name, runs.setupFile(API_KEY, { cash_register: cashRegister }));
}

async function api(origin: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${origin}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${POS_TOKEN}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as Record<string, unknown>;
}

const SALE = {
  type: 'NORMAL',
  items: [{ text: 'Semmel', quantity: '2', unit_price: '0.45', vat_rate: '10' }],
  payments: [{ type: 'CASH', amount: '1.00' }],
};

test(
  'a register taken over from a file, signed on at once; the same file again changes nothing',
  { timeout: 120_000 },
  async () => {
    const first = onboard(file('setup', { description: 'Kasse 1' }), join(root, 'pc1'));
    const { origin: firstOrigin } = await started(first);
    await outputMatching(first, /Beenden mit Strg\+C\./);
    const status = await api(firstOrigin, '/status');
    const register = status['cash_register'] as { id: string; cash_register_serial_number: string };
    assert.equal((await api(firstOrigin, '/receipts', SALE))['receipt_number'], '2');
    first.child.kill('SIGTERM');
    assert.equal(await first.exit, 0);

    const takeover = file('takeover', { id: register.id });
    const second = onboard(takeover, join(root, 'pc2'));
    const { origin } = await started(second);
    await outputMatching(second, /Beenden mit Strg\+C\./);
    const lines = second
      .stdout()
      .split('\n')
      .filter((line) => /^Übernahme \d\/7:/.test(line));
    assert.deepEqual(lines, [
      'Übernahme 1/7: Zugang und Kasse geprüft',
      'Übernahme 2/7: FinanzOnline-Zugang geprüft',
      'Übernahme 3/7: keine Sicherung angegeben (nur SIGN AT)',
      'Übernahme 4/7: kein Journal aus einer Sicherung',
      'Übernahme 5/7: Belege mit SIGN AT abgeglichen',
      'Übernahme 6/7: kein DEP-Archiv aus einer Sicherung',
      'Übernahme 7/7: Kasse angemeldet',
    ]);
    assert.match(
      second.stdout(),
      new RegExp(
        `Kasse übernommen: Kassen-ID ${register.cash_register_serial_number}, TEST, letzter Beleg Nr\\. 2\\. Kein neuer Startbeleg\\.`,
      ),
    );
    assert.match(second.stdout(), /ohne Sicherung: 2 Belege nur von SIGN AT/);
    const sale = await api(origin, '/receipts', SALE);
    assert.deepEqual(
      [sale['state'], sale['receipt_number'], sale['cash_register_serial_number']],
      ['signed', '3', register.cash_register_serial_number],
    );
    second.child.kill('SIGTERM');
    assert.equal(await second.exit, 0);

    const again = onboard(takeover, join(root, 'pc2'));
    await outputMatching(again, /Beenden mit Strg\+C\./);
    assert.match(
      again.stdout(),
      /Diese Kasse ist auf diesem PC bereits übernommen \(Kassen-ID \S+\): nichts geändert/,
    );
    assert.doesNotMatch(again.stdout(), /Übernahme \d\/7/);
    again.child.kill('SIGTERM');
    assert.equal(await again.exit, 0);
  },
);

test('a file that names a register and a description, or a takeover without a company and without a backup, is refused', async () => {
  const both = onboard(file('both', { id: 'x', description: 'Kasse 1' }), join(root, 'never-1'));
  assert.equal(await both.exit, 2);
  assert.match(both.stderr(), /cash_register\.description: unbekanntes Feld/);
  const { company: _company, ...withoutCompany } = runs.setupFile(API_KEY, {
    cash_register: { id: '0b6f1f3c-6d7e-4a8b-9c1d-2e3f4a5b6c7d' },
  });
  const path = runs.writeFile('no-company', withoutCompany);
  const noCompany = onboard(path, join(root, 'never-2'));
  assert.equal(await noCompany.exit, 2);
  assert.match(noCompany.stderr(), /company: fehlt \(ohne cash_register\.backup_dir/);
});
