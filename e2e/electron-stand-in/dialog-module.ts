// dialog (electronjs.org/docs/latest/api/dialog): the message boxes a start-up failure shows. The
// harness has no one at the screen; it records each box for the spec to read and answers as a cashier
// pressing Enter would: with the default button (`defaultId`, else the first). A box shown right
// before app.exit() is read by the spec after the process has gone: each is also appended, at once, to
// the file ELECTRON_STAND_IN_DIALOG_LOG names (one JSON line per box).
import { appendFileSync } from 'node:fs';
import { isReady } from './lifecycle.ts';
import { recorded, type ShownDialog } from './observations.ts';
import { strict } from './strict-surface.ts';

interface MessageBoxOptions {
  message: string;
  type?: string;
  buttons?: string[];
  defaultId?: number;
  title?: string;
  detail?: string;
  checkboxChecked?: boolean;
}

/** `[window, ]options`: the window only makes the box modal. */
function optionsOf(first: unknown, second: unknown): MessageBoxOptions {
  return (second ?? first) as MessageBoxOptions;
}

function remember(dialog: ShownDialog): void {
  recorded.dialogs.push(dialog);
  const log = process.env.ELECTRON_STAND_IN_DIALOG_LOG;
  if (log) appendFileSync(log, `${JSON.stringify(dialog)}\n`);
}

function record(options: MessageBoxOptions): number {
  remember({
    kind: 'message-box',
    title: options.title ?? '',
    message: options.message,
    ...(options.detail === undefined ? {} : { detail: options.detail }),
    ...(options.buttons === undefined ? {} : { buttons: options.buttons }),
    ...(options.type === undefined ? {} : { type: options.type }),
  });
  return options.defaultId ?? 0;
}

export const dialog = strict('dialog', {
  /**
   * "Can be called safely before the ready event … If called before the app ready event on Linux, the
   * message will be emitted to stderr, and no GUI dialog will appear."
   */
  showErrorBox(title: string, content: string): void {
    if (!isReady()) {
      process.stderr.write(`${title}\n${content}\n`);
      return;
    }
    remember({ kind: 'error-box', title, message: content });
  },
  /** Returns the index of the clicked button. */
  showMessageBoxSync(first: unknown, second?: unknown): number {
    return record(optionsOf(first, second));
  },
  async showMessageBox(
    first: unknown,
    second?: unknown,
  ): Promise<{ response: number; checkboxChecked: boolean }> {
    const options = optionsOf(first, second);
    return { response: record(options), checkboxChecked: options.checkboxChecked ?? false };
  },
});
