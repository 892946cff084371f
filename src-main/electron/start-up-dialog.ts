// What the desktop app says at start in a native dialog, in the language the merchant chose: a start
// that failed (cause and next step, then the app quits; never a silent exit: on Windows nobody sees
// stderr), or a till that started but waits for "Zugang erneuern".
import { dialog, type BrowserWindow } from 'electron';
import type { UiLanguage } from '../../src-shared/ui-language.ts';
import type { StartUpMessage } from '../shell/start-up-messages.ts';

interface Shown {
  language: UiLanguage;
  message: StartUpMessage;
}

export function showStartUpFailure({ language, message }: Shown): void {
  // https://www.electronjs.org/docs/latest/api/dialog#dialogshowmessageboxsyncwindow-options
  dialog.showMessageBoxSync({
    type: 'error',
    title: message.title,
    message: message.title,
    detail: `${message.cause}\n\n${message.next}`,
    buttons: [language === 'de' ? 'Beenden' : 'Quit'],
    noLink: true,
  });
}

/** Over the window, without blocking it: the setup screen behind it is where the merchant acts. */
export function showAccessRenewal({ message }: Shown, window: BrowserWindow): void {
  // https://www.electronjs.org/docs/latest/api/dialog#dialogshowmessageboxwindow-options
  void dialog.showMessageBox(window, {
    type: 'warning',
    title: message.title,
    message: message.title,
    detail: `${message.cause}\n\n${message.next}`,
    buttons: ['OK'],
    noLink: true,
  });
}
