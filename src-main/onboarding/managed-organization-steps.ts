// The Management-API path for POS providers: with the provider's key, create the merchant's managed
// organization and an API key for it, then go on with that key as if the merchant had typed it. POSTs
// are not idempotent, so each is guarded: the organization carries a token in its metadata (persisted
// before the POST) and is looked up by it after a lost answer; a key whose secret was lost is simply
// replaced by a new one (a key without its secret is of no use to anyone).
import { randomBytes } from 'node:crypto';
import { OnboardingStepError } from './onboarding-failure.ts';
import type { StepHandler, StepRuntime } from './onboarding-runtime.ts';

const CREATION_TOKEN_METADATA_KEY = 'kassen_companion_onboarding';

function managed(rt: StepRuntime) {
  const state = rt.record().managed;
  if (state === null) throw new Error('managed step without a managed onboarding');
  return state;
}

export const managedOrganizationStep: StepHandler = async (rt) => {
  const state = managed(rt);
  if (state.organizationId !== null) return;
  const client = rt.management();
  const { organizationId: providerId } = await client.authenticate();
  const { company } = rt.record();
  // An earlier attempt may have created it and lost the answer.
  const existing = state.organizationRequested
    ? (await client.listOrganizations()).find(
        (organization) => organization.metadata?.[CREATION_TOKEN_METADATA_KEY] === state.creationToken,
      )
    : undefined;
  if (existing === undefined) rt.update({ managed: { ...state, organizationRequested: true } });
  const organization =
    existing ??
    (await client.createOrganization({
      name: company.name,
      display_name: company.name,
      address_line1: company.address,
      zip: company.zip,
      town: company.town,
      country_code: 'AUT',
      vat_id: company.vatId,
      managed_by_organization_id: providerId,
      metadata: { [CREATION_TOKEN_METADATA_KEY]: state.creationToken },
    }));
  rt.update({ managed: { ...managed(rt), organizationId: organization._id } });
};

export const managedApiKeyStep: StepHandler = async (rt) => {
  const state = managed(rt);
  if (rt.secrets.has('signAtApiKey') && rt.secrets.has('signAtApiSecret')) {
    rt.secrets.forget('managementApiKey', 'managementApiSecret');
    return;
  }
  if (state.organizationId === null) {
    throw new OnboardingStepError('E_ORGANIZATION_MISSING', 'Die Organisation fehlt noch.', {
      retryable: true,
    });
  }
  const name = `kassen-companion-${randomBytes(3).toString('hex')}`;
  rt.update({ managed: { ...state, apiKeyName: name } });
  const key = await rt.management().createApiKey(state.organizationId, { name, status: 'enabled' });
  // Sealed before anything else happens: fiskaly shows this secret only once.
  rt.secrets.put({ signAtApiKey: key.key, signAtApiSecret: key.secret });
  // The provider's key is not kept on the merchant's till longer than needed.
  rt.secrets.forget('managementApiKey', 'managementApiSecret');
};
