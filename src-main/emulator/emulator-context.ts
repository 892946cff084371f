import type { EmulatorClock } from './emulator-clock.ts';
import type { EmulatorStore } from './emulator-store.ts';
import type { FaultState } from './fault-settings.ts';

type EmulatorConfig = {
  /** When both are set, only this pair is accepted; otherwise any non-empty pair is its own organization. */
  readonly apiKey: string | undefined;
  readonly apiSecret: string | undefined;
  readonly scuPendingMs: number;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
};

/** Everything a route handler needs; one per running emulator. */
export type EmulatorContext = FaultState & {
  readonly store: EmulatorStore;
  readonly clock: EmulatorClock;
  readonly config: EmulatorConfig;
};
