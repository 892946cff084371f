// What the settings screen shows about the local POS API. The token is shown on purpose: the merchant
// copies it into their till software. It is the only secret the renderer ever sees, and only on request.
import { z } from 'zod';

const POS_API_TOKEN_SOURCES = ['generated', 'flag', 'env'] as const;

export const PosApiInfo = z.object({
  enabled: z.boolean(),
  /** Base URL the till software posts to (`http://127.0.0.1:8420/api/v1`); null while off or not listening. */
  url: z.string().nullable(),
  /** The OpenAPI document; null while off. */
  openapiUrl: z.string().nullable(),
  /** Bearer token; null while off (it is generated on first enable). */
  token: z.string().nullable(),
  /** generated: made once and stored encrypted; flag / env: given at start for automation, not stored. */
  tokenSource: z.enum(POS_API_TOKEN_SOURCES).nullable(),
  /** Why the API is not reachable although enabled (e.g. port in use); null when fine. */
  problem: z.string().nullable(),
  /**
   * The port the POS API was meant to listen on and found taken by another program; null when fine.
   * `url` then says where it listens instead (the service moved on to a free port), or is null.
   */
  portInUse: z.number().int().nullable(),
});
export type PosApiInfo = z.infer<typeof PosApiInfo>;
