// A sale known only from SIGN AT (signed by the old PC after its last backup), put back together from
// what SIGN AT echoes of it. A `standard_v1` receipt brings its article lines, amounts per rate and
// payments back; a `raw` one only its five RKSV amounts. Nothing here is guessed beyond what those
// amounts pin down: a line gets a rate only where the amounts per rate leave one way to share them out.
import { z } from 'zod';
import { lineAmountCents } from '../../src-shared/line-amount.ts';
import { parseEuro, type Cents } from '../../src-shared/money.ts';
import { parseQuantity } from '../../src-shared/quantity.ts';
import type { AnyReceiptKind, Payment, RateTotal, ReceiptLine } from '../../src-shared/receipt.ts';
import { splitGross, VAT_RATES, type RksvBucket, type VatRate } from '../../src-shared/vat.ts';
import type { SignedReceipt } from '../fiskaly/sign-at-resources.ts';
import type { StoredSale } from '../journal/stored-sale.ts';

/** Amounts come as decimal strings; a number is taken too (tolerant, as every SIGN AT answer is read). */
const Amount = z.union([z.string(), z.number()]).transform((value, ctx): Cents => {
  const cents = parseEuro(typeof value === 'number' ? value.toFixed(2) : value.trim());
  if (cents === null) {
    ctx.addIssue({ code: 'custom', message: `kein Betrag: ${value}` });
    return z.NEVER;
  }
  return cents;
});

const StandardV1Echo = z.looseObject({
  amounts_per_vat_rate: z.array(z.looseObject({ vat_rate: z.string(), amount: Amount })).default([]),
  amounts_per_payment_type: z.array(z.looseObject({ payment_type: z.string(), amount: Amount })).default([]),
  line_items: z
    .array(
      z.looseObject({
        quantity: z.union([z.string(), z.number()]).transform(String),
        text: z.string(),
        price_per_unit: z
          .union([z.string(), z.number()])
          .transform((v) => (typeof v === 'number' ? v.toFixed(2) : v)),
      }),
    )
    .default([]),
});

const RawEcho = z.looseObject({
  gross_amount_standard: Amount,
  gross_amount_reduced_1: Amount,
  gross_amount_reduced_2: Amount,
  gross_amount_special: Amount,
  gross_amount_zero: Amount,
});

/** Each form read on its own: one SIGN AT sent in a shape not read back must not take the other with it. */
function readEcho(schema: unknown): {
  standard_v1?: z.output<typeof StandardV1Echo>;
  raw?: z.output<typeof RawEcho>;
} {
  const forms = z.looseObject({ standard_v1: z.unknown(), raw: z.unknown() }).partial().safeParse(schema);
  if (!forms.success) return {};
  const standard = StandardV1Echo.safeParse(forms.data.standard_v1);
  const raw = RawEcho.safeParse(forms.data.raw);
  return {
    ...(standard.success ? { standard_v1: standard.data } : {}),
    ...(raw.success ? { raw: raw.data } : {}),
  };
}

const BUCKET_OF_SIGN_AT_RATE: Record<string, RksvBucket> = {
  STANDARD: 'standard',
  REDUCED_1: 'reduced_1',
  REDUCED_2: 'reduced_2',
  SPECIAL: 'special',
  ZERO: 'zero',
};

/** The rate a bucket stands for; "special" holds 19 % and 4.9 %, which the caller decides. */
function rateOfBucket(bucket: RksvBucket, special: VatRate): VatRate {
  const rates: Record<RksvBucket, VatRate> = {
    standard: '20',
    reduced_1: '10',
    reduced_2: '13',
    special,
    zero: '0',
  };
  return rates[bucket];
}

interface RestoredSale {
  kind: AnyReceiptKind;
  sale: StoredSale;
  /** 'lines': the article lines came back; 'amounts': only the amounts per rate. */
  restored: 'lines' | 'amounts';
}

/** Per rate in the fixed letter order (A 20 % … F 0 %), as every receipt lists them. */
function rateTotals(perBucket: Map<RksvBucket, Cents>, special: VatRate): RateTotal[] {
  return [...perBucket]
    .filter(([, gross]) => gross !== 0)
    .map(([bucket, gross]) => {
      const vatRate = rateOfBucket(bucket, special);
      const { net, vat } = splitGross(gross, vatRate);
      return { vatRate, grossCents: gross, netCents: net, vatCents: vat };
    })
    .sort((a, b) => VAT_RATES.indexOf(a.vatRate) - VAT_RATES.indexOf(b.vatRate));
}

