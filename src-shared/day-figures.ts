// The arithmetic of the daily report, from the receipts as the journal keeps them (the amounts main
// computed and SIGN AT signed; nothing is recomputed from lines). Integer cents throughout.
// - Gross per VAT rate is summed over the day; net and VAT are computed from that gross and rounded once
//   per rate (splitGross, as a receipt does), so net + VAT = gross on the report too. The sum of the
//   receipts' own nets may differ from it by a cent or so: each receipt rounded its own.
// - A Storno carries the negated amounts and payments of its receipt: it lowers the rates, the payment
//   types and the cash by what it refunded.
// - Training receipts are counted apart; every other figure leaves them out.
import type {
  CashMovement,
  CashSummary,
  ClosedElsewhere,
  DayReport,
  ReportPaymentType,
} from './day-report.ts';
import { keptPerPaymentType } from './kept-payments.ts';
import type { Cents } from './money.ts';
import { ALL_RECEIPT_KINDS, type AnyReceiptKind, type Receipt, type ReceiptState } from './receipt.ts';
import { splitGross, VAT_RATES, type VatRate } from './vat.ts';

export type ReportedReceipt = Pick<
  Receipt,
  | 'kind'
  | 'state'
  | 'receiptNumber'
  | 'offlineNumber'
  | 'issuedAt'
  | 'createdAt'
  | 'totalsPerRate'
  | 'totalCents'
  | 'payments'
  | 'changeCents'
>;

/** The figures of a report that come from its receipts. */
type DayFigures = Pick<
  DayReport,
  | 'firstIssuedAt'
  | 'lastIssuedAt'
  | 'receiptCount'
  | 'byKind'
  | 'firstReceiptNumber'
  | 'lastReceiptNumber'
  | 'perRate'
  | 'totalCents'
  | 'perPayment'
  | 'cancellations'
  | 'zeroReceipts'
  | 'training'
  | 'offline'
  | 'pending'
> & {
  /** Cash taken in: cash paid less change; a Storno's cash refund negative. */
  cashSalesCents: Cents;
};

/** States of a receipt the customer got: signed, signed later, handed out offline, or with the marker. */
const HANDED_OUT: ReadonlySet<ReceiptState> = new Set([
  'signed',
  'signed_late',
  'offline',
  'signature_failed',
]);

export function isHandedOut(receipt: Pick<Receipt, 'state'>): boolean {
  return HANDED_OUT.has(receipt.state);
}

/** The time on the paper; a receipt without one (never the case once handed out) its journal time. */
export function issuedAtOf(receipt: Pick<Receipt, 'issuedAt' | 'createdAt'>): string {
  return receipt.issuedAt ?? receipt.createdAt;
}

