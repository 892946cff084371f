// Schema-valid values for every contract operation, for transport tests that must not depend on the
// core. `satisfies Record<OperationName, …>` makes a new contract operation a compile error here until
// it has a sample, so "every operation is reachable" keeps covering every operation.
import {
  OPERATION_NAMES,
  posApiContract,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  type PosApiHandlers,
} from '../../src-shared/pos-api-contract.ts';
import { sampleZReport } from '../../src-shared/day-report-fixtures.test-support.ts';
import type { DayReport } from '../../src-shared/day-report.ts';
import { DEFAULT_EXPORT_ACCOUNTS } from '../../src-shared/export-accounts.ts';
import { DEFAULT_PRINTER_SETTINGS } from '../../src-shared/printer-settings.ts';
import type { PosApiInfo } from '../../src-shared/pos-api-info.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { Status } from '../../src-shared/status.ts';

export const SAMPLE_STATUS: Status = {
  environment: 'DEMO',
  setup: 'ready',
  setupStep: null,
  company: { name: 'Bäckerei Muster', address: 'Hauptstraße 1, 1010 Wien', vatId: 'ATU12345678' },
  register: { id: 'cr-1', kassenId: 'DEMO-KASSE-1', description: 'Kasse 1', state: 'INITIALIZED' },
  signing: { online: true, outageSince: null, queueLength: 0, lastError: null, codeMismatches: [] },
  printer: { configured: false, state: 'none', queueLength: 0 },
  training: false,
  accessRenewal: null,
  backup: { lastGoodAt: null, overdue: false },
};

export const SAMPLE_RECEIPT: Receipt = {
  id: '0b6f1f3c-6d7e-4a8b-9c1d-2e3f4a5b6c7d',
  kind: 'NORMAL',
  state: 'signed',
  environment: 'DEMO',
  cashRegisterId: 'cr-1',
  kassenId: 'DEMO-KASSE-1',
  receiptNumber: '7',
  createdAt: '2026-03-02T09:15:00.000+01:00',
  signedAt: '2026-03-02T09:15:01.000+01:00',
  qrCodeData: '_R1-AT1_DEMO-KASSE-1_7_2026-03-02T09:15:01_3,50_0,00_0,00_0,00_0,00_AAA=_1_AAA=_sig',
  signed: true,
  offlineNumber: null,
  issuedAt: '2026-03-02T09:15:01.000+01:00',
  hints: [],
  lines: [{ text: 'Semmel', quantityMilli: 2500, unitPriceCents: 140, amountCents: 350, vatRate: '10' }],
  totalsPerRate: [{ vatRate: '10', grossCents: 350, netCents: 318, vatCents: 32 }],
  totalCents: 350,
  payments: [{ type: 'CASH', amountCents: 500 }],
  changeCents: 150,
  cancels: null,
  cancelledBy: null,
  printed: true,
  error: null,
  codeCheck: { state: 'ok', problems: [] },
};

/** The X report of 3 December 2026 as main answers it. */
export const SAMPLE_DAY_REPORT: DayReport = sampleZReport({ kind: 'X', zNumber: null });

/** A receipts CSV with one row, as main answers it (base64 of the file). */
export const SAMPLE_RECEIPTS_CSV = '\uFEFFsatzart;konto\r\n0;2700\r\n';

const SAMPLE_POS_API_INFO: PosApiInfo = {
  enabled: false,
  url: null,
  openapiUrl: null,
  token: null,
  tokenSource: null,
  problem: null,
  portInUse: null,
};

/**
 * Valid inputs for operations that need one. An operation without an entry is still reached by the
 * "every operation" test, with an input of the wrong type that its schema must refuse.
 */
