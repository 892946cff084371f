// Main's view of the world (environment, setup, SIGN AT, printer, queue, training). The renderer
// never decides these itself: it shows what main last said, from the status call and its events.
import { createStore } from 'zustand/vanilla';
import type { PosApi } from '../../src-shared/pos-api-contract.ts';
import type { PosApiInfo } from '../../src-shared/pos-api-info.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Status } from '../../src-shared/status.ts';
import type { EventChannelState } from '../api/transport.ts';

interface StatusState {
  status: Status | null;
  /** Why main could not be asked, shown instead of a screen that would pretend to work. */
  loadError: string | null;
  /** Not 'open' while the event channel to main is down: what the screen shows may be out of date. */
  channel: EventChannelState;
  setChannel(channel: EventChannelState): void;
  refresh(): Promise<void>;
  apply(status: Status): void;
  /** F4: training on or off; main keeps the flag, so every window and the POS API agree. */
  setTraining(enabled: boolean): Promise<void>;
  /** The local POS API as main last described it: the status bar shows a port conflict. */
  posApi: PosApiInfo | null;
  refreshPosApi(): Promise<void>;
  applyPosApi(info: PosApiInfo): void;
}

export function createStatusStore(api: PosApi) {
  return createStore<StatusState>()((set) => ({
    status: null,
    loadError: null,
    channel: 'open',
    setChannel(channel) {
      set({ channel });
    },
    async refresh() {
      try {
        set({ status: await api.status(undefined), loadError: null });
      } catch (error) {
        set({ loadError: error instanceof PosError ? error.message : String(error) });
      }
    },
    apply(status) {
      set({ status, loadError: null });
    },
    async setTraining(enabled) {
      set({ status: await api.setTrainingMode({ enabled }), loadError: null });
    },
    posApi: null,
    async refreshPosApi() {
      try {
        set({ posApi: await api.getPosApiInfo(undefined) });
      } catch {
        // The status bar then simply shows no POS API state; the settings screen shows the error.
      }
    },
    applyPosApi(info) {
      set({ posApi: info });
    },
  }));
}
export type StatusStore = ReturnType<typeof createStatusStore>;
