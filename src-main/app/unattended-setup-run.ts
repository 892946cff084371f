// Runs the setup from a file in either shell and says what happens, one line per step; the shell decides
// what a failure means for its process (the service exits, the desktop app keeps its wizard open). A file
// that names an existing register (`"cash_register": {"id": …}`) takes it over instead.
import type { StartOnboardingParsed } from '../../src-shared/onboarding-input.ts';
import type { UnattendedSetup } from '../../src-shared/onboarding-file.ts';
import type { OnboardingStep, OnboardingView } from '../../src-shared/onboarding-view.ts';
import type { UnattendedOutcome } from './unattended-onboarding.ts';
import { onboardingStepDoneText, onboardingStepText } from '../onboarding/onboarding-status-text.ts';
import { deleteFileLine, type SetupOutput } from './setup-file-output.ts';
import { runTakeoverFile, type UnattendedTakeOver } from './unattended-takeover-run.ts';

interface UnattendedOnboarder extends UnattendedTakeOver {
  onboardUnattended(
    input: StartOnboardingParsed,
    onView: (view: OnboardingView) => void,
  ): Promise<UnattendedOutcome>;
}

function stepLabel(step: OnboardingStep, view: OnboardingView): string {
  const index = view.steps.indexOf(step);
  const text = onboardingStepText(step);
  return index < 0 ? `„${text}“` : `${index + 1}/${view.steps.length} („${text}“)`;
}

function doneLines(view: OnboardingView, ranSteps: boolean): string[] {
  const register = `Kassen-ID ${view.kassenId ?? '–'}, ${view.environment ?? '–'}`;
  if (!ranSteps)
    return [`Die Kasse ist mit diesen Daten bereits eingerichtet (${register}): nichts angelegt.`];
  const start = view.startReceipt;
  const printed =
    start?.printed === true ? 'gedruckt' : 'nicht gedruckt (im Journal als Original nachdrucken)';
  return [
    `Einrichtung abgeschlossen: ${register}.`,
    ...(start
      ? [
          `Startbeleg Nr. ${start.receiptNumber ?? '–'}: ${printed}; FinanzOnline-Prüfung: ${start.validation?.result ?? '–'}.`,
        ]
      : []),
  ];
}

/** Returns true when the register is set up (now or before) with the file's data. */
export async function runSetupFile(
  app: UnattendedOnboarder,
  setup: UnattendedSetup,
  file: string,
  out: SetupOutput,
): Promise<boolean> {
  if (setup.kind === 'takeover') return runTakeoverFile(app, setup.takeover, file, out);
  // A line for each step this run finishes (a step done before, by an earlier run, is not told again).
  let before: readonly OnboardingStep[] | null = null;
  const outcome = await app.onboardUnattended(setup.start, (view) => {
    for (const step of view.doneSteps) {
      if (before !== null && !before.includes(step)) {
        out.say(
          `Einrichtung ${view.steps.indexOf(step) + 1}/${view.steps.length}: ${onboardingStepDoneText(step)}`,
        );
      }
    }
    before = view.doneSteps;
  });
  switch (outcome.result) {
    case 'done':
      for (const line of doneLines(outcome.view, outcome.ranSteps)) out.say(line);
      out.say(deleteFileLine(file));
      return true;
    case 'failed': {
      const support = [
        outcome.code ? `Code ${outcome.code}` : null,
        outcome.requestId ? `Request-Id ${outcome.requestId}` : null,
      ].filter((part) => part !== null);
      out.warn(
        `Einrichtung fehlgeschlagen bei Schritt ${stepLabel(outcome.step, outcome.view)}: ${outcome.message}${support.length > 0 ? ` [${support.join(', ')}]` : ''}`,
      );
      out.warn(
        'Nach dem Beheben denselben Befehl wieder ausführen: die Einrichtung geht dort weiter, nichts wird doppelt angelegt.',
      );
      return false;
    }
    case 'refused':
      out.warn(`Einrichtung abgelehnt, nichts geändert: ${outcome.message}`);
      return false;
    case 'interrupted':
      out.warn('Einrichtung unterbrochen: mit derselben Datei wieder starten, sie geht dort weiter.');
      return false;
  }
}
