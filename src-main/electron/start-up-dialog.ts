// A start that failed ends in a native dialog that names the cause and the next step, in the language
// the merchant chose, never in a silent exit: on Windows nobody sees stderr.
import { dialog } from 'electron';
import type { StartUpReport } from '../shell/start-up-report.ts';

export function showStartUpFailure(report: StartUpReport): void {
  const { title, cause, next } = report.message;
  // https://www.electronjs.org/docs/latest/api/dialog#dialogshowmessageboxsyncwindow-options
  dialog.showMessageBoxSync({
    type: 'error',
    title,
    message: title,
    detail: `${cause}\n\n${next}`,
    buttons: [report.language === 'de' ? 'Beenden' : 'Quit'],
    noLink: true,
  });
}
