// "Kasse übernehmen": a new PC signs on an existing cash register of the merchant's fiskaly
// organization, its journal coming back from the newest backup and from SIGN AT's own receipt list.
// What the screen sends (secrets only in this direction) and what main answers.
import { z } from 'zod';
import {
  Credential,
  FonCredentialsInput,
  OnboardingCompany,
  SIGN_AT_ENVIRONMENTS,
} from './onboarding-input.ts';

const IsoTime = z.iso.datetime({ offset: true });

export const TakeoverAccess = z.strictObject({
  environment: z.enum(SIGN_AT_ENVIRONMENTS),
  apiKey: Credential('API-Key'),
  apiSecret: Credential('API-Secret'),
});
export type TakeoverAccess = z.input<typeof TakeoverAccess>;

export const TakeoverRegister = z.object({
  id: z.string(),
  /** Kassen-ID (SIGN AT `serial_number`). */
  kassenId: z.string(),
  description: z.string(),
  state: z.string(),
  /** SIGN AT's newest receipt of the register. */
  lastReceipt: z.object({ number: z.string().nullable(), at: IsoTime.nullable() }).nullable(),
  /** Only an INITIALIZED register can be taken over. */
  eligible: z.boolean(),
  /** Why it cannot, in words for the merchant; null when it can. */
  reason: z.string().nullable(),
});
export type TakeoverRegister = z.infer<typeof TakeoverRegister>;

export const TakeoverRegisterList = z.object({
  environment: z.enum(SIGN_AT_ENVIRONMENTS),
  registers: z.array(TakeoverRegister),
});
export type TakeoverRegisterList = z.infer<typeof TakeoverRegisterList>;

export const StartTakeoverInput = z.strictObject({
  access: TakeoverAccess,
  registerId: z.string().trim().min(1, 'Bitte eine Kasse wählen'),
  fon: FonCredentialsInput,
  /** The folder holding the backups (USB stick, network share); null: SIGN AT alone (last 3 months). */
  backupDir: z.string().trim().min(1).max(1000).nullable(),
  /** The receipt header when no backup brings it back (or to replace the backup's). */
  company: OnboardingCompany.nullable(),
});
export type StartTakeoverInput = z.input<typeof StartTakeoverInput>;
export type StartTakeoverParsed = z.output<typeof StartTakeoverInput>;

export const TAKEOVER_STEPS = ['access', 'fon', 'backup', 'journal', 'sign_at', 'dep', 'settings'] as const;
export type TakeoverStep = (typeof TAKEOVER_STEPS)[number];

export const TakeoverResult = z.object({
  registerId: z.string(),
  kassenId: z.string(),
  environment: z.enum(SIGN_AT_ENVIRONMENTS),
  /** The backup generation restored; null when the journal came from SIGN AT alone. */
  backup: z.object({ name: z.string(), createdAt: IsoTime, receipts: z.number().int() }).nullable(),
  /** Receipts brought in from the backup's journal (every register it held). */
  fromBackup: z.number().int(),
  /**
   * The backup's article list: articles added here, and those skipped because this PC's list has one
   * with the same name, PLU or EAN already. Null when the journal came from SIGN AT alone.
   */
  articles: z.object({ added: z.number().int(), skipped: z.number().int() }).nullable(),
  /** Receipts of the register SIGN AT listed. */
  listedBySignAt: z.number().int(),
  /** Of those, how many the journal did not have: now in it, marked as known only from SIGN AT. */
  onlyFromSignAt: z.number().int(),
  /** Receipts the backup had waiting that SIGN AT had signed meanwhile. */
  settledFromSignAt: z.number().int(),
  /** Receipts the backup had waiting that SIGN AT does not know: this PC signs them now, in order. */
  stillWaiting: z.number().int(),
  /** DEP archive files restored and verified; null without a DEP copy in the backup. */
  depFiles: z.number().int().nullable(),
  lastReceiptNumber: z.string().nullable(),
});
export type TakeoverResult = z.infer<typeof TakeoverResult>;

export const TakeoverView = z.object({
  phase: z.enum(['idle', 'running', 'done', 'failed']),
  step: z.enum(TAKEOVER_STEPS).nullable(),
  /** What the step is at ("1.200 von 3.000 Belegen"). */
  detail: z.string().nullable(),
  error: z.string().nullable(),
  result: TakeoverResult.nullable(),
});
export type TakeoverView = z.infer<typeof TakeoverView>;

/** What the merchant types to give a register up on this PC. */
export const RELEASE_CONFIRMATION = 'ABGEBEN';
