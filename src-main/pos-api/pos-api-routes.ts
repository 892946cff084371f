// POS API v1, one entry per route. The same table drives request handling (pos-api-handler.ts) and the
// OpenAPI document (openapi-document.ts), so a route cannot exist without being documented or vice versa.
import { z } from 'zod';
import type {
  OperationInput,
  OperationName,
  OperationOutput,
  ShellOperationName,
} from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { ARTICLE_ID, ARTICLE_ROUTES } from './article-routes.ts';
import {
  dailyReportResource,
  outageProtocolResource,
  receiptCheckResource,
  receiptResource,
  saleDraftFromRequest,
  statusResource,
} from './pos-api-mapping.ts';
import {
  DailyReportQueryParams,
  DailyReportResource,
  OutageProtocolQueryParams,
  OutageProtocolResource,
  PosApiStatus,
  ReceiptCheckRequest,
  ReceiptCheckResource,
  ReceiptCreate,
  ReceiptList,
  ReceiptListQuery,
  ReceiptResource,
  ReceiptsCsvQueryParams,
} from './pos-api-schemas.ts';

/**
 * What a route may call: any operation but the shell's. Those answer about the POS API itself (its
 * token, whether it is on) and the desktop window; a holder of the POS API token must not read the token
 * back, replace it (and lock the merchant's till software out) or switch the API off. They stay with the
 * till UI, over IPC or the bridge, which takes a token of its own.
 */
type RouteOperation = Exclude<OperationName, ShellOperationName>;

export interface RouteContext {
  params: Record<string, string>;
  /** The request body, already parsed by the route's `requestBody` schema. */
  body: unknown;
  /** The query string, already parsed by the route's `query` schema. */
  query: unknown;
  /** Calls a contract operation through dispatchOperation; failures come back as thrown PosErrors. */
  call<K extends RouteOperation>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
}

export interface RouteResult {
  status: number;
  /** JSON, unless `file` is given. */
  body: unknown;
  /** A file answered as it is (the route's `response.contentType`), offered for download as `name`. */
  file?: { name: string; text: string };
}

