// Takes an organization from nothing to a cash register that signs, in SIGN AT's documented order:
// FON auth → SCU (waits through PENDING) → cash register → SCU INITIALIZED → register REGISTERED →
// register INITIALIZED → start receipt fetched and checked with FinanzOnline.
// Every step is repeatable: ids are fixed (and saved by the caller) before the first PUT, PUTs are
// idempotent, and a PATCH is only sent when the state is not already reached, so a crash at any point
// resumes with the same SCU and register.
import { randomUUID } from 'node:crypto';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { SignedReceipt } from '../fiskaly/sign-at-resources.ts';
import type { FonCredentials } from '../fiskaly/sign-at-requests.ts';
import type { WaitOptions } from '../fiskaly/wait-for-state.ts';
import type { SetupProgress } from '../settings/core-settings.ts';

interface RegisterSetupInput {
  client: SignAtClient;
  fon: FonCredentials;
  vatId: string;
  legalEntityName: string;
  registerDescription: string;
  /** Ids from an interrupted run; new ones otherwise. */
  progress: SetupProgress | null;
  /** Persist the ids and step before anything is sent. */
  saveProgress(progress: SetupProgress): void;
  /** German text for the status bar. */
  onStep(step: string): void;
  wait?: WaitOptions;
}

export interface RegisterSetupResult {
  scuId: string;
  registerId: string;
  kassenId: string;
  startReceipt: SignedReceipt;
  startReceiptValidated: boolean;
}

export async function setUpRegister(input: RegisterSetupInput): Promise<RegisterSetupResult> {
  const { client } = input;
  const ids = input.progress ?? { scuId: randomUUID(), registerId: randomUUID(), step: 'start' };
  const step = (name: string, text: string) => {
    input.saveProgress({ ...ids, step: name });
    input.onStep(text);
  };
  const wait = { intervalMs: 2000, timeoutMs: 120_000, ...input.wait };

  step('fon', 'FinanzOnline-Zugang wird geprüft');
  const fon = await client.putFonAuth(input.fon);
  if (fon.authentication_status !== 'AUTHENTICATED') {
    throw new Error(`FinanzOnline-Anmeldung fehlgeschlagen (${fon.authentication_status})`);
  }

  step('scu', 'Signaturerstellungseinheit wird erstellt');
  let scu = await client.putScu(ids.scuId, {
    legal_entity_id: { vat_id: input.vatId },
    legal_entity_name: input.legalEntityName,
  });
  if (scu.state === 'PENDING') {
    input.onStep('Zertifikat wird ausgestellt');
    scu = await client.waitForScuState(ids.scuId, ['CREATED', 'INITIALIZED'], wait);
  }

  step('register', 'Kasse wird angelegt');
  let register = await client.putCashRegister(ids.registerId, { description: input.registerDescription });

  step('scu_initialize', 'Signaturerstellungseinheit wird bei FinanzOnline registriert');
  if (scu.state !== 'INITIALIZED') {
    await client.patchScu(ids.scuId, 'INITIALIZED');
    await client.waitForScuState(ids.scuId, ['INITIALIZED'], wait);
  }

  step('register_register', 'Kasse wird bei FinanzOnline registriert');
  if (register.state === 'CREATED') {
    await client.patchCashRegister(ids.registerId, 'REGISTERED');
    register = await client.waitForCashRegisterState(ids.registerId, ['REGISTERED'], wait);
  }

  step('register_initialize', 'Startbeleg wird erstellt');
  if (register.state === 'REGISTERED') {
    await client.patchCashRegister(ids.registerId, 'INITIALIZED');
    register = await client.waitForCashRegisterState(ids.registerId, ['INITIALIZED'], wait);
  }
  if (!register.initialization_receipt_id) {
    throw new Error('SIGN AT hat keinen Startbeleg genannt');
  }

  step('start_receipt', 'Startbeleg wird geprüft');
  const startReceipt = await client.getReceipt(ids.registerId, register.initialization_receipt_id);
  // RKSV wants the start receipt checked at once; FinanzOnline's answer is kept with it at SIGN AT.
  const validation = await client.validateReceipt(ids.registerId, startReceipt._id);

  return {
    scuId: ids.scuId,
    registerId: ids.registerId,
    kassenId: register.serial_number,
    startReceipt,
    startReceiptValidated: validation.validation_result === 'SUCCESS',
  };
}
