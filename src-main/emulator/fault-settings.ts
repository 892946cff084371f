import { z } from 'zod';

/** What `POST /_emulator/faults` can switch on; each field is independent and stays until changed. */
export const faultSettings = z.object({
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
});
export type FaultSettings = z.infer<typeof faultSettings>;

export const NO_FAULTS: FaultSettings = {
  scu_outage: false,
  latency_ms: 0,
  error_rate: 0,
  drop_rate: 0,
  after_commit_drop: false,
};

export const faultPatch = faultSettings.partial().strict();
