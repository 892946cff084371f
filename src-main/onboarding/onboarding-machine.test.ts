// The onboarding against the SIGN AT emulator over loopback HTTP: a full run, a crash after every step
// and inside the decisive PATCH, wrong credentials, the wrong environment, reset, and the demo path.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ONBOARDING_STEPS, type OnboardingStep } from '../../src-shared/onboarding-view.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { TestClient } from '../emulator/emulator-client.test-support.ts';
import { startEmulator, type RunningEmulator } from '../emulator/sign-at-emulator.ts';
import { runDemoOnboarding } from './demo-onboarding.ts';
import { Installation, startInput } from './onboarding-harness.test-support.ts';
import type { OnboardingMachine } from './onboarding-machine.ts';

let emulator: RunningEmulator;
let restricted: RunningEmulator;
let keyCounter = 0;

before(async () => {
  // Any key pair is an organization of its own here, so every test gets a fresh fiskaly account.
  emulator = await startEmulator({ scuPendingMs: 40 });
  restricted = await startEmulator({ apiKey: 'richtiger-key', apiSecret: 'richtiges-secret' });
});
after(async () => {
  await emulator.close();
  await restricted.close();
});

function freshKey(): { apiKey: string; apiSecret: string } {
  keyCounter += 1;
  return { apiKey: `test-key-${keyCounter}-${process.pid}`, apiSecret: `secret-${keyCounter}-Xy9!` };
}

/** What SIGN AT itself holds for this organization, read with the same key. */
async function signAtFacts(target: RunningEmulator, apiKey: string, apiSecret: string) {
  const api = new TestClient(target.baseUrl);
  await api.authenticate(apiKey, apiSecret);
  const scus = (await api.ok('GET', '/signature-creation-unit')) as {
    data: Array<{ _id: string; state: string }>;
  };
  const registers = (await api.ok('GET', '/cash-register')) as {
    data: Array<{ _id: string; state: string; serial_number: string; initialization_receipt_id?: string }>;
  };
  const starts = await Promise.all(
    registers.data.map(
      async (r) =>
        (await api.ok('GET', `/cash-register/${r._id}/receipt?receipt_types[]=INITIALIZATION`)) as {
          data: Array<{ _id: string }>;
        },
    ),
  );
  return { scus: scus.data, registers: registers.data, startReceipts: starts.flatMap((s) => s.data) };
}

/**
 * The app dies once `step` is persisted as done: from then on no request leaves this machine (the line
 * is cut, so a step already under way fails too) and no further step begins.
 */
function crashAfter(step: OnboardingStep) {
  const ref: { machine: OnboardingMachine | null; dead: boolean } = { machine: null, dead: false };
  const fetchUntilCrash: typeof fetch = async (input, init) => {
    if (ref.dead) throw new TypeError('fetch failed');
    return fetch(input, init);
  };
  const onChange = (view: { doneSteps: OnboardingStep[] }) => {
    if (!ref.dead && view.doneSteps.includes(step)) {
      ref.dead = true;
      void ref.machine?.stop();
    }
  };
  return { ref, overrides: { fetch: fetchUntilCrash, onChange } };
}

test('a full onboarding: every step in order, start receipt journaled, printed and FON-validated, no secret kept', async (t) => {
  const till = new Installation();
  t.after(() => till.close());
  const { apiKey, apiSecret } = freshKey();
  const changes: string[] = [];
  const machine = till.machine(emulator.baseUrl, {
    onChange: (view) => changes.push(`${view.phase}:${view.currentStep ?? '-'}`),
  });
  const started = await machine.start(startInput(apiKey, apiSecret));
  assert.equal(started.environment, 'TEST', 'POST /auth told the environment');
  assert.deepEqual(started.doneSteps, ['credentials']);
  const view = await machine.settled();

  assert.equal(view.phase, 'done', JSON.stringify(view.error));
  assert.deepEqual(
    view.doneSteps,
    ONBOARDING_STEPS.filter((s) => !s.startsWith('managed_')),
  );
  assert.ok(view.kassenId?.startsWith('EMU-'));
  assert.equal(view.startReceipt?.printed, true);
  assert.equal(view.startReceipt?.validation?.result, 'SUCCESS');
  assert.equal(view.canReset, false);
  // The wizard saw every step begin.
  for (const step of ['fon_auth', 'scu_create', 'register_initialize', 'start_receipt_validation']) {
    assert.ok(changes.includes(`running:${step}`), step);
  }

  const facts = await signAtFacts(emulator, apiKey, apiSecret);
  assert.deepEqual(
    facts.scus.map((s) => [s._id, s.state]),
    [[view.scuId, 'INITIALIZED']],
  );
  assert.deepEqual(
    facts.registers.map((r) => [r._id, r.state, r.serial_number]),
    [[view.registerId, 'INITIALIZED', view.kassenId]],
  );
  assert.equal(facts.startReceipts.length, 1);

  const journaled = till.journal.get(view.startReceipt?.id ?? '');
  assert.equal(journaled?.kind, 'INITIALIZATION');
  assert.equal(journaled?.kassenId, view.kassenId);
  assert.equal(journaled?.printed, true);
  assert.equal(till.printed.length, 1);
  assert.equal(till.printed[0]?.receipt.kind, 'INITIALIZATION');
  assert.equal(till.printed[0]?.duplicate, false);
  assert.match(till.printed[0]?.receipt.qrCodeData ?? '', /^_R1-AT100_EMU-/);

  const core = till.core().read();
  assert.equal(core.mode, 'live');
  assert.deepEqual(core.register, {
    environment: 'TEST',
    scuId: view.scuId,
    registerId: view.registerId,
    kassenId: view.kassenId,
    description: 'Kasse 1 Verkaufspult',
  });
  assert.equal(core.credentials?.apiKey, apiKey);
  assert.equal(till.secretBox.decrypt(core.credentials?.apiSecretSealed ?? ''), apiSecret);
  assert.equal(core.company?.address, 'Hauptstraße 1\n1010 Wien');

  const onDisk = till.settingsFileText();
  for (const secret of [apiSecret, 'fon-pin-geheim-42']) {
    assert.ok(!onDisk.includes(secret), 'no secret in clear in the settings file');
    assert.ok(!till.logLines.join('\n').includes(secret), 'no secret in the log');
    assert.ok(!JSON.stringify(view).includes(secret), 'no secret in the contract view');
  }
  assert.equal(till.settings.get('onboardingSecrets'), undefined, 'the onboarding keeps no secret when done');
});