export const SAMPLE_INPUTS: { [K in OperationName]?: OperationInput<K> } = {
  signSale: {
    kind: 'NORMAL',
    lines: [{ text: 'Semmel', quantity: '2.5', unitPrice: '1.40', vatRate: '10' }],
    payments: [{ type: 'CASH', amount: '5.00' }],
  },
  getReceipt: { id: SAMPLE_RECEIPT.id },
  recentReceipts: { limit: 5 },
  cancelReceipt: { id: SAMPLE_RECEIPT.id },
  reprintReceipt: { id: SAMPLE_RECEIPT.id },
  setTrainingMode: { enabled: true },
  searchJournal: { query: 'Semmel', from: '2026-03-01T00:00:00+01:00', limit: 10 },
  checkReceiptCode: { qrCodeData: SAMPLE_RECEIPT.qrCodeData ?? '' },
  updateSettings: { signTimeoutMs: 5000 },
  updatePrinterSettings: DEFAULT_PRINTER_SETTINGS,
  exportReceiptPdf: { id: SAMPLE_RECEIPT.id },
  getReceiptPreview: { id: SAMPLE_RECEIPT.id },
  exportOutageProtocol: { format: 'csv' },
  setPosApiEnabled: { enabled: true },
  renewAccess: { access: { apiKey: 'key-0123', apiSecret: 'secret-0123' } },
  dayReport: { date: '2026-12-03' },
  zReport: { zNumber: 1 },
  recordCashMovement: { kind: 'deposit', amount: '100.00', reason: 'Wechselgeld' },
  countCash: { total: '123.40' },
  printDayReport: { kind: 'Z', zNumber: 1 },
  exportDayReportPdf: { kind: 'X', date: '2026-12-03' },
  exportReceiptsCsv: { from: '2026-12-01', to: '2026-12-31' },
  updateExportAccounts: DEFAULT_EXPORT_ACCOUNTS,
  keepOpenBon: {
    id: SAMPLE_RECEIPT.id,
    lines: [{ text: 'Semmel', quantity: '2.5', unitPrice: '1.40', vatRate: '10' }],
    payments: [],
  },
};

/** A valid input for `name`, or null when the samples hold none (and the operation needs one). */
export function sampleInput(name: OperationName): { input: unknown } | null {
  if (Object.hasOwn(SAMPLE_INPUTS, name)) return { input: SAMPLE_INPUTS[name] };
  if (posApiContract[name].input.safeParse(undefined).success) return { input: undefined };
  return null;
}

export interface RecordedCall {
  name: OperationName;
  input: unknown;
}

/** What the handlers answer: real sample values where a test reads them, a marker elsewhere. */
const SAMPLE_OUTPUTS: { [K in OperationName]?: OperationOutput<K> } = {
  status: SAMPLE_STATUS,
  signSale: SAMPLE_RECEIPT,
  getReceipt: SAMPLE_RECEIPT,
  recentReceipts: [SAMPLE_RECEIPT],
  startDemo: SAMPLE_STATUS,
  reprintReceipt: SAMPLE_RECEIPT,
  searchJournal: { items: [SAMPLE_RECEIPT], nextCursor: null },
  getPosApiInfo: SAMPLE_POS_API_INFO,
  setPosApiEnabled: { ...SAMPLE_POS_API_INFO, enabled: true },
  dayReport: SAMPLE_DAY_REPORT,
  exportReceiptsCsv: {
    fileName: 'Belege-DEMO-KASSE-1-2026-12-03.csv',
    mimeType: 'text/csv',
    base64: Buffer.from(SAMPLE_RECEIPTS_CSV, 'utf8').toString('base64'),
  },
};

/**
 * Handlers that write down every call and answer with the sample output (or `{ answeredBy: name }`).
 * The transports never look at an output, so a marker proves they carry it back untouched.
 */
export function recordingHandlers(calls: RecordedCall[]): PosApiHandlers {
  const entries = OPERATION_NAMES.map((name) => [
    name,
    async (input: unknown) => {
      calls.push({ name, input });
      return Object.hasOwn(SAMPLE_OUTPUTS, name) ? SAMPLE_OUTPUTS[name] : { answeredBy: name };
    },
  ]);
  // One cast for the whole table: the markers are deliberately not the operations' outputs.
  return Object.fromEntries(entries) as PosApiHandlers;
}
