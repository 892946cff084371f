// The POS-provider path: the provider's Management-API key creates the merchant's organization and API
// key, the onboarding goes on with that key, and the provider's key is gone from the till afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PosError } from '../../src-shared/pos-error.ts';
import { startEmulator, type RunningEmulator } from '../emulator/sign-at-emulator.ts';
import {
  startManagementEmulator,
  type ManagementEmulator,
} from '../management/management-emulator.test-support.ts';
import { Installation, startInput } from './onboarding-harness.test-support.ts';

const PROVIDER = { apiKey: 'provider-key', apiSecret: 'provider-secret-Zz7' };
let signAt: RunningEmulator;
let management: ManagementEmulator;

before(async () => {
  signAt = await startEmulator();
  management = await startManagementEmulator(PROVIDER);
});
after(async () => {
  await signAt.close();
  await management.close();
});

function managedInput(apiSecret = PROVIDER.apiSecret) {
  return startInput('', '', {
    access: { kind: 'management', apiKey: PROVIDER.apiKey, apiSecret },
    company: {
      name: 'Trafik Huber',
      address: 'Ringstraße 5',
      zip: '8010',
      town: 'Graz',
      vatId: 'ATU12345675',
    },
  });
}

test('a provider onboards a merchant: organization and API key are created, then the register', async (t) => {
  const till = new Installation();
  t.after(() => till.close());
  const before = management.organizations().length;
  const machine = till.machine(signAt.baseUrl, { managementBaseUrl: management.baseUrl });
  const started = await machine.start(managedInput());
  assert.equal(started.managed, true);
  assert.deepEqual(started.steps.slice(0, 3), ['managed_organization', 'managed_api_key', 'credentials']);
  const view = await machine.settled();
  assert.equal(view.phase, 'done', JSON.stringify(view.error));

  const created = management.organizations().slice(before);
  assert.equal(created.length, 1);
  assert.equal(view.organizationId, created[0]?._id);
  assert.deepEqual(
    {
      name: created[0]?.name,
      address_line1: created[0]?.address_line1,
      zip: created[0]?.zip,
      town: created[0]?.town,
      country_code: created[0]?.country_code,
      vat_id: created[0]?.vat_id,
      managed_by_organization_id: created[0]?.managed_by_organization_id,
    },
    {
      name: 'Trafik Huber',
      address_line1: 'Ringstraße 5',
      zip: '8010',
      town: 'Graz',
      country_code: 'AUT',
      vat_id: 'ATU12345675',
      managed_by_organization_id: management.providerOrganizationId,
    },
  );
  const key = management.apiKeys().find((k) => k.organizationId === view.organizationId);
  assert.ok(key);
  assert.equal(till.core().read().credentials?.apiKey, key.key, 'the core signs with the merchant key');
  assert.equal(till.settings.get('onboardingSecrets'), undefined);
  assert.ok(!till.settingsFileText().includes(PROVIDER.apiSecret), 'the provider secret is not kept');
  assert.ok(!till.settingsFileText().includes(PROVIDER.apiKey), 'nor the provider key');
  assert.ok(!till.logLines.join('\n').includes(PROVIDER.apiSecret));
});

test('the answer to POST /organizations is lost: resuming finds the organization instead of making a second', async (t) => {
  const till = new Installation();
  t.after(() => till.close());
  const before = management.organizations().length;
  management.dropAnswerOnce('POST', /^\/organizations$/);
  const machine = till.machine(signAt.baseUrl, { managementBaseUrl: management.baseUrl });
  await machine.start(managedInput());
  const failed = await machine.settled();
  assert.equal(failed.phase, 'failed');
  assert.equal(failed.error?.step, 'managed_organization');
  assert.equal(failed.error?.retryable, true);
  assert.equal(management.organizations().length, before + 1, 'the organization exists at fiskaly');

  till.reopen();
  const resumed = till.machine(signAt.baseUrl, { managementBaseUrl: management.baseUrl });
  resumed.resume();
  const view = await resumed.settled();
  assert.equal(view.phase, 'done', JSON.stringify(view.error));
  assert.equal(management.organizations().length, before + 1, 'still exactly one');
  assert.equal(view.organizationId, management.organizations().at(-1)?._id);
});

test('a wrong provider key is refused at once and nothing is created', async (t) => {
  const till = new Installation();
  t.after(() => till.close());
  const before = management.organizations().length;
  const machine = till.machine(signAt.baseUrl, { managementBaseUrl: management.baseUrl });
  await assert.rejects(
    machine.start(managedInput('wrong')),
    (error: unknown) =>
      error instanceof PosError &&
      error.code === 'rejected_by_sign_at' &&
      /Management-API/.test(error.message),
  );
  assert.equal(machine.view().phase, 'not_started');
  assert.equal(management.organizations().length, before);
  assert.equal(till.settings.get('onboardingSecrets'), undefined);
});
