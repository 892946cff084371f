// Turns a sale main computed into the SIGN AT request body, the bytes the journal keeps and every
// retry sends again. Sales go as standard_v1 (SIGN AT then keeps lines and payment types) as long as
// every RKSV bucket is 0 or more and the sale names its payments; a sale with a negative bucket (an
// exchange whose returns outweigh a rate's sales), stornos and Nullbelege go as raw buckets, the only
// form SIGN AT documents negatives for, and so does a sale without payments (a POS client may leave
// them out): standard_v1 would need a payment breakdown, and one made up (all cash) could book a card
// sale as cash at SIGN AT.
import { discountLabel } from '../../src-shared/discount.ts';
import { keptPerPaymentType } from '../../src-shared/kept-payments.ts';
import { formatApiAmount, type Cents } from '../../src-shared/money.ts';
import { formatApiQuantity } from '../../src-shared/quantity.ts';
import type { LineDiscount } from '../../src-shared/receipt.ts';
import { PAYMENT_TYPES } from '../../src-shared/sale-draft.ts';
import { SIGN_AT_VAT_RATE, VAT_RATE_INFO, type RksvBucket } from '../../src-shared/vat.ts';
import type { RawAmounts, SignReceiptBody, StandardV1 } from '../fiskaly/sign-at-requests.ts';
import type { StoredSale } from '../journal/stored-sale.ts';

const BUCKET_ORDER: readonly RksvBucket[] = ['standard', 'reduced_1', 'reduced_2', 'special', 'zero'];

function bucketTotals(sale: StoredSale): Map<RksvBucket, Cents> {
  const totals = new Map<RksvBucket, Cents>();
  for (const rate of sale.totalsPerRate) {
    const bucket = VAT_RATE_INFO[rate.vatRate].bucket;
    totals.set(bucket, (totals.get(bucket) ?? 0) + rate.grossCents);
  }
  return totals;
}

function rawAmounts(sale: StoredSale): RawAmounts {
  const totals = bucketTotals(sale);
  const amount = (bucket: RksvBucket) => formatApiAmount(totals.get(bucket) ?? 0);
  return {
    gross_amount_standard: amount('standard'),
    gross_amount_reduced_1: amount('reduced_1'),
    gross_amount_reduced_2: amount('reduced_2'),
    gross_amount_special: amount('special'),
    gross_amount_zero: amount('zero'),
  };
}

function standardV1(sale: StoredSale): StandardV1 {
  const totals = bucketTotals(sale);
  // What stayed in the till of each type: the change comes out of the cash handed over.
  const kept = keptPerPaymentType(sale.payments, sale.changeCents);
  return {
    amounts_per_vat_rate: BUCKET_ORDER.filter((bucket) => totals.has(bucket)).map((bucket) => ({
      vat_rate: SIGN_AT_VAT_RATE[bucket],
      amount: formatApiAmount(totals.get(bucket) ?? 0),
    })),
    amounts_per_payment_type: PAYMENT_TYPES.filter((type) => kept[type] !== 0).map((type) => ({
      payment_type: type,
      amount: formatApiAmount(kept[type]),
    })),
    // Each discount is an item of its own (quantity 1, negative price), so that the items add up to
    // the amounts per rate as they do on paper.
    line_items: [
      ...sale.lines.flatMap((line) => [
        {
          quantity: formatApiQuantity(line.quantityMilli),
          text: line.text,
          price_per_unit: formatApiAmount(line.unitPriceCents),
        },
        ...(line.discount ? [discountItem(line.discount)] : []),
      ]),
      ...(sale.discount ? [discountItem(sale.discount)] : []),
    ],
  };
}

function discountItem(discount: LineDiscount): StandardV1['line_items'][number] {
  return {
    quantity: '1',
    text: discountLabel(discount),
    price_per_unit: formatApiAmount(discount.amountCents),
  };
}

export type SignAtReceiptType = SignReceiptBody['receipt_type'];
export type BodyForm = 'standard_v1' | 'raw';

/** standard_v1 for a sale with payments whose buckets are all 0 or more; raw otherwise. */
export function saleBodyForm(sale: StoredSale): BodyForm {
  if (sale.payments.length === 0) return 'raw';
  return [...bucketTotals(sale).values()].some((cents) => cents < 0) ? 'raw' : 'standard_v1';
}

export function signAtBody(
  receiptType: SignAtReceiptType,
  sale: StoredSale,
  form: BodyForm,
): SignReceiptBody {
  return {
    receipt_type: receiptType,
    schema: form === 'standard_v1' ? { standard_v1: standardV1(sale) } : { raw: rawAmounts(sale) },
  };
}
