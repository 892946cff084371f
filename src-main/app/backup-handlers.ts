// Backups: what only this PC has, checked, in generations, in the merchant's folder.
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import type { AppParts } from './app-parts.ts';

type BackupHandlers = Pick<CoreHandlers, 'backupStatus' | 'backupNow'>;

export function backupHandlers({ backups }: Pick<AppParts, 'backups'>): BackupHandlers {
  return {
    backupStatus: async () => backups.status(),
    backupNow: async (input) =>
      backups.runNow(input?.targetDir === undefined ? {} : { targetDir: input.targetDir }),
  };
}
