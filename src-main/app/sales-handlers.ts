// Sales: the status the till opens with, signing a sale, Storno, training, and the demo start. Every
// receipt goes through the active register's pipeline (one sale at a time per register).
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import type { AppParts } from './app-parts.ts';

type SalesHandlers = Pick<
  CoreHandlers,
  'status' | 'signSale' | 'cancelReceipt' | 'setTrainingMode' | 'startDemo'
>;

export function salesHandlers({
  runtime,
  settings,
  appStatus,
  events,
  openBons,
}: Pick<AppParts, 'runtime' | 'settings' | 'appStatus' | 'events' | 'openBons'>): SalesHandlers {
  return {
    status: async () => appStatus.status(),
    signSale: async (draft) => {
      try {
        return await (await runtime.requireSellingChecked()).pipeline.signSale(draft);
      } finally {
        // Journaled means paid, even when signing or printing failed afterwards: the till's Bon is done.
        openBons.dropPaid();
      }
    },
    cancelReceipt: async ({ id }) => (await runtime.requireSellingChecked()).pipeline.cancelReceipt(id),
    setTrainingMode: async ({ enabled }) => {
      settings.update({ training: enabled });
      runtime.setTraining(enabled);
      events.statusChanged();
      return appStatus.status();
    },
    startDemo: async () => {
      await runtime.startDemo();
      return appStatus.status();
    },
  };
}
