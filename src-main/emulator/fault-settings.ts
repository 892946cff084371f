import { z } from 'zod';
import { seededRandom } from './seeded-random.ts';

/** What `POST /_emulator/faults` can switch on; each field is independent and stays until changed. */
const faultSettings = z.object({
  /** The SCU cannot sign: receipts come back `signed:false` with the failure marker (HTTP 200). */
  scu_outage: z.boolean(),
  /** Delay before every /api/v1 request is handled. */
  latency_ms: z.number().int().min(0).max(60_000),
  /** Share of /api/v1 requests answered 503 before anything is done. */
  error_rate: z.number().min(0).max(1),
  /** Share of /api/v1 requests whose connection is closed without an answer, before anything is done. */
  drop_rate: z.number().min(0).max(1),
  /** Receipt PUTs are signed and stored, then the connection is closed without an answer. */
  after_commit_drop: z.boolean(),
  /**
   * Where error_rate and drop_rate draw their chances from. Sending a seed starts its fixed sequence
   * over, so a test sees the same faults on every run; null draws from Math.random.
   */
  seed: z.number().int().min(0).max(0xffff_ffff).nullable(),
  /**
   * The answer to a receipt PUT is changed on its way out (the stored receipt and the DEP export stay
   * right): `amount` adds a cent to the Normal amount in `qr_code_data`, `signature` changes its
   * signature. For testing the client's check of what SIGN AT answers. null: answers as signed.
   */
  tamper_response: z.enum(['amount', 'signature']).nullable(),
  /**
   * Answers as the real service's may look: every resource and list carries fields no client knows
   * yet (nested too). Where SIGN AT's schema is only partly known, a client must take them in its stride.
   */
  extra_fields: z.boolean(),
  /** `receipt_number` as a JSON number (the emulator's default) or as a string: SIGN AT has sent both. */
  receipt_number_type: z.enum(['integer', 'string']),
});
export type FaultSettings = z.infer<typeof faultSettings>;

export const NO_FAULTS: FaultSettings = {
  scu_outage: false,
  latency_ms: 0,
  error_rate: 0,
  drop_rate: 0,
  after_commit_drop: false,
  seed: null,
  tamper_response: null,
  extra_fields: false,
  receipt_number_type: 'integer',
};

export const faultPatch = faultSettings.partial().strict();

/** Where the emulator keeps its faults: the settings, and the dice error_rate and drop_rate roll. */
export interface FaultState {
  faults: FaultSettings;
  faultDice: () => number;
}

/** Changes only the fields in `patch`; a seed in it (or null) restarts the dice. */
export function changeFaults(state: FaultState, patch: Partial<FaultSettings>): FaultSettings {
  state.faults = { ...state.faults, ...patch };
  if (patch.seed !== undefined)
    state.faultDice = patch.seed === null ? Math.random : seededRandom(patch.seed);
  return state.faults;
}
