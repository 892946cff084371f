// What a setup file does to the data folder it finds: continue the same setup, redo what is not fiscal
// yet, and never touch a register in operation or make a second managed organization.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OnboardingStep } from '../../src-shared/onboarding-view.ts';
import { startInput } from './onboarding-harness.test-support.ts';
import { plannedSteps, type OnboardingRecord } from './onboarding-record.ts';
import { planUnattended } from './unattended-plan.ts';

const input = startInput('key-1', 'secret-1');

function record(doneSteps: OnboardingStep[], changes: Partial<OnboardingRecord> = {}): OnboardingRecord {
  return {
    version: 1,
    target: 'fiskaly',
    expectedEnvironment: 'TEST',
    environment: 'TEST',
    organizationId: 'org-1',
    company: { ...input.company },
    registerDescription: input.registerDescription,
    fon: { participantId: input.fon.participantId, userId: input.fon.userId },
    managed: null,
    scuId: '3a36b7cf-3e8c-4150-8e26-f0049b3571df',
    registerId: '30d39644-bbb7-46be-a7ec-b067ac05ea82',
    kassenId: doneSteps.includes('register_create') ? 'EMU-1' : null,
    startReceiptId: null,
    startReceiptNumber: null,
    startReceiptPrint: 'not_tried',
    startReceiptValidation: null,
    doneSteps,
    error: null,
    updatedAtMs: 0,
    ...changes,
  };
}

const ALL = plannedSteps({ managed: null });
const holds = () => true;
const other = { ...input, registerDescription: 'Kasse 2' };

test('nothing there: start; done with the same data: nothing', () => {
  assert.deepEqual(planUnattended(null, input, holds), { action: 'start' });
  assert.deepEqual(planUnattended(record(ALL), input, holds), { action: 'nothing' });
});

test('the same setup, unfinished: resumed with the file’s secrets; another API key is proven by a new start', () => {
  const unfinished = record(['credentials', 'fon_auth']);
  assert.deepEqual(planUnattended(unfinished, input, holds), { action: 'resume', renewSecrets: true });
  assert.deepEqual(
    planUnattended(unfinished, input, () => false),
    { action: 'start' },
  );
  const fiscal = record(ALL.slice(0, 7));
  assert.deepEqual(planUnattended(fiscal, input, holds), { action: 'resume', renewSecrets: false });
});

test('other data: redone while not fiscal, refused once the register is in operation', () => {
  assert.deepEqual(planUnattended(record(['credentials', 'fon_auth']), other, holds), { action: 'start' });
  for (const done of [ALL.slice(0, 7), ALL]) {
    const plan = planUnattended(record(done), other, holds);
    assert.equal(plan.action, 'refuse');
    assert.match(plan.action === 'refuse' ? plan.message : '', /anderen Daten.*Kassen-ID EMU-1/);
  }
});

test('a Management-API setup whose organization was requested is never started again with other data', () => {
  const managedInput = { ...other, access: { kind: 'management' as const, apiKey: 'm', apiSecret: 's' } };
  const managed = {
    creationToken: 'c2a1b9f0-6f0e-4d55-8f1e-0c2d3e4f5a6b',
    organizationRequested: true,
    organizationId: null,
    apiKeyName: null,
  };
  const plan = planUnattended(record(['managed_organization'], { managed }), managedInput, holds);
  assert.equal(plan.action, 'refuse');
  assert.match(plan.action === 'refuse' ? plan.message : '', /zweite Organisation/);
  const notYet = { ...managed, organizationRequested: false };
  assert.deepEqual(planUnattended(record([], { managed: notYet }), managedInput, holds), { action: 'start' });
});

test('a demo in the data folder is refused', () => {
  const plan = planUnattended(record(ALL, { target: 'demo' }), input, holds);
  assert.equal(plan.action, 'refuse');
});
