import { notFound } from './api-error.ts';
import type { EmulatorContext } from './emulator-context.ts';
import type { CashRegisterRecord } from './stored-records.ts';

export function loadCashRegister(
  ctx: EmulatorContext,
  organizationId: string,
  id: string,
): CashRegisterRecord {
  const record = ctx.store.getCashRegister(id);
  // Another organization's register does not exist for this caller.
  if (record === undefined || record.organization_id !== organizationId) {
    throw notFound('E_CASH_REGISTER_NOT_FOUND', 'Cash register', id);
  }
  return record;
}
