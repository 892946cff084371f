// The business the demo rings up for: clearly a sample, with the address format of a real one.
import type { CompanyInfo } from '../../src-shared/core-settings.ts';
import type { FonCredentials } from '../fiskaly/sign-at-requests.ts';

export const DEMO_COMPANY: CompanyInfo = {
  name: 'Café Muster GmbH',
  address: 'Musterstraße 1, 1010 Wien',
  // A UID whose check digit is right: the demo's receipts show what a real one looks like.
  vatId: 'ATU12345675',
};

/** Syntactically valid dummy values, as fiskaly's TEST environment expects them. */
export const DEMO_FON_CREDENTIALS: FonCredentials = {
  fon_participant_id: '123456789',
  fon_user_id: 'demokassa',
  fon_user_pin: 'demo-pin-1234',
};

export const DEMO_REGISTER_DESCRIPTION = 'Kasse 1 (Demo)';