export interface PosApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below /api/v1, OpenAPI template syntax: `/receipts/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  auth: boolean;
  requestBody?: z.ZodType;
  /** Query parameters as one object schema; each property becomes a documented parameter. */
  query?: z.ZodObject;
  response: {
    status: number;
    description: string;
    schema: z.ZodType | null;
    /** A route that answers with a file instead of JSON (then `schema` is null). */
    contentType?: 'text/csv';
  };
  /** Error statuses this route can answer with besides 401/413/429, for the document. */
  errors: readonly number[];
  handle(ctx: RouteContext): Promise<RouteResult>;
}

const RECEIPT_ID = { name: 'id', description: 'Beleg-id (UUID)' } as const;

/** A rejected receipt is journaled but not valid: the client must not hand it out as if it were signed. */
function receiptAnswer(receipt: OperationOutput<'getReceipt'>, status: number): RouteResult {
  return { status, body: ReceiptResource.parse(receiptResource(receipt)) };
}

/** A new receipt SIGN AT refused is an error to the caller; one read from the journal is not. */
function answerWithReceipt(receipt: OperationOutput<'getReceipt'>, status: number): RouteResult {
  if (receipt.state === 'rejected') {
    throw new PosError('rejected_by_sign_at', receipt.error?.message ?? 'SIGN AT hat den Beleg abgelehnt');
  }
  return receiptAnswer(receipt, status);
}

export const POS_API_ROUTES: readonly PosApiRoute[] = [
  {
    method: 'POST',
    path: '/receipts',
    operationId: 'createReceipt',
    summary:
      'Beleg signieren (und drucken). Auch ein Offline-Beleg ("Sicherheitseinrichtung ausgefallen") ist 201.',
    auth: true,
    requestBody: ReceiptCreate,
    response: {
      status: 201,
      description: 'signierter oder offline ausgegebener Beleg',
      schema: ReceiptResource,
    },
    errors: [400, 404, 409, 422, 503],
    async handle(ctx) {
      const body = ctx.body as z.output<typeof ReceiptCreate>;
      const receipt = await ctx.call('signSale', saleDraftFromRequest(body));
      return answerWithReceipt(receipt, 201);
    },
  },
  {
    method: 'POST',
    path: '/receipts/check',
    operationId: 'checkReceipt',
    summary:
      'Belegprüfung: den Code eines QR-Codes (gescannt oder eingefügt) lesen, seine Signatur prüfen und ihn ' +
      'im Journal suchen. Auch ein gefälschter oder unlesbarer Code ist 200, mit verdict.',
    auth: true,
    requestBody: ReceiptCheckRequest,
    response: { status: 200, description: 'das Ergebnis der Prüfung', schema: ReceiptCheckResource },
    errors: [422],
    async handle(ctx) {
      const body = ctx.body as ReceiptCheckRequest;
      const check = await ctx.call('checkReceiptCode', {
        qrCodeData: body.qr_code_data,
        ...(body.crypto_path === undefined ? {} : { cryptoPath: body.crypto_path }),
      });
      return { status: 200, body: ReceiptCheckResource.parse(receiptCheckResource(check)) };
    },
  },
  {
    method: 'GET',
    path: '/receipts/{id}',
    operationId: 'getReceipt',
    summary: 'Einen Beleg aus dem Journal lesen',
    auth: true,
    response: { status: 200, description: 'der Beleg', schema: ReceiptResource },
    errors: [404, 422],
    async handle(ctx) {
      const receipt = await ctx.call('getReceipt', { id: ctx.params[RECEIPT_ID.name] ?? '' });
      return receiptAnswer(receipt, 200);
    },
  },
  {
    method: 'GET',
    path: '/receipts',
    operationId: 'listReceipts',
    summary: 'Belege aus dem Journal, neueste zuerst, seitenweise',
    auth: true,
    query: ReceiptListQuery,
    response: { status: 200, description: 'eine Seite Belege', schema: ReceiptList },
    errors: [422],
    async handle(ctx) {
      const query = ctx.query as z.output<typeof ReceiptListQuery>;
      const page = await ctx.call('searchJournal', {
        limit: query.limit,
        ...(query.from === undefined ? {} : { from: query.from }),
        ...(query.to === undefined ? {} : { to: query.to }),
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      });
      return {
        status: 200,
        body: ReceiptList.parse({ receipts: page.items.map(receiptResource), next_cursor: page.nextCursor }),
      };
    },
  },
  {
    method: 'POST',
    path: '/receipts/{id}/reprint',
    operationId: 'reprintReceipt',
    summary: 'Beleg nochmals drucken, als DUPLIKAT; er wird nie ein zweites Mal signiert',
    auth: true,
    response: { status: 200, description: 'der Beleg, wie gedruckt', schema: ReceiptResource },
    errors: [404, 422, 503],
    async handle(ctx) {
      const receipt = await ctx.call('reprintReceipt', { id: ctx.params[RECEIPT_ID.name] ?? '' });
      return receiptAnswer(receipt, 200);
    },
  },
  {
    method: 'GET',
    path: '/status',
    operationId: 'getStatus',
    summary: 'Umgebung, Kasse, Signatur- und Druckerzustand, Warteschlange, Ausfalluhr',
    auth: true,
    response: { status: 200, description: 'der Zustand', schema: PosApiStatus },
    errors: [],
    async handle(ctx) {
      return { status: 200, body: PosApiStatus.parse(statusResource(await ctx.call('status', undefined))) };
    },
  },
  {
    method: 'GET',
    path: '/outages',
    operationId: 'getOutageProtocol',
    summary:
      'Ausfallprotokoll: jeder Ausfall der Signatur mit Beginn, Ende, den ohne Signatur ausgegebenen Belegen ' +
      '(offline_number → receipt_number), dem Sammelbeleg und ob er FinanzOnline zu melden war',
    auth: true,
    query: OutageProtocolQueryParams,
    response: { status: 200, description: 'das Ausfallprotokoll', schema: OutageProtocolResource },
    errors: [409, 422],
    async handle(ctx) {
      const query = ctx.query as z.output<typeof OutageProtocolQueryParams>;
      const protocol = await ctx.call(
        'outageProtocol',
        query.cash_register_id === undefined ? undefined : { cashRegisterId: query.cash_register_id },
      );
      return { status: 200, body: OutageProtocolResource.parse(outageProtocolResource(protocol)) };
    },
  },
  ...ARTICLE_ROUTES,
  {
    method: 'GET',
    path: '/reports/daily',
    operationId: 'getDailyReport',
    summary:
      'Tagesbericht (X) eines Kalendertags: Belege, Belegnummern, Netto/USt/Brutto je Satz, Zahlungsarten, ' +
      'Stornos, Trainingsbelege; dieselben Zahlen wie der Tagesbericht in der App',
    auth: true,
    query: DailyReportQueryParams,
    response: { status: 200, description: 'der Tagesbericht', schema: DailyReportResource },
    errors: [409, 422],
    async handle(ctx) {
      const query = ctx.query as z.output<typeof DailyReportQueryParams>;
      const report = await ctx.call('dayReport', query.date === undefined ? undefined : { date: query.date });
      return { status: 200, body: DailyReportResource.parse(dailyReportResource(report)) };
    },
  },
  {
    method: 'GET',
    path: '/reports/receipts.csv',
    operationId: 'getReceiptsCsv',
    summary:
      'Belege eines Zeitraums für den Steuerberater (from bis to, beide inklusive, höchstens 366 Tage): ' +
      'eine Zeile je Beleg und USt-Satz, Feldnamen des BMD-Buchungsimports, UTF-8 mit BOM, Semikolon, ' +
      'Dezimalkomma (Spalten im README)',
    auth: true,
    query: ReceiptsCsvQueryParams,
    response: {
      status: 200,
      description: 'die CSV-Datei (text/csv; charset=utf-8)',
      schema: null,
      contentType: 'text/csv',
    },
    errors: [409, 422],
    async handle(ctx) {
      const range = ctx.query as z.output<typeof ReceiptsCsvQueryParams>;
      const file = await ctx.call('exportReceiptsCsv', range);
      return {
        status: 200,
        body: null,
        file: { name: file.fileName, text: Buffer.from(file.base64, 'base64').toString('utf8') },
      };
    },
  },
];

export const PATH_PARAMETER_DOCS: Record<string, string> = {
  [RECEIPT_ID.name]: RECEIPT_ID.description,
  [ARTICLE_ID.name]: ARTICLE_ID.description,
};