/** SIGN AT's receipt numbers count up from 1 per register; compare them as numbers. */
function compareNumbers(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (Number.isSafeInteger(x) && Number.isSafeInteger(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What each payment type took in on one receipt; the part no payment names is UNSPECIFIED. */
function paymentParts(receipt: ReportedReceipt): Record<ReportPaymentType, Cents> {
  const kept = keptPerPaymentType(receipt.payments, receipt.changeCents);
  return { ...kept, UNSPECIFIED: receipt.totalCents - kept.CASH - kept.NON_CASH };
}

function perRate(gross: ReadonlyMap<VatRate, Cents>): DayReport['perRate'] {
  return VAT_RATES.flatMap((rate) => {
    const grossCents = gross.get(rate);
    if (grossCents === undefined) return [];
    const split = splitGross(grossCents, rate);
    return [{ vatRate: rate, grossCents: split.gross, netCents: split.net, vatCents: split.vat }];
  });
}

export function dayFigures(receipts: readonly ReportedReceipt[]): DayFigures {
  const handedOut = receipts.filter(isHandedOut);
  const counted = handedOut.filter((receipt) => receipt.kind !== 'TRAINING');
  const training = handedOut.filter((receipt) => receipt.kind === 'TRAINING');

  const gross = new Map<VatRate, Cents>();
  const payments: Record<ReportPaymentType, Cents> = { CASH: 0, NON_CASH: 0, UNSPECIFIED: 0 };
  const kinds = new Map<AnyReceiptKind, number>();
  for (const receipt of counted) {
    kinds.set(receipt.kind, (kinds.get(receipt.kind) ?? 0) + 1);
    for (const rate of receipt.totalsPerRate) {
      gross.set(rate.vatRate, (gross.get(rate.vatRate) ?? 0) + rate.grossCents);
    }
    const parts = paymentParts(receipt);
    for (const type of Object.keys(parts) as ReportPaymentType[]) payments[type] += parts[type];
  }

  const numbers = handedOut
    .map((receipt) => receipt.receiptNumber)
    .filter((number): number is string => number !== null)
    .sort(compareNumbers);
  const times = handedOut.map(issuedAtOf).sort((a, b) => Date.parse(a) - Date.parse(b));
  const cancellations = counted.filter((receipt) => receipt.kind === 'CANCELLATION');
  const offline = handedOut.filter((receipt) => receipt.offlineNumber !== null);
  const sum = (list: readonly ReportedReceipt[]) => list.reduce((total, r) => total + r.totalCents, 0);

  return {
    firstIssuedAt: times[0] ?? null,
    lastIssuedAt: times.at(-1) ?? null,
    receiptCount: counted.length,
    byKind: ALL_RECEIPT_KINDS.flatMap((kind) => {
      const count = kinds.get(kind);
      return count === undefined ? [] : [{ kind, count }];
    }),
    firstReceiptNumber: numbers[0] ?? null,
    lastReceiptNumber: numbers.at(-1) ?? null,
    perRate: perRate(gross),
    totalCents: sum(counted),
    perPayment: [
      { type: 'CASH', amountCents: payments.CASH },
      { type: 'NON_CASH', amountCents: payments.NON_CASH },
      ...(payments.UNSPECIFIED === 0
        ? []
        : [{ type: 'UNSPECIFIED' as const, amountCents: payments.UNSPECIFIED }]),
    ],
    cancellations: { count: cancellations.length, amountCents: sum(cancellations) },
    zeroReceipts: kinds.get('ZERO') ?? 0,
    training: { count: training.length, amountCents: sum(training) },
    offline: {
      count: offline.length,
      amountCents: sum(offline.filter((receipt) => receipt.kind !== 'TRAINING')),
      waiting: offline.filter((receipt) => receipt.state === 'offline').length,
    },
    pending: receipts.filter((receipt) => receipt.state === 'pending').length,
    cashSalesCents: payments.CASH,
  };
}

/** The drawer from its opening, the cash the receipts took in and the movements, oldest first. */
export function cashSummary(
  openingCents: Cents,
  salesCents: Cents,
  movements: readonly CashMovement[],
): CashSummary {
  const total = (kind: CashMovement['kind'], amount: (m: CashMovement) => Cents) =>
    movements.filter((m) => m.kind === kind).reduce((sum, m) => sum + amount(m), 0);
  const depositsCents = total('deposit', (m) => m.amountCents);
  const withdrawalsCents = total('withdrawal', (m) => m.amountCents);
  const differenceCents = total('count', (m) => m.differenceCents ?? 0);
  return {
    openingCents,
    salesCents,
    depositsCents,
    withdrawalsCents,
    differenceCents,
    expectedCents: openingCents + salesCents + depositsCents - withdrawalsCents + differenceCents,
    movements: [...movements],
  };
}

/** What a report says of receipts closed elsewhere (a takeover's, from SIGN AT alone); null for none. */
export function closedElsewhereFigures(receipts: readonly ReportedReceipt[]): ClosedElsewhere | null {
  if (receipts.length === 0) return null;
  const { receiptCount, totalCents, firstReceiptNumber, lastReceiptNumber, firstIssuedAt, lastIssuedAt } =
    dayFigures(receipts);
  return { receiptCount, totalCents, firstReceiptNumber, lastReceiptNumber, firstIssuedAt, lastIssuedAt };
}
