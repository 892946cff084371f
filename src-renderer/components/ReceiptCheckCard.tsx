// The answer of the receipt check beside the journal: the verdict in one coloured line, main's sentence
// and every problem it found (German, as main writes them), then the fields the code states, its
// signature and whether the journal has the receipt. The receipt itself, when the journal has it, is the
// selected row and shows its paper below.
import { Fragment } from 'react';
import { formatEuro } from '../../src-shared/money.ts';
import type { ReceiptCheck } from '../../src-shared/receipt-check.ts';
import { RKSV_BUCKETS } from '../../src-shared/vat.ts';
import { useMessages } from '../i18n/use-messages.ts';

const VERDICT_CLASS: Record<ReceiptCheck['verdict'], string> = {
  valid: 'notice',
  invalid: 'notice bad',
  unchecked: 'notice',
  unreadable: 'notice bad',
};

export function ReceiptCheckCard({ check }: { check: ReceiptCheck }) {
  const t = useMessages().receiptCheck;
  const { code, signature, journal } = check;
  return (
    <section
      className="receipt-check"
      aria-label={t.title}
      data-testid="receipt-check"
      data-verdict={check.verdict}
    >
      <div className={VERDICT_CLASS[check.verdict]} role={check.verdict === 'valid' ? 'status' : 'alert'}>
        <strong data-testid="receipt-check-verdict">{t.verdict[check.verdict]}</strong>{' '}
        <span data-testid="receipt-check-message">{check.message}</span>
        {check.problems.length > 0 && (
          <ul data-testid="receipt-check-problems">
            {check.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
      {code && (
        <dl className="receipt-check-fields">
          <dt>{t.kassenId}</dt>
          <dd data-testid="receipt-check-kassen-id">{code.kassenId}</dd>
          <dt>{t.number}</dt>
          <dd data-testid="receipt-check-number">{code.receiptNumber}</dd>
          <dt>{t.dateTime}</dt>
          <dd>{code.dateTime.replace('T', ' ')}</dd>
          {RKSV_BUCKETS.filter((bucket) => code.amounts[bucket] !== 0).map((bucket) => (
            <Fragment key={bucket}>
              <dt>{t.buckets[bucket]}</dt>
              <dd className="num">{formatEuro(code.amounts[bucket])}</dd>
            </Fragment>
          ))}
          <dt>{t.total}</dt>
          <dd className="num" data-testid="receipt-check-total">
            {formatEuro(code.totalCents)}
          </dd>
          <dt>{t.counter}</dt>
          <dd data-testid="receipt-check-counter">
            {code.turnoverCounterCents === null
              ? t.counterKind[code.counter]
              : `${formatEuro(code.turnoverCounterCents)} €`}
          </dd>
          {signature && (
            <>
              <dt>{t.signature}</dt>
              <dd data-testid="receipt-check-signature">
                {t.signatureState[signature.state]}
                {signature.certificateFrom && ` (${t.certificateFrom[signature.certificateFrom]})`}
              </dd>
            </>
          )}
          <dt>{t.journal}</dt>
          <dd data-testid="receipt-check-journal">
            {journal === null ? t.notInJournal : journal.sameCode ? t.sameCode : t.otherCode}
          </dd>
        </dl>
      )}
    </section>
  );
}
