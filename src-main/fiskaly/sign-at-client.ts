// The SIGN AT v1 client: the one code path for LIVE, TEST and the demo emulator.
// - auth: one shared token, renewed shortly before expiry, and one fresh authentication on a 401;
// - retries with exponential backoff and full jitter on network errors, timeouts, 429 and 5xx, but
//   only for PUT and GET, which SIGN AT treats as idempotent (a receipt PUT with the same id and body
//   is signed once). PATCH and POST are never repeated behind the caller's back;
// - every answer is parsed tolerantly and its `_env` checked, so TEST and LIVE can never be mixed up.
import ky, {
  HTTPError,
  isHTTPError,
  isNetworkError,
  isTimeoutError,
  type KyInstance,
  type KyResponse,
} from 'ky';
import type { z } from 'zod';
import type { Logger } from '../host/app-host.ts';
import { createAccessTokenSource, type AccessTokenSource } from './access-token.ts';
import { fetchSend, nodeHttpSend, type DirectSend } from './direct-request.ts';
import { httpErrorDetails, responseErrorDetails } from './fiskaly-api-error.ts';
import { SignAtError } from './sign-at-error.ts';
import {
  AuthResponse,
  CashRegister,
  CashRegisterList,
  DepExport,
  FonAuthResponse,
  ReceiptList,
  ReceiptValidation,
  SignatureCreationUnit,
  SignedReceipt,
  type SignAtEnv,
} from './sign-at-resources.ts';
import {
  CreateCashRegisterBody,
  CreateScuBody,
  FonCredentials,
  SignReceiptBody,
  type DepExportQuery,
  type ListReceiptsQuery,
} from './sign-at-requests.ts';
import { waitForState, type WaitOptions } from './wait-for-state.ts';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  limit: number;
  /** First backoff; doubles per retry, then full jitter picks a delay between 0 and it. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface SignAtClientOptions {
  /** e.g. https://rksv.fiskaly.com/api/v1 or the emulator's http://127.0.0.1:port/api/v1 */
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /**
   * The environment the merchant chose. Every answer must carry it; without it, the environment of
   * the first token is taken and every later answer must match that.
   */
  expectedEnv?: SignAtEnv;
  retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  refreshMarginSeconds?: number;
  now?: () => number;
  log?: Logger;
  /** Every request through this fetch (tests, fault injection); the direct PUT too. */
  fetch?: typeof fetch;
}

interface CallOptions {
  signal?: AbortSignal;
  /** Overall bound including retries; the call fails with kind 'timeout' when it passes. */
  totalTimeoutMs?: number;
  /** Per-attempt timeout for this call (e.g. longer for a DEP export). */
  timeoutMs?: number;
}

const DEFAULT_RETRY: RetryPolicy = { limit: 4, baseDelayMs: 300, maxDelayMs: 5000 };

type Method = 'get' | 'put' | 'patch' | 'post';

interface RequestSpec<S extends z.ZodType> {
  method: Method;
  path: string;
  json?: unknown;
  /** A JSON body already serialized, sent as is. */
  bodyText?: string;
  searchParams?: Array<[string, string]>;
  schema: S;
  auth: boolean;
  call?: CallOptions;
  /** The first attempt without ky (see #sendDirect); only for idempotent `bodyText` PUTs. */
  direct?: boolean;
}

/** The direct attempt got no usable answer: the request goes the usual way. */
const NO_ANSWER = Symbol('no answer');

const RETRYABLE_METHODS: readonly Method[] = ['get', 'put'];
/** Answers ky retries (after Retry-After where given); any other status is SIGN AT's last word. */
const RETRYABLE_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];
const SCU_DEAD = ['DECOMMISSIONED', 'DEFECTIVE'];
const REGISTER_DEAD = ['DECOMMISSIONED', 'DEFECTIVE'];

function id(value: string): string {
  return encodeURIComponent(value);
}

export class SignAtClient {
  readonly #http: KyInstance;
  readonly #tokens: AccessTokenSource;
  readonly #options: SignAtClientOptions;
  /** The transport of the sale's direct PUT: node:http, or the injected fetch where there is one. */
  readonly #direct: DirectSend;
  #env: SignAtEnv | null;
  #organizationId: string | null = null;

