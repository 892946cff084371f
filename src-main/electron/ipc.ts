// ipcMain handlers generated from the contract table: one per operation, each checking the sender and
// handing the raw input to dispatchOperation, which validates it against the contract before the core
// sees it. Events from the core go to our windows on one channel.
import { ipcMain, type WebContents } from 'electron';
import { OPERATION_NAMES, type PosApiHandlers, type PosEvent } from '../../src-shared/pos-api-contract.ts';
import { dispatchOperation } from '../../src-shared/pos-api-dispatch.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import type { Logger } from '../host/app-host.ts';
import { EVENT_CHANNEL, operationChannel } from './ipc-channels.ts';
import { isTrustedSender } from './sender-check.ts';

const FOREIGN_SENDER: Outcome<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'Anfrage von fremdem Absender verworfen' },
};

/** Registers every operation; returns the function that removes them again. */
export function registerIpcHandlers(
  handlers: PosApiHandlers,
  ourWindows: () => readonly WebContents[],
  log: Logger,
): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(operationChannel(name), async (event, input: unknown) => {
      if (!isTrustedSender(event, ourWindows())) {
        log.warn('IPC von fremdem Absender verworfen', { operation: name, url: event.senderFrame?.url });
        return FOREIGN_SENDER;
      }
      return dispatchOperation(handlers, name, input, (error) =>
        log.error('IPC: interner Fehler', { operation: name, error }),
      );
    });
  }
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(operationChannel(name));
  };
}

export function sendEvent(windows: readonly WebContents[], event: PosEvent): void {
  for (const contents of windows) if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
}
