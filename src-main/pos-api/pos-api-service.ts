// The POS API as one object both shells use: whether it is on, which token it takes, and the request
// handler to mount. The headless shell mounts the handler on its own server; the Electron shell runs it
// on a server of its own (pos-api-server.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PosApiHandlers } from '../../src-shared/pos-api-contract.ts';
import type { PosApiInfo } from '../../src-shared/pos-api-info.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { AppHost } from '../host/app-host.ts';
import { sendJson } from './http-answer.ts';
import { createPosApiHandler, type PosApiLimits } from './pos-api-handler.ts';
import { OPENAPI_PATH, POS_API_BASE } from './pos-api-schemas.ts';
import { newStoredToken, storedToken, type PosApiToken } from './pos-api-token.ts';

export const ENABLED_SETTING = 'posApi.enabled';

interface PosApiServiceOptions {
  host: AppHost;
  handlers: PosApiHandlers;
  /** Token from --pos-api-token / POS_API_TOKEN; null: the stored (or newly generated) one. */
  givenToken: PosApiToken | null;
  /** True with --pos-api: on for this run whatever the settings say. */
  enabledByFlag: boolean;
  allowNonLoopback: boolean;
  limits?: Partial<PosApiLimits>;
}

export interface PosApiService {
  readonly enabled: boolean;
  /** Answers a request below /api/v1 (404 while the API is off). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  setEnabled(enabled: boolean): void;
  /** The current token; generated and stored on first call unless one was given. */
  token(): PosApiToken;
  /**
   * Replaces the stored token with a new random one; the old one is refused from the next request on.
   * A token given at start (flag, environment) is not the app's to replace: that is refused.
   */
  regenerateToken(): PosApiToken;
  /** `origin`: where the server listens (`http://127.0.0.1:8420`), null if it does not. */
  info(origin: string | null, trouble?: PosApiTrouble): PosApiInfo;
}

/** What kept the POS API from its port: the port taken by another program, or another failure. */
export interface PosApiTrouble {
  portInUse?: number | null;
  problem?: string | null;
}

/** The merchant's next step for a taken port; `url` is where the API listens instead, if anywhere. */
function portInUseProblem(port: number, url: string | null): string {
  return url
    ? `Port ${port} ist schon belegt: die POS-API ist deshalb unter ${url} erreichbar. Die Kassensoftware ` +
        `auf diese Adresse umstellen, oder das Programm auf Port ${port} beenden und neu starten.`
    : `Port ${port} ist schon belegt (läuft die App oder der Dienst ein zweites Mal, oder ein anderes ` +
        'Programm?). Das andere Programm beenden, dann die POS-API aus- und wieder einschalten.';
}

export function isPosApiPath(pathname: string): boolean {
  return pathname === POS_API_BASE || pathname.startsWith(`${POS_API_BASE}/`);
}

export function createPosApiService(options: PosApiServiceOptions): PosApiService {
  let enabled = options.enabledByFlag || options.host.settings.get(ENABLED_SETTING) === true;
  let token: PosApiToken | null = options.givenToken;
  const currentToken = () => (token ??= storedToken(options.host));
  if (enabled) currentToken();

  const handler = createPosApiHandler({
    handlers: options.handlers,
    token: () => currentToken().value,
    allowNonLoopback: options.allowNonLoopback,
    log: options.host.log,
    ...(options.limits ? { limits: options.limits } : {}),
  });

  return {
    get enabled() {
      return enabled;
    },
    async handle(req, res) {
      if (!enabled) {
        const off = new PosError('not_found', 'POS-API ist ausgeschaltet (Einstellungen → POS-API)');
        sendJson(res, 404, { error: off.toBody() });
        return;
      }
      await handler(req, res);
    },
    setEnabled(next) {
      enabled = next;
      options.host.settings.set(ENABLED_SETTING, next);
      if (next) currentToken();
    },
    token: currentToken,
    regenerateToken() {
      if (token !== null && token.source !== 'generated') {
        const where = token.source === 'flag' ? '--pos-api-token' : 'POS_API_TOKEN';
        throw new PosError(
          'conflict',
          `Das POS-API-Token ist beim Start vorgegeben (${where}): es wird dort geändert, nicht hier.`,
        );
      }
      token = newStoredToken(options.host);
      options.host.log.info('POS-API-Token neu erzeugt: das bisherige gilt nicht mehr');
      return token;
    },
    info(origin, trouble = {}) {
      const live = enabled && origin !== null;
      const url = live ? `${origin}${POS_API_BASE}` : null;
      const portInUse = enabled ? (trouble.portInUse ?? null) : null;
      return {
        enabled,
        url,
        openapiUrl: live ? `${origin}${OPENAPI_PATH}` : null,
        token: enabled ? currentToken().value : null,
        tokenSource: enabled ? currentToken().source : null,
        problem: trouble.problem ?? (portInUse === null ? null : portInUseProblem(portInUse, url)),
        portInUse,
      };
    },
  };
}
