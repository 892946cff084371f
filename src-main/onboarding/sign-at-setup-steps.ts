// SIGN AT's setup order [doc]: FON auth → SCU → cash register → SCU INITIALIZED → register REGISTERED →
// register INITIALIZED. Every PUT uses the id persisted when the onboarding began, so repeating it returns
// the resource created before; every PATCH is preceded by a GET, so a transition that already happened
// (its answer lost in a crash) is not asked for again.
import { SignAtError } from '../fiskaly/sign-at-error.ts';
import type { WaitOptions } from '../fiskaly/wait-for-state.ts';
import { authenticateFon } from './fon-authentication.ts';
import { OnboardingStepError } from './onboarding-failure.ts';
import type { StepHandler, StepRuntime } from './onboarding-runtime.ts';

const DEAD_STATES = ['DECOMMISSIONED', 'DEFECTIVE'];

function waitOptions(rt: StepRuntime): WaitOptions {
  return { intervalMs: rt.timing.pollIntervalMs, timeoutMs: rt.timing.stateTimeoutMs, signal: rt.signal };
}

function dead(what: string, state: string): OnboardingStepError {
  return new OnboardingStepError(
    'E_UNEXPECTED_STATE',
    `${what} ist ${state} und kann nicht mehr verwendet werden. Einrichtung zurücksetzen oder den fiskaly-Support fragen.`,
    { retryable: false },
  );
}

/** A state wait that ran out is not a failure of the input: resuming later simply waits again. */
async function waiting<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SignAtError && error.code === 'E_STATE_WAIT_TIMEOUT') {
      throw new OnboardingStepError(
        'E_STATE_WAIT_TIMEOUT',
        `${what}: SIGN AT ist noch nicht so weit (${error.message}). In ein paar Minuten fortsetzen.`,
        { retryable: true },
      );
    }
    throw error;
  }
}

export const fonAuthStep: StepHandler = async (rt) => {
  const { fon } = rt.record();
  const pin = rt.secrets.get('fonPin');
  if (pin === null) {
    throw new OnboardingStepError(
      'E_FON_PIN_MISSING',
      'Die FinanzOnline-PIN fehlt. Einrichtung zurücksetzen und die Daten neu eingeben.',
      { retryable: false },
    );
  }
  await authenticateFon(rt.signAt(), { participantId: fon.participantId, userId: fon.userId, pin });
  // FinanzOnline keeps the login at fiskaly; the PIN has no further use on this PC.
  rt.secrets.forget('fonPin');
};

export const scuCreateStep: StepHandler = async (rt) => {
  const { scuId, company } = rt.record();
  const client = rt.signAt();
  let scu;
  try {
    scu = await client.putScu(scuId, {
      legal_entity_id: { vat_id: company.vatId },
      legal_entity_name: company.name,
    });
  } catch (error) {
    if (error instanceof SignAtError && error.status === 409) {
      throw new OnboardingStepError(
        error.code,
        'Diese fiskaly-Organisation hat bereits eine Signaturerstellungseinheit (SCU), die dieser Kassen-Companion nicht angelegt hat. Pro Organisation gibt es genau eine; bitte beim fiskaly-Support bzw. Kassenanbieter klären.',
        { retryable: false, requestId: error.requestId },
      );
    }
    throw error;
  }
  if (DEAD_STATES.includes(scu.state)) throw dead('Die Signaturerstellungseinheit', scu.state);
  if (scu.state === 'PENDING') {
    // The certificate is being issued; fiskaly's advice is to ask again every 2 s.
    rt.progress('Zertifikat wird ausgestellt');
    await waiting('Zertifikat der Signaturerstellungseinheit', () =>
      client.waitForScuState(scuId, ['CREATED', 'INITIALIZED', 'OUTAGE'], waitOptions(rt)),
    );
  }
};

export const registerCreateStep: StepHandler = async (rt) => {
  const { registerId, registerDescription } = rt.record();
  const register = await rt.signAt().putCashRegister(registerId, { description: registerDescription });
  if (DEAD_STATES.includes(register.state)) throw dead('Die Kasse', register.state);
  rt.update({ kassenId: register.serial_number });
};

export const scuInitializeStep: StepHandler = async (rt) => {
  const { scuId } = rt.record();
  const client = rt.signAt();
  let scu = await client.getScu(scuId);
  if (DEAD_STATES.includes(scu.state)) throw dead('Die Signaturerstellungseinheit', scu.state);
  if (scu.state === 'PENDING') {
    scu = await waiting('Zertifikat der Signaturerstellungseinheit', () =>
      client.waitForScuState(scuId, ['CREATED', 'INITIALIZED', 'OUTAGE'], waitOptions(rt)),
    );
  }
  if (scu.state === 'CREATED') {
    rt.progress('Signaturerstellungseinheit wird bei FinanzOnline registriert');
    await client.patchScu(scuId, 'INITIALIZED');
    await waiting('Signaturerstellungseinheit bei FinanzOnline', () =>
      client.waitForScuState(scuId, ['INITIALIZED', 'OUTAGE'], waitOptions(rt)),
    );
  }
};

export const registerRegisterStep: StepHandler = async (rt) => {
  const { registerId } = rt.record();
  const client = rt.signAt();
  const register = await client.getCashRegister(registerId);
  if (DEAD_STATES.includes(register.state)) throw dead('Die Kasse', register.state);
  if (register.state === 'CREATED') {
    rt.progress('Kasse wird bei FinanzOnline registriert');
    await client.patchCashRegister(registerId, 'REGISTERED');
    await waiting('Registrierung der Kasse bei FinanzOnline', () =>
      client.waitForCashRegisterState(registerId, ['REGISTERED', 'INITIALIZED', 'OUTAGE'], waitOptions(rt)),
    );
  }
};

export const registerInitializeStep: StepHandler = async (rt) => {
  const record = rt.record();
  const client = rt.signAt();
  let register = await client.getCashRegister(record.registerId);
  if (DEAD_STATES.includes(register.state)) throw dead('Die Kasse', register.state);
  if (register.state === 'CREATED') {
    throw new OnboardingStepError('E_UNEXPECTED_STATE', 'Die Kasse ist noch nicht registriert.', {
      retryable: true,
    });
  }
  if (register.state === 'REGISTERED') {
    // This PATCH makes SIGN AT sign the start receipt: from here on the register is fiscal.
    rt.progress('Startbeleg wird erstellt');
    await client.patchCashRegister(record.registerId, 'INITIALIZED');
    register = await waiting('Inbetriebnahme der Kasse', () =>
      client.waitForCashRegisterState(record.registerId, ['INITIALIZED', 'OUTAGE'], waitOptions(rt)),
    );
  }
  const startReceiptId = register.initialization_receipt_id ?? null;
  if (startReceiptId === null) {
    throw new OnboardingStepError(
      'E_START_RECEIPT_MISSING',
      'SIGN AT nennt noch keinen Startbeleg. In ein paar Minuten fortsetzen.',
      { retryable: true },
    );
  }
  const environment = record.environment ?? (record.target === 'demo' ? 'DEMO' : record.expectedEnvironment);
  rt.publisher.registerReady({
    target: record.target,
    environment,
    scuId: record.scuId,
    registerId: record.registerId,
    kassenId: register.serial_number,
    description: record.registerDescription,
  });
  rt.update({ kassenId: register.serial_number, startReceiptId });
};