  constructor(options: SignAtClientOptions) {
    this.#options = options;
    this.#env = options.expectedEnv ?? null;
    this.#direct = options.fetch ? fetchSend(options.fetch) : nodeHttpSend();
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#http = ky.create({
      prefix: options.baseUrl,
      timeout: options.timeoutMs ?? 10_000,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      retry: {
        limit: retry.limit,
        methods: [...RETRYABLE_METHODS],
        statusCodes: [...RETRYABLE_STATUSES],
        afterStatusCodes: [429, 503],
        maxRetryAfter: retry.maxDelayMs,
        backoffLimit: retry.maxDelayMs,
        delay: (attempt) => retry.baseDelayMs * 2 ** (attempt - 1),
        jitter: true,
        retryOnTimeout: true,
      },
    });
    this.#tokens = createAccessTokenSource({
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      refreshMarginSeconds: options.refreshMarginSeconds ?? 60,
      now: options.now ?? Date.now,
      authenticate: (body) =>
        this.#request({ method: 'post', path: 'auth', json: body, schema: AuthResponse, auth: false }),
      onRenewed: (via, auth) => {
        this.#organizationId = auth.access_token_claims?.organization_id ?? this.#organizationId;
        this.#checkEnv(auth.access_token_claims?.env, 'post', 'auth', null);
        options.log?.info('SIGN AT: Zugang erneuert', { via, env: auth.access_token_claims?.env });
      },
    });
  }

  /** TEST or LIVE, from the configured expectation or the first token; null before any call. */
  get environment(): SignAtEnv | null {
    return this.#env;
  }

  get organizationId(): string | null {
    return this.#organizationId;
  }

  /** Authenticates now (e.g. to check credentials during setup) and returns the environment. */
  async authenticate(): Promise<SignAtEnv | null> {
    await this.#tokens.current();
    return this.#env;
  }

  async putFonAuth(credentials: FonCredentials) {
    return this.#request({
      method: 'put',
      path: 'fon/auth',
      json: FonCredentials.parse(credentials),
      schema: FonAuthResponse,
      auth: true,
    });
  }

  async getFonAuth() {
    return this.#request({ method: 'get', path: 'fon/auth', schema: FonAuthResponse, auth: true });
  }

  async putScu(scuId: string, body: CreateScuBody) {
    return this.#request({
      method: 'put',
      path: `signature-creation-unit/${id(scuId)}`,
      json: CreateScuBody.parse(body),
      schema: SignatureCreationUnit,
      auth: true,
    });
  }

  async getScu(scuId: string) {
    return this.#request({
      method: 'get',
      path: `signature-creation-unit/${id(scuId)}`,
      schema: SignatureCreationUnit,
      auth: true,
    });
  }

  async patchScu(scuId: string, state: 'INITIALIZED' | 'DECOMMISSIONED') {
    return this.#request({
      method: 'patch',
      path: `signature-creation-unit/${id(scuId)}`,
      json: { state },
      schema: SignatureCreationUnit,
      auth: true,
    });
  }

  async waitForScuState(scuId: string, targets: readonly string[], options: WaitOptions = {}) {
    return waitForState(
      { method: 'get', path: `signature-creation-unit/${scuId}` },
      () => this.getScu(scuId),
      targets,
      SCU_DEAD.filter((s) => !targets.includes(s)),
      options,
    );
  }

  async putCashRegister(registerId: string, body: CreateCashRegisterBody) {
    return this.#request({
      method: 'put',
      path: `cash-register/${id(registerId)}`,
      json: CreateCashRegisterBody.parse(body),
      schema: CashRegister,
      auth: true,
    });
  }

  async getCashRegister(registerId: string) {
    return this.#request({
      method: 'get',
      path: `cash-register/${id(registerId)}`,
      schema: CashRegister,
      auth: true,
    });
  }

  /** The organization's cash registers, a page at a time (`limit`, `offset`). */
  async listCashRegisters(page: { limit?: number; offset?: number } = {}, call?: CallOptions) {
    const params: Array<[string, string]> = [];
    if (page.limit !== undefined) params.push(['limit', String(page.limit)]);
    if (page.offset !== undefined) params.push(['offset', String(page.offset)]);
    return this.#request({
      method: 'get',
      path: 'cash-register',
      searchParams: params,
      schema: CashRegisterList,
      auth: true,
      ...(call ? { call } : {}),
    });
  }

  async patchCashRegister(
    registerId: string,
    state: 'REGISTERED' | 'INITIALIZED' | 'OUTAGE' | 'DECOMMISSIONED' | 'DEFECTIVE',
  ) {
    return this.#request({
      method: 'patch',
      path: `cash-register/${id(registerId)}`,
      json: { state },
      schema: CashRegister,
      auth: true,
    });
  }

  async waitForCashRegisterState(registerId: string, targets: readonly string[], options: WaitOptions = {}) {
    return waitForState(
      { method: 'get', path: `cash-register/${registerId}` },
      () => this.getCashRegister(registerId),
      targets,
      REGISTER_DEAD.filter((s) => !targets.includes(s)),
      options,
    );
  }

  /**
   * Signs (or, for an id SIGN AT already signed, returns) a receipt. Safe to repeat with the same id
   * and the same body. A 200 with `signed: false` is a result, not an error: the caller prints
   * "Sicherheitseinrichtung ausgefallen".
   */
  async signReceipt(
    registerId: string,
    receiptId: string,
    body: SignReceiptBody | string,
    call?: CallOptions,
  ) {
    // A stored body is sent byte for byte: SIGN AT promises idempotency for "the same request body",
    // so a retry after a restart must not even change the key order.
    const text = typeof body === 'string' ? body : JSON.stringify(SignReceiptBody.parse(body));
    if (typeof body === 'string') SignReceiptBody.parse(JSON.parse(body));
    return this.#request({
      method: 'put',
      path: `cash-register/${id(registerId)}/receipt/${id(receiptId)}`,
      bodyText: text,
      schema: SignedReceipt,
      auth: true,
      direct: true,
      ...(call ? { call } : {}),
    });
  }

  async getReceipt(registerId: string, receiptId: string, call?: CallOptions) {
    return this.#request({
      method: 'get',
      path: `cash-register/${id(registerId)}/receipt/${id(receiptId)}`,
      schema: SignedReceipt,
      auth: true,
      ...(call ? { call } : {}),
    });
  }

  async listReceipts(registerId: string, query: ListReceiptsQuery = {}, call?: CallOptions) {
    const params: Array<[string, string]> = [];
    for (const type of query.receiptTypes ?? []) params.push(['receipt_types[]', type]);
    if (query.orderBy) params.push(['order_by', query.orderBy]);
    if (query.order) params.push(['order', query.order]);
    if (query.limit !== undefined) params.push(['limit', String(query.limit)]);
    if (query.offset !== undefined) params.push(['offset', String(query.offset)]);
    return this.#request({
      method: 'get',
      path: `cash-register/${id(registerId)}/receipt`,
      searchParams: params,
      schema: ReceiptList,
      auth: true,
      ...(call ? { call } : {}),
    });
  }

  /** FinanzOnline check of a receipt (required for the start and yearly receipts). */
  async validateReceipt(registerId: string, receiptId: string) {
    return this.#request({
      method: 'post',
      path: `cash-register/${id(registerId)}/receipt/${id(receiptId)}/validation`,
      json: {},
      schema: ReceiptValidation,
      auth: true,
    });
  }

  /** The RKSV data record (DEP7); synchronous and possibly large, so give it a longer timeout. */
  async exportDep(registerId: string, query: DepExportQuery = {}, call?: CallOptions) {
    const params: Array<[string, string]> = [];
    if (query.startReceiptNumber !== undefined)
      params.push(['start_receipt_number', String(query.startReceiptNumber)]);
    if (query.endReceiptNumber !== undefined)
      params.push(['end_receipt_number', String(query.endReceiptNumber)]);
    if (query.startTimeSignature !== undefined)
      params.push(['start_time_signature', String(query.startTimeSignature)]);
    if (query.endTimeSignature !== undefined)
      params.push(['end_time_signature', String(query.endTimeSignature)]);
    return this.#request({
      method: 'get',
      path: `cash-register/${id(registerId)}/export`,
      searchParams: params,
      schema: DepExport,
      auth: true,
      call: { timeoutMs: 120_000, ...call },
    });
  }

  async #request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>> {
    const token = spec.auth ? await this.#tokens.current() : null;
    try {
      return await this.#send(spec, token);
    } catch (error) {
      // One fresh authentication on a 401: the token may have been revoked before its expiry.
      if (token !== null && error instanceof SignAtError && error.status === 401) {
        this.#tokens.invalidate(token);
        return this.#send(spec, await this.#tokens.current());
      }
      throw error;
    }
  }

  /**
   * The sale's PUT is the request the cashier waits for on every sale, so its first attempt goes out
   * directly, over node:http (direct-request.ts): ky builds a Request, clones (tees) its body for retries
   * and wraps the answer, and fetch itself adds its WHATWG layer, all of it paid on every sale. A 2xx
   * JSON answer is taken from here, and so is an error status that ky would not retry either (a 4xx
   * about the request): it becomes the same SignAtError. Anything else
   * (a status ky retries, a dropped connection, a timeout) sends the request again through ky, which
   * retries, honours Retry-After and reports as for every other call. That is safe for what uses it
   * only: a PUT of a stored body under a fixed id, which SIGN AT answers alike however often it comes.
   */
  async #sendDirect(
    spec: RequestSpec<z.ZodType>,
    token: string | null,
    call: CallOptions,
    where: { method: string; path: string },
  ): Promise<{ body: unknown; requestId: string | null } | typeof NO_ANSWER> {
    if (call.signal?.aborted) return NO_ANSWER;
    const timeoutMs = Math.min(
      call.timeoutMs ?? this.#options.timeoutMs ?? 10_000,
      call.totalTimeoutMs ?? Number.POSITIVE_INFINITY,
    );
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const answer = await this.#direct(`${this.#options.baseUrl.replace(/\/+$/, '')}/${spec.path}`, {
        method: spec.method.toUpperCase(),
        body: spec.bodyText ?? null,
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          'content-type': 'application/json',
        },
        signal: call.signal ? AbortSignal.any([call.signal, timeout]) : timeout,
      });
      if (answer.status >= 200 && answer.status < 300) {
        // A 2xx that is no JSON throws here: the request goes through ky, which reports it.
        return { body: JSON.parse(answer.body) as unknown, requestId: answer.headers.get('x-request-id') };
      }
      if (RETRYABLE_STATUSES.includes(answer.status)) {
        this.#options.log?.info('SIGN AT: erneuter Versuch über ky', { status: answer.status, ...where });
        return NO_ANSWER;
      }
      const fallback = answer.statusText || `HTTP ${answer.status}`;
      throw this.#logged(
        new SignAtError(responseErrorDetails(answer, jsonOrUndefined(answer.body), where, fallback)),
      );
    } catch (error) {
      if (error instanceof SignAtError) throw error;
      return NO_ANSWER;
    }
  }

  async #send<S extends z.ZodType>(spec: RequestSpec<S>, token: string | null): Promise<z.output<S>> {
    const where = { method: spec.method.toUpperCase(), path: `/${spec.path}` };
    const startedMs = Date.now();
    const direct = spec.direct ? await this.#sendDirect(spec, token, spec.call ?? {}, where) : NO_ANSWER;
    if (direct !== NO_ANSWER) return this.#checked(spec, direct.body, direct.requestId, where);
    const call = { ...spec.call };
    if (spec.direct && call.totalTimeoutMs !== undefined) {
      // The direct attempt spent part of the caller's bound.
      call.totalTimeoutMs = Math.max(1, call.totalTimeoutMs - (Date.now() - startedMs));
    }
    let body: unknown;
    let response: KyResponse;
    try {
      response = await this.#http(spec.path, {
        method: spec.method,
        ...(spec.json === undefined ? {} : { json: spec.json }),
        ...(spec.bodyText === undefined ? {} : { body: spec.bodyText }),
        ...(spec.searchParams && spec.searchParams.length > 0 ? { searchParams: spec.searchParams } : {}),
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(spec.bodyText === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(call.signal ? { signal: call.signal } : {}),
        ...(call.timeoutMs === undefined ? {} : { timeout: call.timeoutMs }),
        ...(call.totalTimeoutMs === undefined ? {} : { totalTimeout: call.totalTimeoutMs }),
      });
      body = await response.json();
    } catch (error) {
      throw this.#toSignAtError(error, where, call.signal);
    }
    return this.#checked(spec, body, response.headers.get('x-request-id'), where);
  }

  /** SIGN AT's answer against the environment it must come from and the resource's schema. */
  #checked<S extends z.ZodType>(
    spec: RequestSpec<S>,
    body: unknown,
    requestId: string | null,
    where: { method: string; path: string },
  ): z.output<S> {
    const env = body && typeof body === 'object' && '_env' in body ? body._env : undefined;
    this.#checkEnv(env, where.method, where.path, requestId);
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.#logged(
        new SignAtError({
          kind: 'invalid_response',
          status: 200,
          code: 'E_INVALID_RESPONSE',
          message: `Unerwartete Antwort von SIGN AT: ${issue ? `${issue.path.join('.')}: ${issue.message}` : ''}`,
          requestId,
          ...where,
        }),
      );
    }
    return parsed.data;
  }

  #checkEnv(env: unknown, method: string, path: string, requestId: string | null): void {
    if (typeof env !== 'string') return;
    if (env !== 'TEST' && env !== 'LIVE') return;
    if (this.#env === null) {
      this.#env = env;
      return;
    }
    if (env !== this.#env) {
      throw this.#logged(
        new SignAtError({
          kind: 'environment_mismatch',
          status: null,
          code: 'E_ENVIRONMENT_MISMATCH',
          message: `SIGN AT antwortet aus ${env}, eingerichtet ist ${this.#env}`,
          requestId,
          method,
          path,
        }),
      );
    }
  }

  #toSignAtError(error: unknown, where: { method: string; path: string }, signal?: AbortSignal): SignAtError {
    if (error instanceof SignAtError) return error;
    if (isHTTPError(error)) return this.#logged(this.#fromHttpError(error, where));
    const base = { status: null, requestId: null, cause: error, ...where };
    if (signal?.aborted) {
      return new SignAtError({ kind: 'aborted', code: 'E_ABORTED', message: 'abgebrochen', ...base });
    }
    if (isTimeoutError(error) || (error instanceof Error && error.name === 'TimeoutError')) {
      return this.#logged(
        new SignAtError({ kind: 'timeout', code: 'E_TIMEOUT', message: 'SIGN AT antwortet nicht', ...base }),
      );
    }
    if (isNetworkError(error) || error instanceof TypeError) {
      return this.#logged(
        new SignAtError({ kind: 'network', code: 'E_NETWORK', message: 'SIGN AT nicht erreichbar', ...base }),
      );
    }
    if (error instanceof SyntaxError) {
      return this.#logged(
        new SignAtError({
          kind: 'invalid_response',
          code: 'E_INVALID_RESPONSE',
          message: 'SIGN AT-Antwort ist kein JSON',
          ...base,
        }),
      );
    }
    return this.#logged(
      new SignAtError({
        kind: 'network',
        code: 'E_NETWORK',
        message: error instanceof Error ? error.message : 'SIGN AT nicht erreichbar',
        ...base,
      }),
    );
  }

  #fromHttpError(error: HTTPError, where: { method: string; path: string }): SignAtError {
    const fallback = error.response.statusText ?? `HTTP ${error.response.status}`;
    return new SignAtError(httpErrorDetails(error, where, fallback));
  }

  #logged(error: SignAtError): SignAtError {
    this.#options.log?.warn('SIGN AT-Fehler', error.toLogFields());
    return error;
  }
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function createSignAtClient(options: SignAtClientOptions): SignAtClient {
  return new SignAtClient(options);
}
