import { z } from 'zod';
import { BackupSummary } from './backup-status.ts';
import { ENVIRONMENTS } from './receipt.ts';

export const SETUP_STATES = ['needed', 'in_progress', 'ready'] as const;

/** What "Zugang erneuern" asks for: the fiskaly API key and secret, the FinanzOnline PIN, or both. */
const ACCESS_RENEWAL_NEEDS = ['api_access', 'fon_pin'] as const;
/**
 * Why a stored secret cannot be opened. other_shell: the desktop app sealed it in the OS keychain, which
 * the service cannot reach. key_lost: the key that sealed it is gone (keychain reset, a data folder copied
 * from another PC or user, a damaged key file).
 */
const UNREADABLE_REASONS = ['other_shell', 'key_lost'] as const;

export const AccessRenewal = z.object({
  needs: z.array(z.enum(ACCESS_RENEWAL_NEEDS)).min(1),
  reason: z.enum(UNREADABLE_REASONS),
});
export type AccessRenewal = z.infer<typeof AccessRenewal>;

export const Status = z.object({
  /**
   * The register's environment; while none is set up, the one being set up (the demo's, or that of the
   * fiskaly key given). Null before that: no register and nothing chosen yet.
   */
  environment: z.enum(ENVIRONMENTS).nullable(),
  setup: z.enum(SETUP_STATES),
  /** Human-readable step while setup runs (e.g. "SCU wird erstellt"). */
  setupStep: z.string().nullable(),
  company: z.object({ name: z.string(), address: z.string(), vatId: z.string().nullable() }).nullable(),
  register: z
    .object({
      id: z.string(),
      kassenId: z.string(),
      description: z.string(),
      state: z.string(),
      /**
       * SIGN AT lists receipts of this register that this PC did not make: another PC took it over
       * ("Kasse übernehmen"). This PC signs nothing more on it until the merchant gives it up here or
       * keeps it here. Absent while that is not so.
       */
      takenOver: z
        .object({
          detectedAt: z.iso.datetime({ offset: true }),
          foreignReceipts: z.number().int(),
          newestReceiptNumber: z.string().nullable(),
        })
        .optional(),
    })
    .nullable(),
  signing: z.object({
    online: z.boolean(),
    /** ISO time the current outage began; null while online. */
    outageSince: z.iso.datetime({ offset: true }).nullable(),
    /** Receipts journaled but not yet signed (pending + offline). */
    queueLength: z.number().int(),
    lastError: z.string().nullable(),
    /**
     * Receipts whose QR code from SIGN AT disagrees with the receipt (amounts, number, date, signature):
     * not printed; each must be cancelled (Storno) and rung up again. Listed until cancelled.
     */
    codeMismatches: z.array(z.object({ id: z.uuid(), receiptNumber: z.string().nullable() })),
  }),
  printer: z.object({
    configured: z.boolean(),
    state: z.enum(['ready', 'off', 'none']),
    queueLength: z.number().int(),
  }),
  training: z.boolean(),
  /**
   * A stored secret this installation cannot open: the till does not sign until the setup screen's
   * "Zugang erneuern" has it again. Journal and register are untouched meanwhile. null when all open.
   */
  accessRenewal: AccessRenewal.nullable(),
  /** The last good backup, and whether the till warns (7 days without one). */
  backup: BackupSummary,
});
export type Status = z.infer<typeof Status>;
