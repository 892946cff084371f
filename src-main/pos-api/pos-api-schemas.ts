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
  MAX_PAYMENTS,
} from '../../src-shared/sale-draft.ts';
import {
  ALL_RECEIPT_KINDS,
  CODE_CHECK_STATES,
  ENVIRONMENTS,
  RECEIPT_STATES,
} from '../../src-shared/receipt.ts';
import {
  CheckReceiptCodeInput,
  CODE_COUNTER_KINDS,
  CODE_SIGNATURE_STATES,
  RECEIPT_CHECK_VERDICTS,
} from '../../src-shared/receipt-check.ts';
import { SETUP_STATES } from '../../src-shared/status.ts';
import { printableText } from '../../src-shared/text-field.ts';
import { DiscountInput } from '../../src-shared/discount.ts';
import { VAT_RATES } from '../../src-shared/vat.ts';
import { POS_ERROR_CODES } from '../../src-shared/pos-error.ts';
import { REPORT_PAYMENT_TYPES, ReceiptsExportInput } from '../../src-shared/day-report.ts';
import { IsoDate } from '../../src-shared/vienna-day.ts';
import { POS_API_ERROR_CODES } from './error-status.ts';

export const POS_API_BASE = '/api/v1';
export const OPENAPI_PATH = `${POS_API_BASE}/openapi.json`;
/** The JSON Schema of the setup file of `--onboard`, published next to the OpenAPI document. */
export const ONBOARDING_SCHEMA_PATH = `${POS_API_BASE}/onboarding.schema.json`;
/** v1 only grows (fields, codes); the minor version counts what was added (README: POS API changes). */
export const POS_API_VERSION = '1.9.0';

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

const DiscountIn = DiscountInput.meta({
  description:
    'Rabatt: genau eines von percent ("10", "12.5"; über 0 bis 100) und amount (positiver Betrag, ' +
    '"1.50"); text ist die Bezeichnung auf dem Beleg (sonst "Rabatt" bzw. "Bonrabatt"). Ein Prozentrabatt ' +
    'wird einmal kaufmännisch gerundet (halbe Cent von null weg).',
  examples: [{ percent: '10' }, { amount: '1.50', text: 'Stammkunde' }],
});

const ReceiptItemIn = z.strictObject({
  text: printableText(120),
  quantity: QuantityString.meta({
    description:
      'Menge, Dezimalzahl mit höchstens 3 Nachkommastellen, nicht 0. Eine negative Menge ist eine ' +
      'Rückgabe (Umtausch neben neuen Positionen); die Summe des Belegs darf nicht negativ sein.',
    examples: ['1', '0.25', '-1'],
  }),
  unit_price: AmountIn,
  vat_rate: VatRate,
  discount: DiscountIn.optional().meta({
    description: 'Rabatt auf diese Position; eigene Zeile auf dem Beleg, mindert den Betrag ihres Satzes',
  }),
});

const PaymentIn = z.strictObject({ type: z.enum(PAYMENT_TYPES), amount: AmountIn });

