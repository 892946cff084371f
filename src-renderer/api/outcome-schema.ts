// Whatever comes back over a transport is checked before the UI believes it: first the Outcome
// envelope, then (in pos-client.ts) the operation's own output schema from the contract.
import { z } from 'zod';
import { PosErrorBody, type Outcome } from '../../src-shared/pos-error.ts';

const OutcomeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: PosErrorBody }),
]);

export function parseOutcome(raw: unknown): Outcome<unknown> {
  const parsed = OutcomeSchema.safeParse(raw);
  if (parsed.success) return parsed.data as Outcome<unknown>;
  return { ok: false, error: { code: 'internal', message: 'unerwartete Antwort der Kasse' } };
}

/** The error a transport reports when it cannot reach main at all (network down, app closed). */
export function unreachable(detail: string): Outcome<unknown> {
  return { ok: false, error: { code: 'unavailable', message: `Kasse nicht erreichbar: ${detail}` } };
}
