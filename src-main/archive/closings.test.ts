// Monats- and Jahresbelege from the emulator's calendar: listed with their checks, the Jahresbeleg
// reminder from January, its FinanzOnline check with journal and print, overdue after 15 February.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PosError } from '../../src-shared/pos-error.ts';
import { startEmulator, type RunningEmulator } from '../emulator/sign-at-emulator.ts';
import { Closings } from './closings.ts';
import { registeredTill, type RegisteredTill } from './registered-till.test-support.ts';

let emulator: RunningEmulator;
let clockMs = Date.parse('2025-11-20T10:00:00+01:00');

before(async () => {
  emulator = await startEmulator({ now: () => new Date(clockMs) });
});
after(() => emulator.close());

function closingsFor(setup: RegisteredTill, now: () => number) {
  return new Closings({
    settings: setup.till.settings,
    journal: setup.till.journal,
    printReceipt: async (receipt, options) => {
      setup.till.printed.push({ receipt, duplicate: options.duplicate });
      return true;
    },
    target: () => setup.target,
    log: setup.till.log,
    now,
  });
}

test('the Jahresbeleg: reminded from January, checked with FinanzOnline, journaled and printed once', async (t) => {
  clockMs = Date.parse('2025-11-20T10:00:00+01:00');
  const setup = await registeredTill(emulator);
  t.after(() => setup.till.close());
  for (const at of ['2025-12-03T09:00:00+01:00', '2026-01-07T08:30:00+01:00']) {
    clockMs = Date.parse(at);
    await setup.sell('4.40');
  }
  let now = Date.parse('2026-01-10T12:00:00+01:00');
  const closings = closingsFor(setup, () => now);

  const listed = await closings.list();
  assert.equal(listed.problem, null);
  assert.deepEqual(
    listed.closings.map((c) => c.kind),
    ['YEARLY_CLOSE', 'MONTHLY_CLOSE'],
  );
  assert.equal(listed.yearly.closesYear, 2025);
  assert.equal(listed.yearly.state, 'not_validated');
  assert.equal(listed.yearly.remind, true);
  assert.equal(listed.yearly.overdue, false);
  assert.equal(listed.yearly.dueBy, '2026-02-15');
  const yearlyId = listed.yearly.closingId;
  assert.ok(yearlyId);

  now = Date.parse('2026-02-16T09:00:00+01:00');
  assert.equal((await closings.list()).yearly.overdue, true, 'after 15 February it is overdue');

  const checked = await closings.validate(yearlyId);
  assert.equal(checked.validation?.result, 'SUCCESS');
  assert.equal(checked.printed, true);
  assert.equal(setup.till.journal.get(yearlyId)?.kind, 'YEARLY_CLOSE');
  assert.deepEqual(
    setup.till.printed.filter((p) => p.receipt.id === yearlyId).map((p) => p.duplicate),
    [false],
  );
  const after = await closings.list();
  assert.equal(after.yearly.state, 'done');
  assert.equal(after.yearly.remind, false);
  assert.equal(after.closings.find((c) => c.id === yearlyId)?.validation?.result, 'SUCCESS');

  // Checking again prints nothing twice.
  await closings.validate(yearlyId);
  assert.equal(setup.till.printed.filter((p) => p.receipt.id === yearlyId).length, 1);

  // A monthly receipt can be checked as well; it is not printed.
  const monthly = after.closings.find((c) => c.kind === 'MONTHLY_CLOSE');
  assert.ok(monthly);
  const monthlyChecked = await closings.validate(monthly.id);
  assert.equal(monthlyChecked.validation?.result, 'SUCCESS');
  assert.equal(monthlyChecked.printed, false);
});

test('a register started this year owes no Jahresbeleg; when SIGN AT is unreachable the stored list is shown', async (t) => {
  clockMs = Date.parse('2026-01-05T10:00:00+01:00');
  const setup = await registeredTill(emulator);
  t.after(() => {
    setup.till.close();
    emulator.setFaults({ error_rate: 0 });
  });
  const closings = closingsFor(setup, () => Date.parse('2026-01-20T10:00:00+01:00'));
  const listed = await closings.list();
  assert.equal(listed.yearly.state, 'not_due');
  assert.equal(listed.yearly.remind, false);

  emulator.setFaults({ error_rate: 1 });
  const offline = await closings.list();
  assert.match(offline.problem ?? '', /gespeicherte Stand/);
  assert.equal(offline.yearly.state, 'not_due', 'what was learned before still counts');
  await assert.rejects(
    closings.validate('4b0e3d67-5d5c-4f62-9b4a-2f7a3c5a1e11'),
    (error: unknown) =>
      error instanceof PosError && error.code === 'unavailable' && /nicht erreichbar/.test(error.message),
  );
});

test('a Jahresbeleg not made yet (no sale in the new year) is reported as missing', async (t) => {
  clockMs = Date.parse('2025-06-02T10:00:00+02:00');
  const setup = await registeredTill(emulator);
  t.after(() => setup.till.close());
  const listed = await closingsFor(setup, () => Date.parse('2026-01-03T10:00:00+01:00')).list();
  assert.equal(listed.yearly.state, 'missing');
  assert.equal(listed.yearly.remind, true);
  assert.equal(listed.yearly.closingId, null);
});
