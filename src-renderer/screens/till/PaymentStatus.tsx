import type { Cents } from '../../../src-shared/money.ts';
import { formatEuro } from '../../../src-shared/money.ts';
import type { PaymentType } from '../../../src-shared/sale-draft.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { changeCents, isBigChange, openCents, type PaymentPart } from '../../till/payment-parts.ts';

/**
 * While paying: what the parts and the typed amount leave open, or the change they make. Too little cash
 * says how much is missing, and a change of 100,00 € or more says to check the amount, before Enter.
 */
export function PaymentStatus({
  totalCents,
  parts,
  typed,
}: {
  totalCents: Cents;
  parts: readonly PaymentPart[];
  typed: { type: PaymentType; text: string; amountCents: Cents | null };
}) {
  const t = useMessages();
  const typing = typed.text.trim() !== '';
  if (typing && (typed.amountCents === null || typed.amountCents <= 0)) return null;
  const all =
    typing && typed.amountCents !== null
      ? [...parts, { type: typed.type, amountCents: typed.amountCents }]
      : parts;
  if (!typing && parts.length === 0) return null;
  const change = changeCents(totalCents, all);
  if (change === null) {
    const open = openCents(totalCents, all);
    return typing ? (
      <span className="change missing" data-testid="payment-missing">
        {t.till.missing(formatEuro(open))}
      </span>
    ) : (
      <span className="change" data-testid="payment-open">
        {t.till.open(formatEuro(open))}
      </span>
    );
  }
  // A large change is marked before Enter: the first Enter then asks (sale-store), the second pays.
  const big = isBigChange(change);
  return (
    <span className={big ? 'change big' : 'change'} data-testid="payment-change">
      {t.till.change} {formatEuro(change)}
      {big && (
        <>
          {' '}
          <em>{t.till.checkChange}</em>
        </>
      )}
    </span>
  );
}
