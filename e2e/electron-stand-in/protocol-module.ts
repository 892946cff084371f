// protocol (electronjs.org/docs/latest/api/protocol): custom schemes for the default session.
// registerSchemesAsPrivileged "can only be used before the ready event … and can be called only once";
// handle goes to session.defaultSession, which exists only after it (lib/browser/api/protocol.ts). A
// handler gets a Fetch API Request and answers with a Response.
import { isReady } from './lifecycle.ts';
import { addStandardScheme } from './scheme-address.ts';
import { notImplemented, strict } from './strict-surface.ts';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

interface CustomScheme {
  scheme: string;
  privileges?: {
    standard?: boolean;
    secure?: boolean;
    supportFetchAPI?: boolean;
    [privilege: string]: unknown;
  };
}

/** The privileges the stand-in gives a scheme by carrying it as https (scheme-address.ts). */
const CARRIED_PRIVILEGES = new Set(['standard', 'secure', 'supportFetchAPI']);

const handlers = new Map<string, ProtocolHandler>();
let privilegedRegistered = false;

export function protocolHandler(scheme: string): ProtocolHandler | null {
  return handlers.get(scheme) ?? null;
}

export const protocol = strict('protocol', {
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (isReady())
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (privilegedRegistered) throw notImplemented('a second protocol.registerSchemesAsPrivileged call');
    privilegedRegistered = true;
    for (const { scheme, privileges = {} } of customSchemes) {
      for (const [privilege, on] of Object.entries(privileges)) {
        if (on === true && !CARRIED_PRIVILEGES.has(privilege))
          throw notImplemented(`scheme privilege ${privilege}`);
      }
      // A non-standard scheme has no host to carry it under (see scheme-address.ts).
      if (privileges.standard !== true) throw notImplemented(`a non-standard custom scheme (${scheme})`);
      addStandardScheme(scheme);
    }
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!isReady()) throw new TypeError('Session can only be received when app is ready');
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
  },
});
