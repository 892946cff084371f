// Example: how existing till software hands a sale to Kassen-Companion's POS API and gets back the
// signed receipt. Plain fetch, no dependencies; runs with Node ≥ 22.18 (type stripping):
//
//   POS_API_TOKEN=… node examples/pos-client.ts
//
// POS_API_URL defaults to http://127.0.0.1:8420/api/v1 (npm run serve -- --pos-api, or switch the
// POS API on in the desktop app's settings).
import { randomUUID } from 'node:crypto';

const BASE = process.env.POS_API_URL ?? 'http://127.0.0.1:8420/api/v1';
const TOKEN = process.env.POS_API_TOKEN ?? '';

/** The answer to POST /receipts (the full schema is served at GET /openapi.json). */
interface Receipt {
  id: string;
  /** v1 may gain states (signature_failed came in 1.1): an unknown one counts as not signed. */
  state: 'pending' | 'signed' | 'offline' | 'signed_late' | 'rejected' | 'signature_failed' | (string & {});
  signed: boolean;
  /** The number on a receipt handed out without SIGN AT ("N-000123"); kept once it is signed later. */
  offline_number: string | null;
  receipt_number: string | null;
  cash_register_serial_number: string;
  time_signature: string | null;
  qr_code_data: string | null;
  totals_per_rate: { vat_rate: string; gross: string; net: string; vat: string }[];
  total: string;
  printed: boolean;
}

interface ApiError {
  error: { code: string; message: string; field?: string };
}

class PosApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  constructor(status: number, body: ApiError) {
    super(body.error.message);
    this.status = status;
    this.code = body.error.code;
    this.field = body.error.field;
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new PosApiError(response.status, json as ApiError);
  return json as T;
}

/**
 * Signs a sale. The id is chosen by the till before the first attempt and reused on every retry:
 * the app signs an id only once, so a retry after a timeout can never make a second receipt.
 */
async function signSale(sale: Record<string, unknown>): Promise<Receipt> {
  const id = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      return await call<Receipt>('POST', '/receipts', { id, ...sale });
    } catch (error) {
      // Network trouble or 503 (not ready): retry with the same id. A 4xx is a bug in the sale: stop.
      const retryable = !(error instanceof PosApiError) || error.status === 503;
      if (!retryable || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 1000));
    }
  }
}

const status = await call<{ environment: string; setup: string }>('GET', '/status');
console.log(`Kasse: ${status.environment}, Einrichtung: ${status.setup}`);

const receipt = await signSale({
  type: 'NORMAL',
  items: [
    { text: 'Semmel', quantity: '3', unit_price: '0.45', vat_rate: '10' },
    { text: 'Kaffee', quantity: '1', unit_price: '3.20', vat_rate: '20' },
  ],
  payments: [{ type: 'CASH', amount: '5.00' }],
});

if (receipt.state === 'signed') {
  console.log(
    `Beleg Nr. ${receipt.receipt_number} (${receipt.cash_register_serial_number}), Summe ${receipt.total}`,
  );
  console.log(`QR: ${receipt.qr_code_data}`);
} else if (receipt.state === 'offline') {
  // Still a valid receipt for the customer ("Sicherheitseinrichtung ausgefallen"); the app signs it later
  // (GET /receipts/{id} then says signed_late, with SIGN AT's number next to this one).
  console.log(`Beleg ${receipt.offline_number} offline ausgegeben, wird nachsigniert`);
} else if (receipt.state === 'signature_failed') {
  // SIGN AT's signature unit failed: the receipt stands in the data record with the failure marker.
  console.log(`Beleg Nr. ${receipt.receipt_number}: Sicherheitseinrichtung ausgefallen`);
} else {
  console.log(`Beleg ${receipt.id}: ${receipt.state}, nicht signiert`);
}
console.log(receipt.printed ? 'gedruckt' : 'nicht gedruckt');
