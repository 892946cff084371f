// The OpenAPI 3.1 document of POS API v1, generated from the route table and its zod schemas with
// zod's own JSON Schema output (draft 2020-12, which OpenAPI 3.1 uses as is).
import { z } from 'zod';
import { ArticleDeleted, ArticleList, ArticleResource, ArticleWrite } from './article-schemas.ts';
import { codesForStatus } from './error-status.ts';
import { PATH_PARAMETER_DOCS, POS_API_ROUTES } from './pos-api-routes.ts';
import {
  DailyReportResource,
  ErrorResponse,
  ONBOARDING_SCHEMA_PATH,
  OPENAPI_PATH,
  OutageProtocolResource,
  PosApiStatus,
  POS_API_BASE,
  POS_API_VERSION,
  ReceiptCheckRequest,
  ReceiptCheckResource,
  ReceiptCreate,
  ReceiptList,
  ReceiptResource,
} from './pos-api-schemas.ts';

const COMPONENTS = new Map<z.ZodType, { name: string; io: 'input' | 'output' }>([
  [ReceiptCreate, { name: 'ReceiptCreate', io: 'input' }],
  [ReceiptResource, { name: 'Receipt', io: 'output' }],
  [ReceiptList, { name: 'ReceiptList', io: 'output' }],
  [PosApiStatus, { name: 'Status', io: 'output' }],
  [OutageProtocolResource, { name: 'OutageProtocol', io: 'output' }],
  [ReceiptCheckRequest, { name: 'ReceiptCheckRequest', io: 'input' }],
  [ReceiptCheckResource, { name: 'ReceiptCheck', io: 'output' }],
  [ArticleWrite, { name: 'ArticleWrite', io: 'input' }],
  [ArticleResource, { name: 'Article', io: 'output' }],
  [ArticleList, { name: 'ArticleList', io: 'output' }],
  [ArticleDeleted, { name: 'ArticleDeleted', io: 'output' }],
  [DailyReportResource, { name: 'DailyReport', io: 'output' }],
  [ErrorResponse, { name: 'Error', io: 'output' }],
]);

/** Each status in a line; the codes it carries come from the error table (error-status.ts). */
const STATUS_TITLES: Record<number, string> = {
  400: 'kein gültiges JSON',
  401: 'Token fehlt oder ist falsch',
  403: 'fremder Host oder fremde Herkunft (Origin)',
  404: 'unbekannter Pfad, Beleg oder Artikel',
  405: 'Methode nicht erlaubt',
  409: 'widerspricht dem Zustand von Beleg, Kasse oder Artikelliste',
  413: 'Anfrage zu groß',
  422: 'ungültige Werte (field nennt das Feld) oder von SIGN AT abgelehnt',
  429: 'zu viele Anfragen',
  500: 'interner Fehler (Details nur im Protokoll der App)',
  503: 'vorübergehend nicht möglich: später mit derselben id wiederholen',
};

