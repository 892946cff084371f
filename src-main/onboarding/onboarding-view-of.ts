// The onboarding record as the contract shows it: no secrets, times as ISO strings, and the phase
// derived from the record plus whether a run is going on right now.
import {
  NOT_STARTED_ONBOARDING,
  type OnboardingStep,
  type OnboardingView,
} from '../../src-shared/onboarding-view.ts';
import { nextStep, plannedSteps, registerInitialized, type OnboardingRecord } from './onboarding-record.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function onboardingViewOf(
  record: OnboardingRecord | null,
  runningStep: OnboardingStep | null,
  detail: string | null = null,
): OnboardingView {
  if (record === null) return NOT_STARTED_ONBOARDING;
  const pending = nextStep(record);
  const running = runningStep !== null;
  const phase = running
    ? 'running'
    : pending === null
      ? 'done'
      : record.error !== null
        ? 'failed'
        : 'interrupted';
  return {
    phase,
    target: record.target,
    environment: record.environment,
    steps: plannedSteps(record),
    doneSteps: plannedSteps(record).filter((step) => record.doneSteps.includes(step)),
    currentStep: runningStep ?? (phase === 'failed' ? (record.error?.step ?? pending) : pending),
    detail: running ? detail : null,
    error: running ? null : record.error,
    company: record.company,
    registerDescription: record.registerDescription,
    fon: record.fon,
    managed: record.managed !== null,
    organizationId: record.managed?.organizationId ?? record.organizationId,
    scuId: record.scuId,
    registerId: record.registerId,
    kassenId: record.kassenId,
    startReceipt:
      record.startReceiptId === null
        ? null
        : {
            id: record.startReceiptId,
            receiptNumber: record.startReceiptNumber,
            printed:
              record.startReceiptPrint === 'not_tried' || record.startReceiptPrint === 'attempted'
                ? null
                : record.startReceiptPrint === 'printed',
            validation:
              record.startReceiptValidation === null
                ? null
                : {
                    result: record.startReceiptValidation.result,
                    validatedAt: iso(record.startReceiptValidation.validatedAtMs),
                  },
          },
    canReset: !running && !registerInitialized(record),
    updatedAt: iso(record.updatedAtMs),
  };
}