const CRASH_POINTS: OnboardingStep[] = [
  'credentials',
  'fon_auth',
  'scu_create',
  'register_create',
  'scu_initialize',
  'register_register',
  'register_initialize',
  'start_receipt',
];

for (const step of CRASH_POINTS) {
  test(`a crash after "${step}": a fresh machine resumes with the same ids and initializes exactly once`, async (t) => {
    const till = new Installation();
    t.after(() => till.close());
    const { apiKey, apiSecret } = freshKey();
    const crash = crashAfter(step);
    const first = till.machine(emulator.baseUrl, crash.overrides);
    crash.ref.machine = first;
    await first.start(startInput(apiKey, apiSecret));
    const stopped = await first.settled();
    assert.ok(['interrupted', 'failed'].includes(stopped.phase), stopped.phase);
    assert.deepEqual(stopped.doneSteps, stopped.steps.slice(0, stopped.steps.indexOf(step) + 1));
    const ids = { scuId: stopped.scuId, registerId: stopped.registerId };

    till.reopen();
    const second = till.machine(emulator.baseUrl);
    assert.deepEqual(second.view().doneSteps, stopped.doneSteps, 'the persisted state says where it stopped');
    assert.notEqual(second.view().phase, 'running');
    second.resume();
    const view = await second.settled();
    assert.equal(view.phase, 'done', JSON.stringify(view.error));
    assert.deepEqual({ scuId: view.scuId, registerId: view.registerId }, ids);

    const facts = await signAtFacts(emulator, apiKey, apiSecret);
    assert.equal(facts.scus.length, 1);
    assert.equal(facts.registers.length, 1);
    assert.equal(facts.registers[0]?.state, 'INITIALIZED');
    assert.equal(facts.startReceipts.length, 1, 'exactly one start receipt');
    assert.equal(till.printed.filter((p) => p.receipt.kind === 'INITIALIZATION').length, 1, 'printed once');
  });
}

test('the answer to "INITIALIZED" is lost: resuming reads the state back instead of asking again', async (t) => {
  const till = new Installation();
  t.after(() => till.close());
  const { apiKey, apiSecret } = freshKey();
  let lineDown = false;
  const losingFetch: typeof fetch = async (input, init) => {
    if (lineDown) throw new TypeError('fetch failed');
    const request = new Request(input, init);
    const body = request.method === 'PATCH' ? await request.clone().text() : '';
    const response = await fetch(request);
    if (
      request.method === 'PATCH' &&
      request.url.includes('/cash-register/') &&
      body.includes('"INITIALIZED"')
    ) {
      // SIGN AT did it; the till never hears back.
      lineDown = true;
      throw new TypeError('fetch failed');
    }
    return response;
  };
  const first = till.machine(emulator.baseUrl, { fetch: losingFetch });
  await first.start(startInput(apiKey, apiSecret));
  const failed = await first.settled();
  assert.equal(failed.phase, 'failed');
  assert.equal(failed.error?.step, 'register_initialize');
  assert.equal(failed.error?.retryable, true);
  assert.match(failed.error?.message ?? '', /nicht erreichbar/);
  assert.equal(failed.canReset, true, 'the machine has not seen the start receipt yet');

  till.reopen();
  const second = till.machine(emulator.baseUrl);
  second.resume();
  const view = await second.settled();
  assert.equal(view.phase, 'done', JSON.stringify(view.error));
  const facts = await signAtFacts(emulator, apiKey, apiSecret);
  assert.equal(facts.startReceipts.length, 1);
  assert.equal(facts.registers[0]?.initialization_receipt_id, view.startReceipt?.id);
});

