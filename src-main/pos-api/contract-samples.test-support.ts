// Schema-valid values for every contract operation, for transport tests that must not depend on the
// core. `satisfies Record<OperationName, …>` makes a new contract operation a compile error here until
// it has a sample, so "every operation is reachable" keeps covering every operation.
import type { OperationInput, OperationName, PosApiHandlers } from '../../src-shared/pos-api-contract.ts';
import type { PosApiInfo } from '../../src-shared/pos-api-info.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { Status } from '../../src-shared/status.ts';

export const SAMPLE_STATUS: Status = {
  environment: 'DEMO',
  setup: 'ready',
  setupStep: null,
  company: { name: 'Bäckerei Muster', address: 'Hauptstraße 1, 1010 Wien', vatId: 'ATU12345678' },
  register: { id: 'cr-1', kassenId: 'DEMO-KASSE-1', description: 'Kasse 1', state: 'INITIALIZED' },
  signing: { online: true, outageSince: null, queueLength: 0, lastError: null },
  printer: { configured: false, state: 'none', queueLength: 0 },
  training: false,
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
};

export const SAMPLE_POS_API_INFO: PosApiInfo = {
  enabled: false,
  url: null,
  openapiUrl: null,
  token: null,
  tokenSource: null,
  problem: null,
};

export const SAMPLE_INPUTS = {
  status: undefined,
  signSale: {
    kind: 'NORMAL',
    lines: [{ text: 'Semmel', quantity: '2.5', unitPrice: '1.40', vatRate: '10' }],
    payments: [{ type: 'CASH', amount: '5.00' }],
  },
  getReceipt: { id: SAMPLE_RECEIPT.id },
  recentReceipts: { limit: 5 },
  startDemo: undefined,
  getPosApiInfo: undefined,
  setPosApiEnabled: { enabled: true },
} satisfies { [K in OperationName]: OperationInput<K> };

export interface RecordedCall {
  name: OperationName;
  input: unknown;
}

/** Handlers that answer with the samples and write down every call they get. */
export function recordingHandlers(calls: RecordedCall[]): PosApiHandlers {
  const record =
    <T>(name: OperationName, value: T) =>
    async (input: unknown): Promise<T> => {
      calls.push({ name, input });
      return value;
    };
  return {
    status: record('status', SAMPLE_STATUS),
    signSale: record('signSale', SAMPLE_RECEIPT),
    getReceipt: record('getReceipt', SAMPLE_RECEIPT),
    recentReceipts: record('recentReceipts', [SAMPLE_RECEIPT]),
    startDemo: record('startDemo', SAMPLE_STATUS),
    getPosApiInfo: record('getPosApiInfo', SAMPLE_POS_API_INFO),
    setPosApiEnabled: record('setPosApiEnabled', { ...SAMPLE_POS_API_INFO, enabled: true }),
  };
}