/**
 * Lines with amounts but no rate yet, each given the rate the per-rate amounts leave for it; null when
 * they leave none, or more than one way (then no line could be shown with a rate it surely had).
 */
function assignRates(
  lines: readonly ReceiptLine[],
  perBucket: Map<RksvBucket, Cents>,
  special: VatRate,
): ReceiptLine[] | null {
  const buckets = [...perBucket.keys()];
  const left = new Map(perBucket);
  const chosen: RksvBucket[] = [];
  const found: RksvBucket[][] = [];
  let steps = 0;
  // Depth first over the lines, up to a second way; a receipt has few rates and a handful of lines, and
  // the step limit keeps a pathological one from holding up the takeover (its lines then stay out).
  const place = (index: number): void => {
    if (found.length > 1 || ++steps > 50_000) return;
    if (index === lines.length) {
      if ([...left.values()].every((cents) => cents === 0)) found.push([...chosen]);
      return;
    }
    const amount = (lines[index] as ReceiptLine).amountCents;
    for (const bucket of buckets) {
      left.set(bucket, (left.get(bucket) ?? 0) - amount);
      chosen[index] = bucket;
      place(index + 1);
      left.set(bucket, (left.get(bucket) ?? 0) + amount);
    }
  };
  place(0);
  const [only] = found;
  if (found.length !== 1 || only === undefined || steps > 50_000) return null;
  return lines.map((line, index) => ({ ...line, vatRate: rateOfBucket(only[index] as RksvBucket, special) }));
}

function kindOf(receipt: SignedReceipt, totalCents: Cents, hasLines: boolean): AnyReceiptKind {
  if (receipt.receipt_type === 'TRAINING') return 'TRAINING';
  if (receipt.receipt_type === 'CANCELLATION') return 'CANCELLATION';
  return totalCents === 0 && !hasLines ? 'ZERO' : 'NORMAL';
}

/**
 * The sale of a NORMAL, CANCELLATION or TRAINING receipt as far as SIGN AT's echo tells it. `special`
 * is the rate the special bucket stands for at this till (19 % or 4.9 %).
 */
export function restoreSale(receipt: SignedReceipt, special: VatRate): RestoredSale {
  const schema = readEcho(receipt.schema ?? {});
  const perBucket = new Map<RksvBucket, Cents>();
  let lines: ReceiptLine[] | null = null;
  let payments: Payment[] = [];
  if (schema.standard_v1) {
    for (const { vat_rate, amount } of schema.standard_v1.amounts_per_vat_rate) {
      const bucket = BUCKET_OF_SIGN_AT_RATE[vat_rate];
      if (bucket) perBucket.set(bucket, (perBucket.get(bucket) ?? 0) + amount);
    }
    payments = schema.standard_v1.amounts_per_payment_type.flatMap(({ payment_type, amount }) =>
      payment_type === 'CASH' || payment_type === 'NON_CASH'
        ? [{ type: payment_type, amountCents: amount }]
        : [],
    );
    const priced = schema.standard_v1.line_items.map((item): ReceiptLine | null => {
      const quantityMilli = parseQuantity(item.quantity.trim());
      const unitPriceCents = parseEuro(item.price_per_unit.trim());
      if (quantityMilli === null || unitPriceCents === null) return null;
      const amountCents = lineAmountCents(quantityMilli, unitPriceCents);
      return { text: item.text, quantityMilli, unitPriceCents, amountCents, vatRate: '20' };
    });
    const readable = priced.filter((line): line is ReceiptLine => line !== null);
    // A line SIGN AT echoes in a form that cannot be read back leaves the receipt with its amounts only.
    lines =
      readable.length === 0 || readable.length !== priced.length
        ? null
        : assignRates(readable, perBucket, special);
  } else if (schema.raw) {
    const raw = schema.raw;
    perBucket.set('standard', raw.gross_amount_standard);
    perBucket.set('reduced_1', raw.gross_amount_reduced_1);
    perBucket.set('reduced_2', raw.gross_amount_reduced_2);
    perBucket.set('special', raw.gross_amount_special);
    perBucket.set('zero', raw.gross_amount_zero);
  }
  const totalsPerRate = rateTotals(perBucket, special);
  const totalCents = totalsPerRate.reduce((sum, rate) => sum + rate.grossCents, 0);
  return {
    kind: kindOf(receipt, totalCents, lines !== null),
    sale: { lines: lines ?? [], totalsPerRate, totalCents, payments, changeCents: 0 },
    restored: lines === null ? 'amounts' : 'lines',
  };
}
