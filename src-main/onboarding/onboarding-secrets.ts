// The secrets an unfinished onboarding needs, sealed by the host's SecretBox and kept in the settings
// store only as long as a step still needs them: the FON PIN until FinanzOnline accepted it, the
// provider's management key until the merchant's own API key exists, the merchant's API key until the
// core holds it. Nothing here is ever logged or returned through the contract.
import { z } from 'zod';
import type { SecretBox, SettingsStore } from '../host/app-host.ts';

const KEY = 'onboardingSecrets';

export const SECRET_NAMES = [
  'signAtApiKey',
  'signAtApiSecret',
  'fonPin',
  'managementApiKey',
  'managementApiSecret',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

const Sealed = z.partialRecord(z.enum(SECRET_NAMES), z.string());

export class OnboardingSecrets {
  readonly #settings: SettingsStore;
  readonly #box: SecretBox;

  constructor(settings: SettingsStore, box: SecretBox) {
    this.#settings = settings;
    this.#box = box;
  }

  #sealed(): z.infer<typeof Sealed> {
    const parsed = Sealed.safeParse(this.#settings.get(KEY) ?? {});
    return parsed.success ? parsed.data : {};
  }

  put(values: Partial<Record<SecretName, string>>): void {
    const next = { ...this.#sealed() };
    for (const [name, value] of Object.entries(values) as Array<[SecretName, string | undefined]>) {
      if (value !== undefined) next[name] = this.#box.encrypt(value);
    }
    this.#settings.set(KEY, next);
  }

  get(name: SecretName): string | null {
    const sealed = this.#sealed()[name];
    return sealed === undefined ? null : this.#box.decrypt(sealed);
  }

  has(name: SecretName): boolean {
    return this.#sealed()[name] !== undefined;
  }

  forget(...names: SecretName[]): void {
    const next = { ...this.#sealed() };
    for (const name of names) delete next[name];
    if (Object.keys(next).length === 0) this.#settings.delete(KEY);
    else this.#settings.set(KEY, next);
  }

  forgetAll(): void {
    this.#settings.delete(KEY);
  }
}
