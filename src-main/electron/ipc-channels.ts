// IPC channel names, shared by the preload and the ipcMain handlers (one list, as in Electron Fiddle).
// Derived from the contract, so no channel exists that is not an operation of the contract.
import type { OperationName } from '../../src-shared/pos-api-contract.ts';

export const EVENT_CHANNEL = 'pos:event';

export function operationChannel(name: OperationName): string {
  return `pos:op:${name}`;
}
