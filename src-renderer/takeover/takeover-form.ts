// The takeover form as plain data, turned into the contract's input and checked with its own schema
// before it is sent, so a slip is named at once; main checks everything again.
import { StartTakeoverInput, type StartTakeoverInput as StartInput } from '../../src-shared/takeover.ts';

export interface TakeoverFormValues {
  environment: 'TEST' | 'LIVE';
  apiKey: string;
  apiSecret: string;
  registerId: string;
  participantId: string;
  userId: string;
  pin: string;
  backupDir: string;
  noBackup: boolean;
  companyName: string;
  address: string;
  zip: string;
  town: string;
  vatId: string;
  /** LIVE needs an explicit "yes, every receipt counts". */
  liveConfirmed: boolean;
}

export const EMPTY_TAKEOVER_FORM: TakeoverFormValues = {
  environment: 'TEST',
  apiKey: '',
  apiSecret: '',
  registerId: '',
  participantId: '',
  userId: '',
  pin: '',
  backupDir: '',
  noBackup: false,
  companyName: '',
  address: '',
  zip: '',
  town: '',
  vatId: '',
  liveConfirmed: false,
};

function inputFromTakeoverForm(form: TakeoverFormValues): StartInput {
  return {
    access: { environment: form.environment, apiKey: form.apiKey, apiSecret: form.apiSecret },
    registerId: form.registerId,
    fon: { participantId: form.participantId, userId: form.userId, pin: form.pin },
    backupDir: form.noBackup ? null : form.backupDir,
    company: form.noBackup
      ? { name: form.companyName, address: form.address, zip: form.zip, town: form.town, vatId: form.vatId }
      : null,
  };
}

/** The input, or what is wrong with the form (the first thing, in words for the merchant). */
export function takeoverInput(
  form: TakeoverFormValues,
  t: { pickRegister: string; backupDirMissing: string; liveNotConfirmed: string },
): StartInput | string {
  if (form.registerId === '') return t.pickRegister;
  if (!form.noBackup && form.backupDir.trim() === '') return t.backupDirMissing;
  if (form.environment === 'LIVE' && !form.liveConfirmed) return t.liveNotConfirmed;
  const input = inputFromTakeoverForm(form);
  const parsed = StartTakeoverInput.safeParse(input);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'ungültige Eingabe';
  return input;
}
