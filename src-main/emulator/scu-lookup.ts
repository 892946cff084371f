import { ApiError, notFound } from './api-error.ts';
import type { EmulatorContext } from './emulator-context.ts';
import type { ScuRecord } from './stored-records.ts';

/**
 * The SCU as it is now. PENDING ends by itself after `scuPendingMs` (the certificate "being issued");
 * the change is written the first time someone looks, which is all a client can observe anyway.
 */
function settledScu(ctx: EmulatorContext, record: ScuRecord): ScuRecord {
  if (record.state !== 'PENDING' || ctx.clock.now().getTime() < record.pending_until_ms) return record;
  const created: ScuRecord = {
    ...record,
    state: 'CREATED',
    time_creation: Math.floor(record.pending_until_ms / 1000),
  };
  ctx.store.saveScu(created);
  return created;
}

export function loadScu(ctx: EmulatorContext, organizationId: string, id: string): ScuRecord {
  const record = ctx.store.getScu(id);
  // Another organization's resource does not exist for this caller.
  if (record === undefined || record.organization_id !== organizationId) {
    throw notFound('E_SIGNATURE_CREATION_UNIT_NOT_FOUND', 'Signature creation unit', id);
  }
  return settledScu(ctx, record);
}

/** The organization's one SCU that is not decommissioned, if any. */
export function activeScu(ctx: EmulatorContext, organizationId: string): ScuRecord | undefined {
  const { data } = ctx.store.listScus(organizationId, 1000, 0);
  const active = data.find((scu) => scu.state !== 'DECOMMISSIONED');
  return active === undefined ? undefined : settledScu(ctx, active);
}

export function requireInitializedScu(ctx: EmulatorContext, organizationId: string): ScuRecord {
  const scu = activeScu(ctx, organizationId);
  if (scu?.state !== 'INITIALIZED') {
    throw new ApiError(
      409,
      'E_SIGNATURE_CREATION_UNIT_NOT_INITIALIZED',
      'The organization needs an INITIALIZED signature creation unit first',
    );
  }
  return scu;
}
