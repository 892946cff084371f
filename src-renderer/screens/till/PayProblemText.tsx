import { formatEuro } from '../../../src-shared/money.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import type { PayProblem } from '../../stores/sale-store.ts';

/** Why the Bon cannot be paid yet, for the cashier. */
export function PayProblemText({ problem }: { problem: PayProblem | null }) {
  const t = useMessages();
  if (problem === null) return null;
  switch (problem.kind) {
    case 'givenInvalid':
      return <>{t.till.givenInvalid}</>;
    case 'missing':
      return <>{t.till.missing(formatEuro(problem.cents))}</>;
    case 'cardTooHigh':
      return <>{t.till.cardTooHigh(formatEuro(problem.maxCents))}</>;
    case 'nothingOpen':
      return <>{t.till.nothingOpen}</>;
    case 'tooManyParts':
      return <>{t.till.tooManyParts(problem.max)}</>;
    case 'lineDiscountTooHigh':
      return <>{t.till.lineDiscountTooHigh(problem.position)}</>;
    case 'receiptDiscountTooHigh':
      return <>{t.till.receiptDiscountTooHigh}</>;
    case 'bigChange':
      return <>{t.till.bigChange(formatEuro(problem.cents))}</>;
    case 'negativeTotal':
      return <>{t.till.negativeTotal(formatEuro(problem.cents))}</>;
  }
}
