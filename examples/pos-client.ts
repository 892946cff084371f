// Example: how existing till software hands a sale to Kassen-Companion's POS API and gets back the
// signed receipt. Typed by examples/pos-api-types.ts, which openapi-typescript generates from the API's
// own OpenAPI document; the calls go through openapi-fetch. Runs with Node ≥ 22.18 (type stripping):
//
//   npx openapi-typescript http://127.0.0.1:8420/api/v1/openapi.json -o pos-api-types.ts   # your copy
//   POS_API_TOKEN=… node examples/pos-client.ts
//
// POS_API_URL defaults to http://127.0.0.1:8420/api/v1 (npm run serve -- --pos-api, or switch the
// POS API on in the desktop app's settings).
import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import type { components, paths } from './pos-api-types.ts';

type Receipt = components['schemas']['Receipt'];
type Sale = components['schemas']['ReceiptCreate'];
type ApiError = components['schemas']['Error']['error'];

const API = process.env.POS_API_URL ?? 'http://127.0.0.1:8420/api/v1';
const TOKEN = process.env.POS_API_TOKEN ?? '';
const ATTEMPTS = 5;

// The document's paths start with /api/v1, so the client's base is the origin.
const client = createClient<paths>({
  baseUrl: new URL(API).origin,
  headers: { Authorization: `Bearer ${TOKEN}` },
});

class PosApiError extends Error {
  readonly status: number;
  readonly code: ApiError['code'];
  constructor(status: number, error: ApiError) {
    super(`${status} ${error.code}: ${error.message}${error.field ? ` (${error.field})` : ''}`);
    this.status = status;
    this.code = error.code;
  }
}

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * Signs a sale. The id is chosen by the till before the first attempt and reused on every retry: the app
 * signs an id only once, so a retry after a lost answer can never make a second receipt. Only a network
 * failure or a 503 is retried (503 passes by itself; `Retry-After` says when). Every 4xx is final: a
 * wrong sale, or a state such as `register_decommissioned` that someone has to resolve in the app.
 */
async function signSale(sale: Omit<Sale, 'id'>): Promise<Receipt> {
  const id = randomUUID();
  for (let attempt = 1; ; attempt++) {
    let wait = attempt;
    try {
      const { data, error, response } = await client.POST('/api/v1/receipts', { body: { ...sale, id } });
      if (data) return data;
      if (response.status !== 503 || attempt === ATTEMPTS)
        throw new PosApiError(response.status, error.error);
      wait = Number(response.headers.get('Retry-After') ?? attempt);
    } catch (error) {
      if (error instanceof PosApiError || attempt === ATTEMPTS) throw error;
    }
    await pause(wait);
  }
}

const status = await client.GET('/api/v1/status');
if (!status.data) throw new PosApiError(status.response.status, status.error.error);
console.log(`Kasse: ${status.data.environment}, Einrichtung: ${status.data.setup}`);

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
  // v1 may gain states: one this client does not know counts as not signed.
  console.log(`Beleg ${receipt.id}: ${receipt.state}, nicht signiert`);
}
console.log(receipt.printed ? 'gedruckt' : 'nicht gedruckt');
