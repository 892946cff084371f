// The external shapes of POS API v1: snake_case JSON, money and quantities as decimal strings.
// These zod schemas are the single source for validation, for the mapping to the contract and for the
// served OpenAPI document, so what the docs promise is what the server checks and sends.
import { z } from 'zod';
import {
  PAYMENT_TYPES,
  QuantityString,
  RECEIPT_KINDS,
  EuroString,
  MAX_LINES,
} from '../../src-shared/sale-draft.ts';
import {
  ALL_RECEIPT_KINDS,
  CODE_CHECK_STATES,
  ENVIRONMENTS,
  RECEIPT_STATES,
} from '../../src-shared/receipt.ts';
import { SETUP_STATES } from '../../src-shared/status.ts';
import { printableText } from '../../src-shared/text-field.ts';
import { VAT_RATES } from '../../src-shared/vat.ts';
import { POS_ERROR_CODES } from '../../src-shared/pos-error.ts';
import { POS_API_ERROR_CODES } from './error-status.ts';

export const POS_API_BASE = '/api/v1';
export const OPENAPI_PATH = `${POS_API_BASE}/openapi.json`;
/** v1 only grows (fields, codes); the minor version counts what was added (README: POS API changes). */
export const POS_API_VERSION = '1.2.0';

/** What the API sends for money: always two decimals, a point, no grouping ("1234.50", "-3.00"). */
const AmountOut = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ description: 'Betrag in Euro als Dezimalzahl mit Punkt', examples: ['3.50'] });
const AmountIn = EuroString.meta({
  description: 'Bruttobetrag in Euro, Dezimalzahl mit höchstens 2 Nachkommastellen',
  examples: ['3.50'],
});
const VatRate = z
  .enum(VAT_RATES)
  .meta({ description: 'USt-Satz in Prozent; 4.9 erst für Umsätze ab 1. Juli 2026 (sonst 422)' });
const IsoTime = z.iso.datetime({ offset: true });

export const ReceiptItemIn = z.strictObject({
  text: printableText(120),
  quantity: QuantityString.meta({
    description: 'Menge, Dezimalzahl mit höchstens 3 Nachkommastellen',
    examples: ['1', '0.25'],
  }),
  unit_price: AmountIn,
  vat_rate: VatRate,
});

export const PaymentIn = z.strictObject({ type: z.enum(PAYMENT_TYPES), amount: AmountIn });

export const ReceiptCreate = z.strictObject({
  id: z.uuid().optional().meta({
    description: 'Idempotenz: dieselbe id liefert denselben Beleg und signiert nie ein zweites Mal',
  }),
  type: z.enum(RECEIPT_KINDS),
  items: z.array(ReceiptItemIn).max(MAX_LINES).default([]),
  payments: z.array(PaymentIn).max(10).default([]).meta({
    description:
      'Zahlungen (CASH bar, NON_CASH Karte u. Ä.); bar darf mehr als die Summe sein (Rückgeld). Fehlt payments, wird keine Zahlung erfasst und keine erfunden: der Beleg zeigt keine Zahlungszeile und SIGN AT bekommt nur die fünf Beträge ohne Aufteilung nach Zahlungsart (raw). Eine Kartenzahlung daher immer als NON_CASH angeben.',
  }),
  cancels: z.uuid().optional().meta({ description: 'Bei CANCELLATION: id des stornierten Belegs' }),
  // The app prints every receipt as its printer settings say (RKSV: a receipt is always handed out), so
  // only `true` is accepted: a client asking not to print gets a clear 422, not a silent print.
  print: z
    .literal(true)
    .optional()
    .meta({ description: 'Beleg drucken; es wird immer gemäß Druckereinstellung der App gedruckt' }),
});
export type ReceiptCreate = z.output<typeof ReceiptCreate>;