/** Statuses whose answer says when to come back. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12' });
  return rest;
}

function ref(schema: z.ZodType): { $ref: string } {
  const component = COMPONENTS.get(schema);
  if (!component) throw new Error('POS API schema without a component name');
  return { $ref: `#/components/schemas/${component.name}` };
}

function jsonContent(schema: z.ZodType) {
  return { 'application/json': { schema: ref(schema) } };
}

function errorResponse(status: number) {
  const codes = codesForStatus(status).map((code) => `\`${code}\``);
  return {
    description: `${STATUS_TITLES[status] ?? 'Fehler'}. error.code: ${codes.join(', ')}`,
    ...(RETRY_AFTER_STATUSES.has(status)
      ? {
          headers: {
            'Retry-After': {
              description: 'Sekunden bis zum nächsten Versuch',
              schema: { type: 'integer', minimum: 1 },
            },
          },
        }
      : {}),
    content: jsonContent(ErrorResponse),
  };
}

function queryParameters(query: z.ZodObject) {
  const schema = jsonSchemaOf(query, 'input') as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: schema.required?.includes(name) ?? false,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of POS_API_ROUTES) {
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    const parameters = [
      ...params.map((name) => ({
        name,
        in: 'path',
        required: true,
        description: PATH_PARAMETER_DOCS[name] ?? name,
        schema: { type: 'string' },
      })),
      ...(route.query ? queryParameters(route.query) : []),
    ];
    const statuses = new Set<number>([403, 429, 500, ...route.errors]);
    if (route.auth) statuses.add(401);
    if (route.requestBody) [400, 413, 422].forEach((s) => statuses.add(s));
    const responses: Record<string, unknown> = {
      [route.response.status]: {
        description: route.response.description,
        ...(route.response.schema ? { content: jsonContent(route.response.schema) } : {}),
        ...(route.response.contentType
          ? { content: { [route.response.contentType]: { schema: { type: 'string' } } } }
          : {}),
      },
    };
    for (const status of [...statuses].sort((a, b) => a - b)) responses[status] = errorResponse(status);
    const entry = (paths[`${POS_API_BASE}${route.path}`] ??= {});
    entry[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      security: route.auth ? [{ bearer: [] }] : [],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.requestBody
        ? { requestBody: { required: true, content: jsonContent(route.requestBody) } }
        : {}),
      responses,
    };
  }
  const documentRoute = (operationId: string, summary: string, description: string, schema: unknown) => ({
    get: {
      operationId,
      summary,
      security: [],
      responses: {
        200: { description, content: { 'application/json': { schema } } },
        ...Object.fromEntries([403, 404, 429].map((status) => [status, errorResponse(status)])),
      },
    },
  });
  paths[OPENAPI_PATH] = documentRoute('getOpenApiDocument', 'Dieses Dokument', 'OpenAPI 3.1', {
    type: 'object',
  });
  paths[ONBOARDING_SCHEMA_PATH] = documentRoute(
    'getOnboardingSchema',
    'JSON Schema der Einrichtungsdatei (--onboard setup.json)',
    'JSON Schema (draft 2020-12) der Datei, aus demselben Schema, mit dem die App sie prüft',
    { type: 'object' },
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kassen-Companion POS API',
      version: POS_API_VERSION,
      description:
        'Lokale Schnittstelle für bestehende Kassensoftware: Verkäufe signieren (RKSV, fiskaly SIGN AT), ' +
        'drucken und den signierten Beleg zurückbekommen. Beträge sind Dezimalzahlen als Text ("3.50"). ' +
        'v1 wird nur erweitert (neue Felder, neue Fehlercodes, neue Werte wie Belegzustände), nie umbenannt: ' +
        'unbekannte Felder und Codes ignorieren, einen unbekannten Belegzustand wie einen nicht signierten ' +
        'Beleg behandeln. 503 heißt immer "vorübergehend, später wiederholen"; ein bleibender Zustand ist ein ' +
        '4xx mit eigenem Code (Tabelle bei Error.code). 1.2: Belegzustand signature_failed (SIGN AT ' +
        'signed:false), Felder offline_number und issued_at (Nacherfassung), GET /outages (Ausfallprotokoll). ' +
        '1.5: die Artikelliste (/articles: lesen, suchen, per EAN oder PLU finden, anlegen, ersetzen, löschen). ' +
        '1.8: GET /reports/daily (Tagesbericht) und GET /reports/receipts.csv (Export für den Steuerberater).',
      license: { name: 'Proprietär', identifier: 'LicenseRef-Kassen-Companion' },
    },
    servers: [
      {
        url: 'http://127.0.0.1:8420',
        description: 'diese Kasse (Standard-Port; der Dienst kann mit --port einen anderen haben)',
      },
    ],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries(
        [...COMPONENTS].map(([schema, { name, io }]) => [name, jsonSchemaOf(schema, io)]),
      ),
    },
  };
}
