// The onboarding's results written where the core reads them (settings key `core`, owned by
// src-main/settings): the proven access with its secret sealed, the company for the receipt header, and
// the ready register. Writing the same values twice is harmless, which a repeated step relies on.
import type { SecretBox } from '../host/app-host.ts';
import type { CoreSettingsStore } from '../settings/core-settings-store.ts';
import type { OnboardingPublisher, ReadyRegister } from './onboarding-publisher.ts';

export function createCoreSettingsPublisher(
  core: CoreSettingsStore,
  box: SecretBox,
  onRegisterReady: (register: ReadyRegister) => void = () => {},
): OnboardingPublisher {
  return {
    accessProven(access) {
      const sealed = {
        apiKey: access.apiKey,
        apiSecretSealed: box.encrypt(access.apiSecret),
        env: access.signAtEnvironment,
      };
      const company = {
        name: access.company.name,
        // Street on the first line, zip and town on the second: as the receipt header prints it.
        address: `${access.company.address}\n${access.company.zip} ${access.company.town}`,
        vatId: access.company.vatId,
      };
      // The demo keeps the sample company the core chose; a real merchant's data always wins.
      if (access.target === 'demo')
        core.update({ demoCredentials: sealed, company: core.read().company ?? company });
      else core.update({ credentials: { ...sealed, baseUrl: access.baseUrl }, company });
    },
    registerReady(register) {
      core.update({
        mode: register.target === 'demo' ? 'demo' : 'live',
        setup: null,
        register: {
          environment: register.environment,
          scuId: register.scuId,
          registerId: register.registerId,
          kassenId: register.kassenId,
          description: register.description,
        },
      });
      onRegisterReady(register);
    },
    withdrawn() {
      const current = core.read();
      // Only an access that never got a register is withdrawn: a fiscal register is never forgotten.
      if (current.register !== null) return;
      // The demo's key pair stays: the embedded emulator accepts only it.
      core.update({ credentials: null, ...(current.mode === 'live' ? { mode: null } : {}) });
    },
  };
}