export const ReceiptCreate = z.strictObject({
  id: z.uuid().optional().meta({
    description: 'Idempotenz: dieselbe id liefert denselben Beleg und signiert nie ein zweites Mal',
  }),
  type: z.enum(RECEIPT_KINDS),
  items: z.array(ReceiptItemIn).max(MAX_LINES).default([]),
  payments: z
    .array(PaymentIn)
    .max(MAX_PAYMENTS, `höchstens ${MAX_PAYMENTS} Zahlungen`)
    .default([])
    .meta({
      description:
        'Zahlungen, auch geteilt: bis zu 10 Teile bar (CASH) und mit Karte (NON_CASH). Zusammen ' +
        'mindestens die Summe; unbar höchstens die Summe, Rückgeld gibt es nur bar. Fehlt payments, wird ' +
        'keine Zahlung erfasst und keine erfunden: der Beleg zeigt keine Zahlungszeile und SIGN AT bekommt ' +
        'nur die fünf Beträge ohne Aufteilung nach Zahlungsart (raw). Eine Kartenzahlung daher immer als ' +
        'NON_CASH angeben.',
    }),
  discount: DiscountIn.optional().meta({
    description:
      'Rabatt auf den ganzen Beleg (nach den Positionsrabatten). Er wird auf die USt-Sätze im Verhältnis ' +
      'ihrer Beträge aufgeteilt, nach der Methode des größten Rests: jeder Satz bekommt seinen Anteil ' +
      'abgerundet, die übrigen Cent gehen einzeln an die Sätze mit den größten abgeschnittenen Resten ' +
      '(bei Gleichstand an den Satz in der Reihenfolge 20, 10, 13, 19, 4.9, 0). So ergeben die Anteile ' +
      'genau den Rabatt.',
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

const DiscountOut = z.object({
  text: z.string(),
  percent: z
    .string()
    .nullable()
    .meta({ description: 'Prozentsatz ("12.5"); null bei einem Betragsrabatt', examples: ['10'] }),
  amount: AmountOut.meta({
    description: 'Änderung des Betrags: negativ bei einem Verkauf, positiv bei einer Rückgabe',
    examples: ['-0.76'],
  }),
});

export const ReceiptListQuery = z.strictObject({
  from: IsoTime.optional().meta({ description: 'ab diesem Zeitpunkt (inklusive), ISO 8601 mit Zeitzone' }),
  to: IsoTime.optional().meta({ description: 'bis zu diesem Zeitpunkt (exklusive)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(40).optional().meta({ description: 'next_cursor der vorigen Seite' }),
});

const ReceiptState = z.enum(RECEIPT_STATES).meta({
  description:
    'pending: wird signiert. signed: von SIGN AT signiert. ' +
    'offline: SIGN AT war nicht rechtzeitig erreichbar; ohne Signatur ausgegeben ("Sicherheitseinrichtung ' +
    'ausgefallen") mit eigener Nummer (offline_number), ohne receipt_number und QR-Code; wird nachsigniert. ' +
    'signed_late: ein offline ausgegebener Beleg, den SIGN AT später signiert hat (Nacherfassung): ' +
    'receipt_number, time_signature und qr_code_data von SIGN AT, offline_number und issued_at vom Papier. ' +
    'rejected: von SIGN AT abgelehnt, kein gültiger Beleg. ' +
    'signature_failed (neu in 1.1): SIGN AT hat mit signed:false geantwortet (Signaturerstellungseinheit ' +
    'ausgefallen); der Beleg steht mit Ausfallkennzeichen statt Signatur im DEP und bleibt so. ' +
    'Weitere Werte können hinzukommen: einen unbekannten Wert wie einen nicht signierten Beleg behandeln.',
});

export const ReceiptResource = z.object({
  id: z.uuid(),
  type: z.enum(ALL_RECEIPT_KINDS),
  state: ReceiptState,
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
      quantity: z.string().meta({ description: 'negativ bei einer Rückgabe' }),
      unit_price: AmountOut,
      amount: AmountOut.meta({ description: 'Menge × Einzelpreis, vor dem Rabatt der Position' }),
      vat_rate: VatRate,
      discount: DiscountOut.optional().meta({ description: 'nur bei einer Position mit Rabatt' }),
    }),
  ),
  discount: DiscountOut.extend({
    per_rate: z
      .array(z.object({ vat_rate: VatRate, amount: AmountOut }))
      .meta({ description: 'Anteil je USt-Satz (größter Rest); zusammen genau amount' }),
  })
    .optional()
    .meta({ description: 'nur bei einem Rabatt auf den ganzen Beleg' }),
  totals_per_rate: z
    .array(z.object({ vat_rate: VatRate, gross: AmountOut, net: AmountOut, vat: AmountOut }))
    .meta({ description: 'je USt-Satz nach allen Rabatten: was SIGN AT signiert' }),
  total: AmountOut,
  payments: z.array(z.object({ type: z.enum(PAYMENT_TYPES), amount: AmountOut })),
  change: AmountOut,
  cancels: z.uuid().nullable(),
  cancelled_by: z.uuid().nullable(),
  hints: z.array(z.string()).meta({
    description:
      'Hinweise von SIGN AT und der Kasse (deutsch); nie leer bei einem ohne Signatur ausgegebenen Beleg. Passt der QR-Code nicht zum Beleg (code_check.state "mismatch"), steht als erster Hinweis, was zu tun ist',
  }),
  printed: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  offline_number: z
    .string()
    .nullable()
    .meta({
      description:
        'Nummer auf dem ohne Signatur ausgegebenen Beleg ("N-000123", je Kasse eindeutig); bleibt nach dem Nachsignieren. Sonst null.',
      examples: ['N-000123'],
    }),
  issued_at: IsoTime.nullable().meta({
    description:
      'Zeitpunkt der Belegausgabe (Datum auf dem Papier): bei offline ausgegebenen Belegen die Ausgabe ohne Signatur, sonst time_signature; null solange pending',
  }),
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
  restored_from_sign_at: z.enum(['lines', 'amounts']).nullable().meta({
    description:
      'Ein Beleg, den ein anderer PC signiert hat und den dieses Journal nur von SIGN AT kennt (die Kasse wurde hier übernommen): lines = die Artikelzeilen kamen zurück, amounts = nur die Beträge je Steuersatz. Sonst null (seit 1.6.0).',
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
      'DEMO, TEST oder LIVE: die der eingerichteten Kasse, während der Einrichtung die gewählte. null: noch keine Kasse eingerichtet und keine Umgebung gewählt (dann ist auch cash_register null und setup "needed"). Vor API-Version 1.7.0 stand hier vor der Einrichtung "LIVE"; eine Kasse, die Belege signiert, hat immer einen Wert.',
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
      taken_over_elsewhere: z.boolean().meta({
        description:
          'SIGN AT führt Belege dieser Kasse, die dieser PC nicht erstellt hat: sie wurde auf einem anderen PC übernommen, hier wird nicht mehr signiert (seit 1.6.0)',
      }),
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
  backup: z.object({
    last_good_at: IsoTime.nullable().meta({
      description: 'Wann die letzte geprüfte Sicherung (Journal, Einstellungen, DEP) erstellt wurde',
    }),
    overdue: z.boolean().meta({ description: 'Seit 7 Tagen keine geprüfte Sicherung' }),
  }),
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

const OutageReceiptResource = z.object({
  id: z.uuid(),
  type: z.enum(ALL_RECEIPT_KINDS),
  state: ReceiptState,
  offline_number: z.string().nullable().meta({ description: 'Nummer auf dem Papier ("N-000123")' }),
  issued_at: IsoTime.nullable().meta({ description: 'Ausgabe des Papiers' }),
  receipt_number: z.string().nullable().meta({ description: 'Belegnummer bei SIGN AT (null: wartet noch)' }),
  time_signature: IsoTime.nullable(),
  total: AmountOut,
  failure_marker: z.boolean().meta({ description: 'im DEP mit Ausfallkennzeichen statt Signatur' }),
  signed_in_later_year: z.boolean().meta({
    description: 'in einem Kalenderjahr ausgegeben, im nächsten signiert: im DEP nach dem Jahresbeleg',
  }),
});

export const OutageProtocolResource = z.object({
  cash_register_id: z.string(),
  cash_register_serial_number: z.string().nullable().meta({ description: 'Kassen-ID' }),
  generated_at: IsoTime,
  outages: z
    .array(
      z.object({
        id: z.number().int(),
        started_at: IsoTime.meta({ description: 'erster gescheiterter Signaturversuch' }),
        ended_at: IsoTime.nullable().meta({ description: 'erster wieder signierter Beleg; null: dauert an' }),
        duration_seconds: z.number().int().min(0),
        reason: z.string().nullable(),
        receipts: z.array(OutageReceiptResource).meta({ description: 'ohne Signatur ausgegebene Belege' }),
        clearance: z
          .object({
            id: z.string(),
            receipt_number: z.string().nullable(),
            time_signature: IsoTime.nullable(),
          })
          .nullable()
          .meta({
            description: 'Sammelbeleg (SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE), der den Ausfall schließt',
          }),
        clearance_needed: z.boolean().meta({
          description: 'ein Beleg steht mit Ausfallkennzeichen im DEP: ein Sammelbeleg gehört dazu',
        }),
        report_due: z.boolean().meta({ description: '48 Stunden oder länger: über FinanzOnline zu melden' }),
      }),
    )
    .meta({ description: 'älteste zuerst' }),
});
export type OutageProtocolResource = z.output<typeof OutageProtocolResource>;

export const OutageProtocolQueryParams = z.strictObject({
  cash_register_id: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .meta({ description: 'eine andere (z. B. stillgelegte) Kasse des Journals; sonst diese' }),
});

export const ReceiptCheckRequest = z.strictObject({
  qr_code_data: CheckReceiptCodeInput.shape.qrCodeData.meta({
    description:
      'Der maschinenlesbare Code eines Belegs, wie ihn sein QR-Code enthält (ein 2D-Scanner tippt ihn wie eine Tastatur), von dieser oder einer anderen Kasse',
    examples: ['_R1-AT3_K1_17_2026-07-03T10:15:30_12,34_3,50_0,00_0,00_0,00_Ff4o2xc=_1a2b3c_Q2hhaW4hISE=_…'],
  }),
  crypto_path: CheckReceiptCodeInput.shape.cryptoPath.meta({
    description:
      'Vollständiger Pfad einer Kryptomaterial-Datei der BMF (base64AESKey, certificateOrPublicKeyMap; wie für npm run dep:verify --crypto) auf diesem PC: für Belege anderer Kassen; mit dem AES-Schlüssel auch der Umsatzzähler',
  }),
});
export type ReceiptCheckRequest = z.output<typeof ReceiptCheckRequest>;

const CodeAmounts = z
  .object({
    standard: AmountOut,
    reduced_1: AmountOut,
    reduced_2: AmountOut,
    zero: AmountOut,
    special: AmountOut,
  })
  .meta({
    description:
      'die fünf RKSV-Beträge (brutto): Normal 20 %, Ermäßigt-1 10 %, Ermäßigt-2 13 %, Null 0 %, Besonders 19 % und 4,9 %',
  });

export const ReceiptCheckResource = z.object({
  verdict: z.enum(RECEIPT_CHECK_VERDICTS).meta({
    description:
      'valid: echt (Signatur gültig, oder ohne Signatur genau so im Journal). invalid: gefälscht, verändert oder fehlerhaft (siehe problems). unchecked: nicht prüfbar (kein Zertifikat bekannt, oder ausgefallen und nicht im Journal). unreadable: kein RKSV-Code',
  }),
  message: z.string().meta({ description: 'ein Satz, wie die Prüfung ausging (deutsch)' }),
  problems: z.array(z.string()).meta({ description: 'alles, was gegen den Code spricht (deutsch)' }),
  code: z
    .object({
      algorithm: z.string().meta({ examples: ['R1-AT3'] }),
      cash_register_serial_number: z.string().meta({ description: 'Kassen-ID' }),
      receipt_number: z.string(),
      date_time: z.string().meta({
        description: 'Datum und Uhrzeit, wie der Code sie nennt (österreichische Ortszeit, ohne Zone)',
        examples: ['2026-07-03T10:15:30'],
      }),
      amounts: CodeAmounts,
      total: AmountOut,
      counter: z.enum(CODE_COUNTER_KINDS).meta({
        description:
          'aus dem Umsatzzähler-Feld: turnover (verschlüsselter Zähler), training (TRA, Trainingsbuchung), cancellation (STO, Storno)',
      }),
      turnover_counter: AmountOut.nullable().meta({
        description: 'der entschlüsselte Umsatzzähler; null ohne AES-Schlüssel im Kryptomaterial',
      }),
      certificate_serial: z.string(),
      failure_marker: z.boolean().meta({
        description: '„Sicherheitseinrichtung ausgefallen“ statt einer Signatur (ausgefallen)',
      }),
    })
    .nullable()
    .meta({ description: 'die Felder des Codes; null, wenn der Text kein RKSV-Code ist' }),
  signature: z
    .object({
      state: z.enum(CODE_SIGNATURE_STATES).meta({
        description:
          'valid: gültig. invalid: passt nicht zum Inhalt (gefälscht oder verändert). failure_marker: keine Signatur (ausgefallen). no_certificate: kein Zertifikat für die Seriennummer bekannt',
      }),
      certificate_from: z
        .enum(['register', 'material'])
        .nullable()
        .meta({ description: 'register: Zertifikat einer Kasse der App; material: aus crypto_path' }),
    })
    .nullable(),
  journal: z
    .object({
      receipt_id: z.string().meta({ description: 'der Beleg, unter GET /receipts/{id}' }),
      same_code: z.boolean().meta({ description: 'genau der Code, den das Journal für ihn hat' }),
    })
    .nullable()
    .meta({ description: 'der Beleg dieses Journals mit Kassen-ID und Belegnummer des Codes; null: keiner' }),
});
export type ReceiptCheckResource = z.output<typeof ReceiptCheckResource>;
export const DailyReportQueryParams = z.strictObject({
  date: IsoDate.optional().meta({
    description: 'Kalendertag (Wiener Zeit) als JJJJ-MM-TT; ohne Angabe heute',
    examples: ['2026-12-03'],
  }),
});

export const DailyReportResource = z
  .object({
    date: IsoDate,
    receipt_count: z.number().int().min(0).meta({
      description:
        'Ausgegebene Belege des Tages (Verkauf, Storno, Nullbeleg, Belege von SIGN AT), ohne Trainingsbelege',
    }),
    first_receipt_number: z.string().nullable().meta({
      description:
        'Kleinste Belegnummer von SIGN AT an diesem Tag (Trainingsbelege zählen in der Nummerierung)',
    }),
    last_receipt_number: z.string().nullable(),
    per_vat_rate: z
      .array(z.object({ vat_rate: VatRate, net: AmountOut, vat: AmountOut, gross: AmountOut }))
      .meta({
        description:
          'Brutto je Satz über den Tag (Stornos abgezogen); Netto und USt daraus, je Satz einmal kaufmännisch gerundet',
      }),
    per_payment_type: z.array(z.object({ type: z.enum(REPORT_PAYMENT_TYPES), amount: AmountOut })).meta({
      description:
        'CASH: bar bezahlt abzüglich Rückgeld; NON_CASH: Karte/unbar; UNSPECIFIED (nur wenn nicht 0): ohne Zahlungsart gesendete Belege',
    }),
    cancellations: z
      .object({ count: z.number().int().min(0), amount: AmountOut })
      .meta({ description: 'Stornobelege: Anzahl und Betrag (negativ)' }),
    training_count: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Trainingsbelege: eigens gezählt, in keiner Summe' }),
    total_gross: AmountOut.meta({ description: 'Summe brutto aller Belege des Tages ohne Training' }),
    closed_elsewhere: z
      .object({
        receipt_count: z.number().int().min(0),
        first_receipt_number: z.string().nullable(),
        last_receipt_number: z.string().nullable(),
        total_gross: AmountOut,
      })
      .nullable()
      .meta({
        description:
          'Belege dieses Tages, die eine Kassenübernahme (PC-Wechsel) nur von SIGN AT kennt: in den Zahlen oben enthalten, aber in keinem Z-Bon dieses PCs (der frühere PC hat sie abgeschlossen); null: keine (seit 1.9.0)',
      }),
  })
  .meta({
    description:
      'Tagesbericht (X) einer Kasse: alle Belege mit diesem Datum auf dem Papier (Wiener Zeit), so wie sie jetzt stehen',
  });
export type DailyReportResource = z.output<typeof DailyReportResource>;

export const ReceiptsCsvQueryParams = ReceiptsExportInput;

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
