// The secrets an unfinished onboarding needs, sealed by the host's SecretBox and kept in the settings
// store only as long as a step still needs them: the FON PIN until FinanzOnline accepted it, the
// provider's management key until the merchant's own API key exists, the merchant's API key until the
// core holds it. Nothing here is ever logged or returned through the contract.
import { z } from 'zod';
import type { SecretBox, SettingsStore } from '../host/app-host.ts';
import { unreadableReason } from '../host/secret-readability.ts';
import { UnreadableSecretError, type UnreadableReason } from '../host/unreadable-secret.ts';
import { OnboardingStepError } from './onboarding-failure.ts';

const KEY = 'onboardingSecrets';

const SECRET_NAMES = [
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

  /** Throws an OnboardingStepError that asks for "Zugang erneuern" when this installation cannot open it. */
  get(name: SecretName): string | null {
    const sealed = this.#sealed()[name];
    if (sealed === undefined) return null;
    try {
      return this.#box.decrypt(sealed);
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      throw new OnboardingStepError(
        'E_SECRET_UNREADABLE',
        'Ein gespeicherter Zugang ist auf diesem PC nicht lesbar (anderer Schlüssel): „Zugang erneuern“ wählen und ihn neu eingeben.',
        { retryable: false },
      );
    }
  }

  /** The kept secrets this installation cannot open, and why. */
  unreadable(): Array<{ name: SecretName; reason: UnreadableReason }> {
    return Object.entries(this.#sealed()).flatMap(([name, sealed]) => {
      const reason = unreadableReason(this.#box, sealed);
      return reason === null ? [] : [{ name: name as SecretName, reason }];
    });
  }

  /** Seals `values` anew, but only those still kept: a secret a step is done with stays forgotten. */
  renew(values: Partial<Record<SecretName, string>>): void {
    const kept = this.#sealed();
    this.put(
      Object.fromEntries(Object.entries(values).filter(([name]) => kept[name as SecretName] !== undefined)),
    );
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