test('wrong credentials: a clear error, and nothing is persisted as done', async (t) => {
  const till = new Installation();
  t.after(() => till.close());
  const machine = till.machine(restricted.baseUrl);
  await assert.rejects(
    machine.start(startInput('richtiger-key', 'falsches-secret')),
    (error: unknown) =>
      error instanceof PosError &&
      error.code === 'rejected_by_sign_at' &&
      error.field === 'access' &&
      /abgelehnt/.test(error.message) &&
      /API-Key und API-Secret prüfen/.test(error.message),
  );
  assert.equal(machine.view().phase, 'not_started');
  assert.deepEqual(machine.view().doneSteps, []);
  assert.equal(till.settings.get('onboarding'), undefined);
  assert.equal(till.settings.get('onboardingSecrets'), undefined);
  assert.equal(till.core().read().credentials, null);
  assert.ok(!till.settingsFileText().includes('falsches-secret'));

  // With the right secret the same installation sets up normally.
  await machine.start(startInput('richtiger-key', 'richtiges-secret'));
  assert.equal((await machine.settled()).phase, 'done');
});

test('a TEST key where LIVE was chosen is refused before anything is created', async (t) => {
  const till = new Installation();
  t.after(() => till.close());
  const { apiKey, apiSecret } = freshKey();
  const machine = till.machine(emulator.baseUrl);
  await assert.rejects(
    machine.start(startInput(apiKey, apiSecret, { environment: 'LIVE' })),
    (error: unknown) =>
      error instanceof PosError &&
      error.code === 'invalid_input' &&
      error.field === 'environment' &&
      /LIVE/.test(error.message),
  );
  assert.equal(machine.view().phase, 'not_started');
  const facts = await signAtFacts(emulator, apiKey, apiSecret);
  assert.equal(facts.scus.length + facts.registers.length, 0);
});

test('reset before the register is fiscal: starting again reuses the SCU and register; afterwards reset is refused', async (t) => {
  const till = new Installation();
  t.after(() => till.close());
  const { apiKey, apiSecret } = freshKey();
  const crash = crashAfter('register_create');
  const first = till.machine(emulator.baseUrl, crash.overrides);
  crash.ref.machine = first;
  await first.start(startInput(apiKey, apiSecret));
  const stopped = await first.settled();
  assert.equal(stopped.canReset, true);
  const reset = first.reset();
  assert.equal(reset.phase, 'not_started');
  assert.equal(till.settings.get('onboardingSecrets'), undefined);
  assert.equal(till.core().read().credentials, null, 'the core forgets the access too');

  const again = till.machine(emulator.baseUrl);
  await again.start(startInput(apiKey, apiSecret, { registerDescription: 'Kasse 1 neu' }));
  const view = await again.settled();
  assert.equal(view.phase, 'done', JSON.stringify(view.error));
  assert.equal(view.scuId, stopped.scuId, 'one SCU per organization: the same one again');
  assert.equal(view.registerId, stopped.registerId);
  const facts = await signAtFacts(emulator, apiKey, apiSecret);
  assert.equal(facts.scus.length, 1);
  assert.equal(facts.registers.length, 1);
  assert.throws(
    () => again.reset(),
    (error: unknown) => error instanceof PosError && error.code === 'conflict',
  );
  await assert.rejects(again.start(startInput(apiKey, apiSecret)), /bereits in Betrieb/);
});

test('no printer at the start receipt: onboarding finishes and says the receipt still needs printing', async (t) => {
  const till = new Installation();
  t.after(() => till.close());
  till.printerReady = false;
  const { apiKey, apiSecret } = freshKey();
  const machine = till.machine(emulator.baseUrl);
  await machine.start(startInput(apiKey, apiSecret));
  const view = await machine.settled();
  assert.equal(view.phase, 'done');
  assert.equal(view.startReceipt?.printed, false);
  assert.equal(till.journal.get(view.startReceipt?.id ?? '')?.printed, false);
});

test('demo mode runs through the same machine against the embedded emulator and shows DEMO', async (t) => {
  const till = new Installation();
  t.after(() => till.close());
  const machine = till.machine(emulator.baseUrl);
  const demoAccess = { apiKey: freshKey().apiKey, apiSecret: 'demo-secret-1' };
  const view = await runDemoOnboarding(machine, demoAccess);
  assert.equal(view.phase, 'done', JSON.stringify(view.error));
  assert.equal(view.target, 'demo');
  assert.equal(view.environment, 'DEMO');
  const core = till.core().read();
  assert.equal(core.mode, 'demo');
  assert.equal(core.register?.environment, 'DEMO');
  assert.ok(core.demoCredentials !== null);
  assert.equal(till.journal.get(view.startReceipt?.id ?? '')?.environment, 'DEMO');
  // Asking again changes nothing.
  assert.deepEqual((await runDemoOnboarding(machine, demoAccess)).registerId, view.registerId);
});
