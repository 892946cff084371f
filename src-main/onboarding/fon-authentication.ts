// FinanzOnline access at fiskaly (PUT /fon/auth): the credentials of the taxpayer's dedicated
// Registrierkassen-Webservice-Benutzer, which SIGN AT needs before it registers an SCU or a register
// and for every FinanzOnline check of a receipt. Proven the same way by the setup wizard and by the
// takeover of a register on a new PC; the PIN is used for this one request and never kept.
import type { FonCredentialsInput } from '../../src-shared/onboarding-input.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import { OnboardingStepError } from './onboarding-failure.ts';

export async function authenticateFon(client: SignAtClient, fon: FonCredentialsInput): Promise<void> {
  const answer = await client.putFonAuth({
    fon_participant_id: fon.participantId,
    fon_user_id: fon.userId,
    fon_user_pin: fon.pin,
  });
  if (answer.authentication_status !== 'AUTHENTICATED') {
    throw new OnboardingStepError(
      'E_FON_AUTHENTICATION_FAILED',
      `FinanzOnline hat die Anmeldung nicht bestätigt (${answer.authentication_status}). Teilnehmer-Identifikation, Benutzer-Identifikation und PIN des Registrierkassen-Webservice-Benutzers prüfen.`,
      { retryable: false },
    );
  }
}
