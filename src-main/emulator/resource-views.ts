import { amountFromCents } from './amount-text.ts';
import type { CashRegisterRecord, ScuRecord } from './stored-records.ts';

/** The SIGN AT spec version these shapes follow; real resources carry one too. */
const API_VERSION = '1.2.5';

/** Leaves out the `time_…`/`…_id` fields that have not happened yet, as SIGN AT does. */
function withoutNulls(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== null));
}

export function scuView(record: ScuRecord, scuOutage: boolean): Record<string, unknown> {
  return withoutNulls({
    _id: record.id,
    _type: 'SIGNATURE_CREATION_UNIT',
    _env: 'TEST',
    _version: API_VERSION,
    // An injected SCU outage shows on the SCU the way a real one would.
    state: scuOutage && record.state === 'INITIALIZED' ? 'OUTAGE' : record.state,
    legal_entity_id: record.legal_entity_id,
    legal_entity_name: record.legal_entity_name,
    certificate_serial_number: record.state === 'PENDING' ? null : record.certificate_serial_number,
    time_pending: record.time_pending,
    time_creation: record.time_creation,
    time_initialization: record.time_initialization,
    time_decommission: record.time_decommission,
    metadata: record.metadata,
  });
}

export function cashRegisterView(record: CashRegisterRecord): Record<string, unknown> {
  return withoutNulls({
    _id: record.id,
    _type: 'CASH_REGISTER',
    _env: 'TEST',
    _version: API_VERSION,
    state: record.state,
    serial_number: record.serial_number,
    turnover_counter: amountFromCents(record.turnover_counter_cents),
    description: record.description,
    signature_creation_unit_id: record.signature_creation_unit_id,
    time_creation: record.time_creation,
    time_registration: record.time_registration,
    time_initialization: record.time_initialization,
    initialization_receipt_id: record.initialization_receipt_id,
    time_decommission: record.time_decommission,
    decommission_receipt_id: record.decommission_receipt_id,
    time_outage: record.time_outage,
    time_defect: record.time_defect,
    metadata: record.metadata,
  });
}
