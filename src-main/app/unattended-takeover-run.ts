// Runs the takeover from a setup file (`"cash_register": {"id": …}`) in either shell and says what
// happens: a line as each step ends, then what came back from where. The shell decides what a failure
// means for its process, as for a new register.
import {
  TAKEOVER_STEPS,
  type StartTakeoverParsed,
  type TakeoverResult,
  type TakeoverStep,
  type TakeoverView,
} from '../../src-shared/takeover.ts';
import { takeoverStepDoneText } from '../takeover/takeover-step-text.ts';
import { deleteFileLine, type SetupOutput } from './setup-file-output.ts';
import type { UnattendedTakeoverOutcome } from './unattended-takeover.ts';

export interface UnattendedTakeOver {
  takeOverUnattended(
    input: StartTakeoverParsed,
    onView: (view: TakeoverView) => void,
  ): Promise<UnattendedTakeoverOutcome>;
}

function stepLine(step: TakeoverStep, input: StartTakeoverParsed): string {
  return `Übernahme ${TAKEOVER_STEPS.indexOf(step) + 1}/${TAKEOVER_STEPS.length}: ${takeoverStepDoneText(step, input.backupDir !== null)}`;
}

function resultLines(result: TakeoverResult): string[] {
  const last =
    result.lastReceiptNumber === null ? 'noch kein Beleg' : `letzter Beleg Nr. ${result.lastReceiptNumber}`;
  const fromSignAt = `${result.onlyFromSignAt} Belege nur von SIGN AT`;
  const origin = result.backup
    ? `aus der Sicherung ${result.backup.name}: ${result.fromBackup} Belege, dazu ${fromSignAt}, ${result.articles?.added ?? 0} Artikel`
    : `ohne Sicherung: ${fromSignAt} (SIGN AT führt die letzten 3 Monate)`;
  return [
    `Kasse übernommen: Kassen-ID ${result.kassenId}, ${result.environment}, ${last}. Kein neuer Startbeleg.`,
    `Journal ${origin}; ${result.stillWaiting} Belege werden jetzt hier signiert.`,
    result.depFiles === null
      ? 'DEP-Archiv: keines in der Sicherung; der nächste Export holt es von SIGN AT.'
      : `DEP-Archiv: ${result.depFiles} Dateien übernommen und geprüft; der nächste Export setzt dort fort.`,
  ];
}

/** Returns true when this PC signs on the register (taken over now or before). */
export async function runTakeoverFile(
  app: UnattendedTakeOver,
  input: StartTakeoverParsed,
  file: string,
  out: SetupOutput,
): Promise<boolean> {
  // The view names the step that runs; a step has ended when the next one begins, the last at the end.
  let running: TakeoverStep | null = null;
  const outcome = await app.takeOverUnattended(input, (view) => {
    if (running !== null && view.step !== running && view.phase !== 'failed')
      out.say(stepLine(running, input));
    running = view.phase === 'running' ? view.step : null;
  });
  switch (outcome.result) {
    case 'done':
      if (outcome.ranSteps && outcome.view.result) {
        for (const line of resultLines(outcome.view.result)) out.say(line);
      } else {
        out.say(
          `Diese Kasse ist auf diesem PC bereits übernommen (Kassen-ID ${outcome.kassenId}): nichts geändert.`,
        );
      }
      out.say(deleteFileLine(file));
      return true;
    case 'failed': {
      const step = outcome.view.step;
      const where =
        step === null ? '' : ` bei Schritt ${TAKEOVER_STEPS.indexOf(step) + 1}/${TAKEOVER_STEPS.length}`;
      out.warn(`Übernahme fehlgeschlagen${where}: ${outcome.message}`);
      out.warn('Nach dem Beheben denselben Befehl wieder ausführen: nichts wird doppelt übernommen.');
      return false;
    }
    case 'refused':
      out.warn(`Übernahme abgelehnt, nichts geändert: ${outcome.message}`);
      return false;
  }
}
