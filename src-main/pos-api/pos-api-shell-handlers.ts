// The contract's POS API operations, which only a shell can answer (where the API listens, switching it,
// its token). Both shells serve them from here; what differs is what switching does (the Electron shell
// starts or stops a server of its own, the headless one only lets its server answer), passed as `apply`.
import type { PosApiShellHandlers } from '../../src-shared/pos-api-contract.ts';
import type { PosApiInfo } from '../../src-shared/pos-api-info.ts';
import type { PosApiService } from './pos-api-service.ts';

export function createPosApiShellHandlers(options: {
  /** A getter: the service takes the full handler table, these included, so it is made after them. */
  service: () => PosApiService;
  /** What the settings screen shows, as things are. */
  info: () => PosApiInfo;
  /** After a switch: brings the shell in line with `service().enabled`, then answers `info()`. */
  apply: () => Promise<PosApiInfo>;
}): PosApiShellHandlers {
  const { service, info, apply } = options;
  return {
    getPosApiInfo: async () => info(),
    setPosApiEnabled: async ({ enabled }) => {
      service().setEnabled(enabled);
      return apply();
    },
    regeneratePosApiToken: async () => {
      service().regenerateToken();
      return info();
    },
  };
}
