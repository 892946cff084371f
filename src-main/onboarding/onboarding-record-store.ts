// Keeps the onboarding record in the shell's settings store (electron-store or conf: atomic file
// writes), checked with zod both ways. A damaged record stops the app instead of starting over: a fresh
// setup would create a second SCU and cash register at SIGN AT.
import { z } from 'zod';
import type { SettingsStore } from '../host/app-host.ts';
import { OnboardingRecord } from './onboarding-record.ts';

const RECORD_KEY = 'onboarding';
const REUSE_KEY = 'onboardingReuse';

/** Ids kept per SIGN AT organization across a reset, so starting again reuses the same SCU and register. */
const ReusableIds = z.record(z.string(), z.object({ scuId: z.uuid(), registerId: z.uuid() }));

export class OnboardingRecordStore {
  readonly #settings: SettingsStore;

  constructor(settings: SettingsStore) {
    this.#settings = settings;
  }

  load(): OnboardingRecord | null {
    const raw = this.#settings.get(RECORD_KEY);
    if (raw === undefined || raw === null) return null;
    const parsed = OnboardingRecord.safeParse(raw);
    if (!parsed.success) {
      throw new Error(
        `Einrichtungsstand beschädigt (${RECORD_KEY}): ${parsed.error.issues[0]?.message ?? ''}`,
      );
    }
    return parsed.data;
  }

  save(record: OnboardingRecord): OnboardingRecord {
    const checked = OnboardingRecord.parse(record);
    this.#settings.set(RECORD_KEY, checked);
    return checked;
  }

  clear(): void {
    this.#settings.delete(RECORD_KEY);
  }

  reusableIds(organizationId: string): { scuId: string; registerId: string } | null {
    const parsed = ReusableIds.safeParse(this.#settings.get(REUSE_KEY) ?? {});
    return parsed.success ? (parsed.data[organizationId] ?? null) : null;
  }

  rememberIds(organizationId: string, ids: { scuId: string; registerId: string }): void {
    const parsed = ReusableIds.safeParse(this.#settings.get(REUSE_KEY) ?? {});
    const current = parsed.success ? parsed.data : {};
    this.#settings.set(REUSE_KEY, { ...current, [organizationId]: ids });
  }
}
