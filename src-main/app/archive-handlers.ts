// The archive and the register's end: the DEP7 export kept for 7 years, closing receipts,
// decommissioning, and putting a closed (or demo) register aside for a new one.
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import { decommissionRegister } from '../archive/register-decommission.ts';
import type { AppParts } from './app-parts.ts';

type ArchiveHandlers = Pick<
  CoreHandlers,
  | 'archiveNow'
  | 'archiveStatus'
  | 'copyArchive'
  | 'verifyDepFile'
  | 'listClosings'
  | 'validateClosing'
  | 'decommissionRegister'
  | 'setUpNewRegister'
>;

export function archiveHandlers({
  archiver,
  closings,
  depFiles,
  runtime,
  journal,
  printReceipt,
  host,
  appStatus,
}: Pick<
  AppParts,
  'archiver' | 'closings' | 'depFiles' | 'runtime' | 'journal' | 'printReceipt' | 'host' | 'appStatus'
>): ArchiveHandlers {
  return {
    archiveNow: async (input) => archiver.archiveNow({ fullCheck: input?.fullCheck ?? false }),
    archiveStatus: async () => archiver.status(),
    copyArchive: async ({ targetDir }) => archiver.copyTo(targetDir),
    verifyDepFile: (input) => depFiles.verify(input),
    listClosings: async () => closings.list(),
    validateClosing: async ({ id }) => closings.validate(id),
    decommissionRegister: async () =>
      runtime.decommission(() =>
        decommissionRegister({
          archiver,
          target: () => runtime.archiveTarget(),
          journal,
          printReceipt,
          log: host.log,
        }),
      ),
    setUpNewRegister: async () => {
      await runtime.setUpNewRegister();
      return appStatus.status();
    },
  };
}
