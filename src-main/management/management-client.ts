// fiskaly's Management API, for POS providers that onboard merchants: create the merchant's managed
// organization and an API key for it. POSTs are never repeated behind the caller's back (they are not
// idempotent: a second POST /organizations makes a second organization); GETs are retried.
import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance } from 'ky';
import type { z } from 'zod';
import { httpErrorDetails } from '../fiskaly/fiskaly-api-error.ts';
import type { Logger } from '../host/app-host.ts';
import { ManagementApiError } from './management-error.ts';
import {
  CreatedApiKey,
  ManagedOrganization,
  ManagedOrganizationList,
  ManagementAuthResponse,
  NewApiKey,
  NewManagedOrganization,
} from './management-resources.ts';

export const MANAGEMENT_BASE_URL = 'https://dashboard.fiskaly.com/api/v0';

interface ManagementClientOptions {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  timeoutMs?: number;
  /** Retries of GETs; tests set small delays. */
  retry?: { limit: number; baseDelayMs: number; maxDelayMs: number };
  log?: Logger;
  fetch?: typeof fetch;
}

type Method = 'get' | 'post';

export class ManagementClient {
  readonly #http: KyInstance;
  readonly #options: ManagementClientOptions;
  #token: string | null = null;
  #organizationId: string | null = null;

  constructor(options: ManagementClientOptions) {
    this.#options = options;
    const retry = options.retry ?? { limit: 3, baseDelayMs: 500, maxDelayMs: 5000 };
    this.#http = ky.create({
      prefix: options.baseUrl,
      timeout: options.timeoutMs ?? 15_000,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      retry: {
        limit: retry.limit,
        methods: ['get'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        backoffLimit: retry.maxDelayMs,
        delay: (attempt) => retry.baseDelayMs * 2 ** (attempt - 1),
        jitter: true,
      },
    });
  }

  /** The provider's own organization (from the token), the parent of every managed organization. */
  async authenticate(): Promise<{ organizationId: string }> {
    const auth = await this.#send('post', 'auth', ManagementAuthResponse, null, {
      api_key: this.#options.apiKey,
      api_secret: this.#options.apiSecret,
    });
    this.#token = auth.access_token;
    const organizationId = auth.access_token_claims?.organization_id;
    if (!organizationId) {
      throw new ManagementApiError({
        kind: 'invalid_response',
        status: 200,
        code: 'E_INVALID_RESPONSE',
        message: 'Management-API: die Anmeldung nennt keine Organisation',
        requestId: null,
        method: 'POST',
        path: '/auth',
      });
    }
    this.#organizationId = organizationId;
    return { organizationId };
  }

  get organizationId(): string | null {
    return this.#organizationId;
  }

  async createOrganization(body: NewManagedOrganization): Promise<ManagedOrganization> {
    return this.#authed('post', 'organizations', ManagedOrganization, NewManagedOrganization.parse(body));
  }

  async listOrganizations(): Promise<ManagedOrganization[]> {
    return this.#authed('get', 'organizations', ManagedOrganizationList);
  }

  async createApiKey(organizationId: string, body: NewApiKey): Promise<CreatedApiKey> {
    return this.#authed(
      'post',
      `organizations/${encodeURIComponent(organizationId)}/api-keys`,
      CreatedApiKey,
      NewApiKey.parse(body),
    );
  }

  async #authed<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    json?: unknown,
  ): Promise<z.output<S>> {
    if (this.#token === null) await this.authenticate();
    try {
      return await this.#send(method, path, schema, this.#token, json);
    } catch (error) {
      // One fresh token on a 401, as with SIGN AT: the old one may have expired.
      if (error instanceof ManagementApiError && error.status === 401) {
        await this.authenticate();
        return this.#send(method, path, schema, this.#token, json);
      }
      throw error;
    }
  }

  async #send<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    token: string | null,
    json?: unknown,
  ): Promise<z.output<S>> {
    const where = { method: method.toUpperCase(), path: `/${path}` };
    let body: unknown;
    let requestId: string | null;
    try {
      const response = await this.#http(path, {
        method,
        ...(json === undefined ? {} : { json }),
        headers: token === null ? {} : { authorization: `Bearer ${token}` },
      });
      requestId = response.headers.get('x-request-id');
      body = await response.json();
    } catch (error) {
      throw this.#logged(this.#toError(error, where));
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw this.#logged(
        new ManagementApiError({
          kind: 'invalid_response',
          status: 200,
          code: 'E_INVALID_RESPONSE',
          message: `Unerwartete Antwort der Management-API: ${parsed.error.issues[0]?.message ?? ''}`,
          requestId,
          ...where,
        }),
      );
    }
    return parsed.data;
  }

  #toError(error: unknown, where: { method: string; path: string }): ManagementApiError {
    if (isHTTPError(error)) {
      return new ManagementApiError(httpErrorDetails(error, where, `HTTP ${error.response.status}`));
    }
    const base = { status: null, requestId: null, cause: error, ...where };
    if (isTimeoutError(error)) {
      return new ManagementApiError({
        kind: 'timeout',
        code: 'E_TIMEOUT',
        message: 'Management-API antwortet nicht',
        ...base,
      });
    }
    if (isNetworkError(error) || error instanceof TypeError) {
      return new ManagementApiError({
        kind: 'network',
        code: 'E_NETWORK',
        message: 'Management-API nicht erreichbar',
        ...base,
      });
    }
    return new ManagementApiError({
      kind: 'invalid_response',
      code: 'E_INVALID_RESPONSE',
      message: 'Management-API: Antwort nicht lesbar',
      ...base,
    });
  }

  #logged(error: ManagementApiError): ManagementApiError {
    this.#options.log?.warn('Management-API-Fehler', error.toLogFields());
    return error;
  }
}

export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  return new ManagementClient(options);
}
