// The full handler table the Electron shell serves over IPC: the core's handlers plus those only a shell
// can answer (where the POS API listens, switching it on and off, its token). The POS API itself runs as a
// server of its own on 127.0.0.1 that follows the setting, started and stopped from the settings screen.
// Plain Node, so it is tested without Electron.
import type { PosApiHandlers, PosApiShellHandlers } from '../../src-shared/pos-api-contract.ts';
import type { PosApiInfo } from '../../src-shared/pos-api-info.ts';
import type { AppHost } from '../host/app-host.ts';
import type { Listening } from './listen.ts';
import { DEFAULT_POS_API_PORT, startPosApiServer } from './pos-api-server.ts';
import { createPosApiService, type PosApiTrouble } from './pos-api-service.ts';
import { createPosApiShellHandlers } from './pos-api-shell-handlers.ts';
import type { PosApiToken } from './pos-api-token.ts';

export const PORT_SETTING = 'posApi.port';
const LOOPBACK = '127.0.0.1';

interface SwitchablePosApi {
  /** The core's handlers plus the POS API's shell operations: the full contract for the shell to serve. */
  handlers: PosApiHandlers;
  /** Starts the server if the setting says so; a busy port is reported in the info, not thrown. */
  applySetting(): Promise<PosApiInfo>;
  close(): Promise<void>;
}

function configuredPort(host: AppHost): number {
  const port = host.settings.get(PORT_SETTING);
  return typeof port === 'number' && Number.isInteger(port) && port >= 0 && port < 65536
    ? port
    : DEFAULT_POS_API_PORT;
}

export function createSwitchablePosApi(options: {
  host: AppHost;
  /** Every handler but those this file adds: the core's, and those of the shell's other settings. */
  coreHandlers: Omit<PosApiHandlers, keyof PosApiShellHandlers>;
  givenToken: PosApiToken | null;
}): SwitchablePosApi {
  let listening: Listening | null = null;
  let trouble: PosApiTrouble = {};

  const info = () => service.info(listening?.origin ?? null, trouble);
  const shellHandlers = createPosApiShellHandlers({ service: () => service, info, apply: applySetting });
  const handlers: PosApiHandlers = { ...options.coreHandlers, ...shellHandlers };
  const service = createPosApiService({
    host: options.host,
    handlers,
    givenToken: options.givenToken,
    enabledByFlag: false,
    allowNonLoopback: false,
  });

  async function applySetting(): Promise<PosApiInfo> {
    if (service.enabled && !listening) {
      const port = configuredPort(options.host);
      try {
        listening = await startPosApiServer(service, LOOPBACK, port, false);
        trouble = {};
        options.host.log.info('POS-API gestartet', { origin: listening.origin });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // The till software is set up for this port: the API stays off it rather than move elsewhere.
        trouble =
          code === 'EADDRINUSE'
            ? { portInUse: port }
            : { problem: `POS-API konnte nicht starten: ${(error as Error).message}` };
        options.host.log.warn('POS-API nicht gestartet', { port, code });
      }
    } else if (!service.enabled && listening) {
      await listening.close();
      listening = null;
      trouble = {};
    }
    return info();
  }

  return {
    handlers,
    applySetting,
    async close() {
      await listening?.close();
      listening = null;
    },
  };
}
