// POST /auth with the merchant's key: proves key and secret and tells TEST from LIVE
// (access_token_claims.env). A key of the other environment than the one chosen stops the setup,
// because signing in LIVE while believing it is TEST is the one mistake that cannot be undone.
import { SignAtError } from '../fiskaly/sign-at-error.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import { OnboardingStepError } from './onboarding-failure.ts';
import type { StepHandler } from './onboarding-runtime.ts';

interface ProvenCredentials {
  signAtEnvironment: 'TEST' | 'LIVE';
  organizationId: string | null;
}

export async function proveCredentials(
  client: SignAtClient,
  expected: 'TEST' | 'LIVE',
): Promise<ProvenCredentials> {
  try {
    await client.authenticate();
  } catch (error) {
    if (error instanceof SignAtError && error.kind === 'environment_mismatch') {
      throw new OnboardingStepError(
        'E_ENVIRONMENT_MISMATCH',
        `Dieser API-Key gehört nicht zu ${expected}. ${expected === 'TEST' ? 'Einen TEST-Key' : 'Einen LIVE-Key'} verwenden oder die Umgebung ändern.`,
        { retryable: false },
      );
    }
    throw error;
  }
  return { signAtEnvironment: client.environment ?? expected, organizationId: client.organizationId };
}

export const credentialsStep: StepHandler = async (rt) => {
  const record = rt.record();
  const proven = await proveCredentials(rt.signAt(), record.expectedEnvironment);
  const reuse = proven.organizationId === null ? null : rt.store.reusableIds(proven.organizationId);
  const apiKey = rt.secrets.get('signAtApiKey');
  const apiSecret = rt.secrets.get('signAtApiSecret');
  if (apiKey === null || apiSecret === null) {
    throw new OnboardingStepError('E_CREDENTIALS_MISSING', 'API-Zugang fehlt: Einrichtung zurücksetzen.', {
      retryable: false,
    });
  }
  rt.publisher.accessProven({
    target: record.target,
    baseUrl: rt.signAtBaseUrl,
    apiKey,
    apiSecret,
    signAtEnvironment: proven.signAtEnvironment,
    company: record.company,
  });
  rt.update({
    organizationId: proven.organizationId,
    environment: record.target === 'demo' ? 'DEMO' : proven.signAtEnvironment,
    ...(reuse ?? {}),
  });
};
