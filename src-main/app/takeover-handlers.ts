// Takeover: a new PC signs on an existing register ("Kasse übernehmen"), and the PC it was taken from
// gives it up or keeps it. No operation returns a secret.
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { AppParts } from './app-parts.ts';

type TakeoverHandlers = Pick<
  CoreHandlers,
  'listTakeoverRegisters' | 'startTakeover' | 'getTakeover' | 'releaseRegister' | 'keepRegisterHere'
>;

export function takeoverHandlers({
  takeover,
  onboarding,
  runtime,
  appStatus,
}: Pick<AppParts, 'takeover' | 'onboarding' | 'runtime' | 'appStatus'>): TakeoverHandlers {
  /** Only a PC without a register of its own, and without a setup begun, takes one over. */
  function requireFreePc(): void {
    if (runtime.active) {
      throw new PosError(
        'conflict',
        'Auf diesem PC ist bereits eine Kasse eingerichtet: übernommen werden kann nur auf einem PC ohne Kasse.',
      );
    }
    if (onboarding.running || onboarding.record() !== null) {
      throw new PosError(
        'conflict',
        'Hier ist eine Neueinrichtung begonnen: erst im Einrichtungs-Assistenten verwerfen, dann die Kasse übernehmen.',
      );
    }
  }

  return {
    listTakeoverRegisters: async (access) => {
      requireFreePc();
      return takeover.listRegisters(access);
    },
    startTakeover: async (input) => {
      requireFreePc();
      return takeover.start(input);
    },
    getTakeover: async () => takeover.view(),
    releaseRegister: async () => {
      await runtime.releaseTakenOver();
      return appStatus.status();
    },
    keepRegisterHere: async () => {
      await runtime.keepTakenOverHere();
      return appStatus.status();
    },
  };
}
