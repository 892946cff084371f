import { randomUUID } from 'node:crypto';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './sign-at-emulator.ts';

type Reply = { status: number; body: Record<string, unknown>; requestId: string | null };

/** A bare SIGN AT client for the emulator's tests: fetch, JSON, a bearer token. */
export class TestClient {
  readonly baseUrl: string;
  token = '';

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async authenticate(apiKey = 'test-key', apiSecret = 'test-secret'): Promise<Reply> {
    const reply = await this.call('POST', '/auth', { api_key: apiKey, api_secret: apiSecret });
    if (reply.status === 200) this.token = String(reply.body.access_token);
    return reply;
  }

  async call(method: string, path: string, body?: unknown): Promise<Reply> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.token === '' ? {} : { Authorization: `Bearer ${this.token}` }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      requestId: response.headers.get('x-request-id'),
    };
  }

  /** Like call, but fails the test on anything but 200. */
  async ok(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const reply = await this.call(method, path, body);
    if (reply.status !== 200)
      throw new Error(`${method} ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }
}

export const FON = { fon_participant_id: '123456789', fon_user_id: 'kassa01', fon_user_pin: 'geheim1234' };

export function rawBody(
  receiptType: string,
  standard: string,
  extra: Partial<Record<string, string>> = {},
): unknown {
  return {
    receipt_type: receiptType,
    schema: {
      raw: {
        gross_amount_standard: standard,
        gross_amount_reduced_1: extra.reduced_1 ?? '0.00',
        gross_amount_reduced_2: extra.reduced_2 ?? '0.00',
        gross_amount_special: extra.special ?? '0.00',
        gross_amount_zero: extra.zero ?? '0.00',
      },
    },
  };
}

export type Setup = { emulator: RunningEmulator; api: TestClient; scuId: string; cashRegisterId: string };

/** Signs `body` as a new receipt, under a fresh id, on the set-up cash register; fails on anything but 200. */
export function signNewReceipt(
  setup: Pick<Setup, 'api' | 'cashRegisterId'>,
  body: unknown,
): Promise<Record<string, unknown>> {
  return setup.api.ok('PUT', `/cash-register/${setup.cashRegisterId}/receipt/${randomUUID()}`, body);
}

/** The documented setup order up to an INITIALIZED cash register. */
export async function initializedRegister(
  api: TestClient,
): Promise<{ scuId: string; cashRegisterId: string }> {
  const scuId = randomUUID();
  const cashRegisterId = randomUUID();
  await api.ok('PUT', '/fon/auth', FON);
  await api.ok('PUT', `/signature-creation-unit/${scuId}`, { legal_entity_id: { vat_id: 'ATU12345678' } });
  await api.ok('PUT', `/cash-register/${cashRegisterId}`, { description: 'Kassa 1' });
  await api.ok('PATCH', `/signature-creation-unit/${scuId}`, { state: 'INITIALIZED' });
  await api.ok('PATCH', `/cash-register/${cashRegisterId}`, { state: 'REGISTERED' });
  await api.ok('PATCH', `/cash-register/${cashRegisterId}`, { state: 'INITIALIZED' });
  return { scuId, cashRegisterId };
}

export async function startWithRegister(options: EmulatorOptions = {}): Promise<Setup> {
  const emulator = await startEmulator(options);
  const api = new TestClient(emulator.baseUrl);
  await api.authenticate();
  return { emulator, api, ...(await initializedRegister(api)) };
}

export async function control(
  emulator: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply> {
  return new TestClient(emulator.controlUrl).call(method, path, body);
}
