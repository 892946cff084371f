// "Zugang erneuern": the secrets this installation cannot open, entered again. The API access is proven
// with fiskaly before anything is stored, then sealed with this installation's key; the register signs
// again (first what waited in the journal), and an unfinished setup goes on. Journal and register are
// never touched by any of it.
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { accessRenewalOf } from './access-renewal.ts';
import type { AppParts } from './app-parts.ts';

type AccessHandlers = Pick<CoreHandlers, 'renewAccess'>;

export function accessHandlers(
  parts: Pick<AppParts, 'host' | 'settings' | 'onboarding' | 'runtime' | 'appStatus' | 'events'>,
): AccessHandlers {
  const { host, settings, onboarding, runtime } = parts;
  return {
    async renewAccess(input) {
      const needed = accessRenewalOf(parts);
      if (needed === null) {
        throw new PosError('conflict', 'Alle gespeicherten Zugänge sind lesbar: es gibt nichts zu erneuern.');
      }
      const apiAccess = needed.needs.includes('api_access');
      const fonPin = needed.needs.includes('fon_pin');
      if (apiAccess && !input.access) {
        throw new PosError('invalid_input', 'API-Key und API-Secret eingeben', 'access');
      }
      if (fonPin && !input.fonPin) throw new PosError('invalid_input', 'FinanzOnline-PIN eingeben', 'fonPin');
      if (apiAccess && input.access) {
        const current = settings.read();
        const record = onboarding.record();
        await onboarding.proveAccess(input.access, {
          baseUrl: current.credentials?.baseUrl ?? null,
          expectedEnvironment:
            current.credentials?.env ??
            record?.expectedEnvironment ??
            (current.register?.environment === 'TEST' ? 'TEST' : 'LIVE'),
          registerId: current.register?.registerId ?? null,
        });
        if (current.credentials) {
          settings.update({
            credentials: {
              ...current.credentials,
              apiKey: input.access.apiKey,
              apiSecretSealed: host.secrets.encrypt(input.access.apiSecret),
            },
          });
        }
        onboarding.renewSecrets({
          signAtApiKey: input.access.apiKey,
          signAtApiSecret: input.access.apiSecret,
        });
      }
      if (fonPin && input.fonPin) onboarding.renewSecrets({ fonPin: input.fonPin });
      host.log.info('Zugang erneuert', { needs: needed.needs });
      runtime.startFiskaly(settings.read());
      const view = onboarding.view();
      if (view.target === 'fiskaly' && (view.phase === 'failed' || view.phase === 'interrupted')) {
        onboarding.resume();
      }
      parts.events.statusChanged();
      return parts.appStatus.status();
    },
  };
}
