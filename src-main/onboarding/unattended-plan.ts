// What an unattended setup does with the data folder it finds: the same file run again continues the same
// setup and creates nothing twice; a file with other data may redo what is not yet fiscal, as the wizard's
// "edit and start again" does, but never touches a register that is in operation.
import type { StartOnboardingParsed } from '../../src-shared/onboarding-input.ts';
import { nextStep, registerInitialized, type OnboardingRecord } from './onboarding-record.ts';

type UnattendedPlan =
  /** A new setup, or one redone with the file's data (the machine keeps the SCU and register ids). */
  | { action: 'start' }
  /** The file's setup, continued; its secrets are sealed again first (a corrected PIN takes effect). */
  | { action: 'resume'; renewSecrets: boolean }
  /** Done already, with this data. */
  | { action: 'nothing' }
  | { action: 'refuse'; message: string };

/** The same setup: everything the record keeps from the start input (secrets are not kept there). */
function sameSetup(record: OnboardingRecord, input: StartOnboardingParsed): boolean {
  const company = record.company;
  return (
    record.target === 'fiskaly' &&
    record.expectedEnvironment === input.environment &&
    (record.managed !== null) === (input.access.kind === 'management') &&
    company.name === input.company.name &&
    company.address === input.company.address &&
    company.zip === input.company.zip &&
    company.town === input.company.town &&
    company.vatId === input.company.vatId &&
    record.registerDescription === input.registerDescription &&
    record.fon.participantId === input.fon.participantId &&
    record.fon.userId === input.fon.userId
  );
}

/**
 * `holdsApiKey` tells whether the unfinished run still holds this SIGN AT API key: another key may belong
 * to another organization, so that run is started again (the machine proves the key first).
 */
export function planUnattended(
  record: OnboardingRecord | null,
  input: StartOnboardingParsed,
  holdsApiKey: (apiKey: string) => boolean,
): UnattendedPlan {
  if (record === null) return { action: 'start' };
  if (record.target === 'demo') {
    return {
      action: 'refuse',
      message:
        'In diesem Datenordner läuft eine Demo-Kasse: erst „Demo beenden“ (F12) oder einen anderen Datenordner wählen.',
    };
  }
  const same = sameSetup(record, input);
  const kassenId = record.kassenId === null ? '' : ` (Kassen-ID ${record.kassenId})`;
  if (nextStep(record) === null) {
    return same
      ? { action: 'nothing' }
      : {
          action: 'refuse',
          message: `Diese Kasse ist bereits mit anderen Daten eingerichtet${kassenId}; die Datei passt nicht zu ihr.`,
        };
  }
  if (registerInitialized(record)) {
    return same
      ? { action: 'resume', renewSecrets: false }
      : {
          action: 'refuse',
          message: `Diese Kasse ist mit anderen Daten bereits in Betrieb genommen${kassenId}: nur die Datei vom ersten Lauf kann die Einrichtung abschließen.`,
        };
  }
  if (same) {
    if (input.access.kind === 'api_key' && !holdsApiKey(input.access.apiKey)) return { action: 'start' };
    return { action: 'resume', renewSecrets: true };
  }
  if (input.access.kind === 'management' && record.managed?.organizationRequested === true) {
    return {
      action: 'refuse',
      message:
        'Die Einrichtung über die Management-API wurde mit anderen Daten begonnen und hat die Organisation schon angelegt: mit der Datei vom ersten Lauf fortsetzen (sonst entstünde eine zweite Organisation).',
    };
  }
  return { action: 'start' };
}