export const ReceiptListQuery = z.strictObject({
  from: IsoTime.optional().meta({ description: 'ab diesem Zeitpunkt (inklusive), ISO 8601 mit Zeitzone' }),
  to: IsoTime.optional().meta({ description: 'bis zu diesem Zeitpunkt (exklusive)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(40).optional().meta({ description: 'next_cursor der vorigen Seite' }),
});

export const ReceiptResource = z.object({
  id: z.uuid(),
  type: z.enum(ALL_RECEIPT_KINDS),
  state: z.enum(RECEIPT_STATES),
  signed: z.boolean().meta({ description: 'false: "Sicherheitseinrichtung ausgefallen"' }),
  environment: z.enum(ENVIRONMENTS),
  receipt_number: z.string().nullable(),
  cash_register_serial_number: z.string().meta({ description: 'Kassen-ID' }),
  created_at: IsoTime,
  time_signature: IsoTime.nullable(),
  qr_code_data: z
    .string()
    .nullable()
    .meta({ description: 'Maschinenlesbarer Code (_R1-AT…) für den QR-Code' }),
  items: z.array(
    z.object({
      text: z.string(),
      quantity: z.string(),
      unit_price: AmountOut,
      amount: AmountOut,
      vat_rate: VatRate,
    }),
  ),
  totals_per_rate: z.array(z.object({ vat_rate: VatRate, gross: AmountOut, net: AmountOut, vat: AmountOut })),
  total: AmountOut,
  payments: z.array(z.object({ type: z.enum(PAYMENT_TYPES), amount: AmountOut })),
  change: AmountOut,
  cancels: z.uuid().nullable(),
  cancelled_by: z.uuid().nullable(),
  hints: z.array(z.string()).meta({
    description:
      'Hinweise von SIGN AT; passt der QR-Code nicht zum Beleg (code_check.state "mismatch"), steht als erster Hinweis, was zu tun ist',
  }),
  printed: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  code_check: z
    .object({
      state: z.enum(CODE_CHECK_STATES).meta({
        description:
          'ok: QR-Code passt zum Beleg. mismatch: QR-Code von SIGN AT passt nicht (Beträge, Belegnummer, Datum, Kassen-ID oder Signatur); der Beleg wird nicht gedruckt und ist zu stornieren und neu zu bonieren. unverified: alles passt, die Signatur wird geprüft, sobald das Zertifikat der Signaturerstellungseinheit da ist',
      }),
      problems: z.array(z.string()).meta({ description: 'was nicht passt, mit beiden Werten (deutsch)' }),
    })
    .nullable()
    .meta({
      description:
        'Prüfung des QR-Codes von SIGN AT gegen den Beleg, bevor er gedruckt wird; null: nicht geprüft (unsigniert, älter als die Prüfung, oder ein Beleg von SIGN AT selbst)',
    }),
});
export type ReceiptResource = z.output<typeof ReceiptResource>;

export const ReceiptList = z.object({
  receipts: z.array(ReceiptResource).meta({ description: 'neueste zuerst' }),
  next_cursor: z.string().nullable(),
});
export type ReceiptList = z.output<typeof ReceiptList>;

export const PosApiStatus = z.object({
  environment: z.enum(ENVIRONMENTS).nullable().meta({
    description:
      'DEMO, TEST oder LIVE: die der eingerichteten Kasse, während der Einrichtung die gewählte. null: noch keine Kasse eingerichtet und keine Umgebung gewählt (dann ist auch cash_register null und setup "needed"). Vor API-Version 1.2.0 stand hier vor der Einrichtung "LIVE"; eine Kasse, die Belege signiert, hat immer einen Wert.',
  }),
  setup: z.enum(SETUP_STATES).meta({
    description: 'needed: keine Kasse eingerichtet; in_progress: Einrichtung läuft; ready: Kasse signiert',
  }),
  setup_step: z.string().nullable(),
  cash_register: z
    .object({
      id: z.string(),
      cash_register_serial_number: z.string(),
      description: z.string(),
      state: z.string(),
    })
    .nullable()
    .meta({ description: 'null: keine Kasse eingerichtet' }),
  signing: z.object({
    online: z.boolean(),
    outage_since: IsoTime.nullable(),
    outage_report_due: IsoTime.nullable().meta({
      description: 'Ab hier (48 h Ausfall) ist der Ausfall über FinanzOnline zu melden',
    }),
    queue_length: z.number().int(),
    last_error: z.string().nullable(),
    code_mismatches: z.array(z.object({ id: z.uuid(), receipt_number: z.string().nullable() })).meta({
      description:
        'Belege, deren QR-Code von SIGN AT nicht zum Beleg passt und die noch nicht storniert sind: nicht gedruckt, bitte stornieren (type CANCELLATION) und neu bonieren',
    }),
  }),
  printer: z.object({
    configured: z.boolean(),
    state: z.enum(['ready', 'off', 'none']),
    queue_length: z.number().int(),
  }),
  training: z.boolean(),
});
export type PosApiStatus = z.output<typeof PosApiStatus>;

/** Every code with its status and meaning, as a table in the document (from error-status.ts). */
function errorCodeTable(): string {
  const rows = Object.entries(POS_API_ERROR_CODES).map(
    ([code, doc]) =>
      `| \`${code}\` | ${[doc.status, ...(doc.alsoStatus ?? [])].join(', ')} | ${doc.meaning} |`,
  );
  return [
    'Maschinenlesbarer Fehlercode. Neue Codes können dazukommen: einen unbekannten Code wie seinen HTTP-Status behandeln.',
    '',
    '| code | HTTP | Bedeutung |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}

export const ErrorResponse = z.object({
  error: z.object({
    code: z.enum(POS_ERROR_CODES).meta({ description: errorCodeTable() }),
    message: z.string().meta({ description: 'Deutsch, für die Person an der Kasse' }),
    field: z
      .string()
      .optional()
      .meta({ description: 'das Feld, das nicht stimmt, z. B. items.0.unit_price' }),
  }),
});
export type ErrorResponse = z.output<typeof ErrorResponse>;
