// The Startbeleg (INITIALIZATION), which SIGN AT signed when the register was initialized: into the
// journal, onto paper, and checked with FinanzOnline at once, as RKSV requires; the result is kept.
import { toOutcome } from '../signing/register-signer.ts';
import { OnboardingStepError } from './onboarding-failure.ts';
import type { StepHandler } from './onboarding-runtime.ts';
import { printSystemReceipt } from './system-receipt-printer.ts';

function startReceiptId(id: string | null): string {
  if (id === null) {
    throw new OnboardingStepError('E_START_RECEIPT_MISSING', 'Der Startbeleg ist noch nicht bekannt.', {
      retryable: true,
    });
  }
  return id;
}

export const startReceiptStep: StepHandler = async (rt) => {
  const record = rt.record();
  const id = startReceiptId(record.startReceiptId);
  const receipt = await rt.signAt().getReceipt(record.registerId, id);
  if (!receipt.signed) {
    // RKSV: the start receipt must carry a valid signature; SIGN AT never makes one without.
    throw new OnboardingStepError(
      'E_START_RECEIPT_UNSIGNED',
      'Der Startbeleg trägt keine gültige Signatur. Bitte den fiskaly-Support kontaktieren.',
      { retryable: false },
    );
  }
  rt.journal.importSignAtReceipt({
    id,
    registerId: record.registerId,
    environment: record.environment ?? 'TEST',
    kind: 'INITIALIZATION',
    outcome: toOutcome(receipt),
  });
  rt.update({ startReceiptNumber: receipt.receipt_number });
  const outcome = await printSystemReceipt(rt.journal, rt.printReceipt, id, () => rt.now(), rt.log);
  rt.update({ startReceiptPrint: outcome === 'failed' ? 'failed' : 'printed' });
};

export const startReceiptValidationStep: StepHandler = async (rt) => {
  const record = rt.record();
  const id = startReceiptId(record.startReceiptId);
  const answer = await rt.signAt().validateReceipt(record.registerId, id);
  const validatedAtMs =
    answer.time_validation === null || answer.time_validation === undefined
      ? rt.now()
      : answer.time_validation * 1000;
  rt.update({ startReceiptValidation: { result: answer.validation_result, validatedAtMs } });
  if (answer.validation_result !== 'SUCCESS') {
    throw new OnboardingStepError(
      'E_FON_VALIDATION_FAILED',
      `FinanzOnline hat den Startbeleg nicht bestätigt (${answer.validation_result}). Die Kasse signiert bereits; die Prüfung später wiederholen. Bleibt das Ergebnis, den fiskaly-Support kontaktieren.`,
      { retryable: true },
    );
  }
};
