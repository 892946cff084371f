// After BEZAHLEN: signing → printing → done, and the fiscal facts of the receipt main returned.
// The paper itself shows beside it (TillScreen), at the width it prints.
import { useStore } from 'zustand';
import { formatEuro } from '../../../src-shared/money.ts';
import type { Receipt } from '../../../src-shared/receipt.ts';
import { VAT_RATE_INFO } from '../../../src-shared/vat.ts';
import { receiptNumberText } from '../../components/receipt-number.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import type { SalePhase } from '../../stores/sale-store.ts';

const STEPS = ['signing', 'printing', 'done'] as const;

function stepIndex(phase: SalePhase): number {
  return phase.kind === 'signing' ? 0 : phase.kind === 'printing' ? 1 : 2;
}

/** What the cashier must know about this receipt beyond the paper: offline, rejected, not printed. */
function ReceiptNotice({ receipt }: { receipt: Receipt }) {
  const t = useMessages();
  const { status } = useAppStores();
  const printer = useStore(status, (s) => s.status?.printer);
  if (receipt.state === 'rejected') {
    return <p className="notice bad">{t.till.rejected(receipt.error?.message ?? '')}</p>;
  }
  if (receipt.codeCheck?.state === 'mismatch') {
    return (
      <div className="notice bad" role="alert" data-testid="code-mismatch-notice">
        <p>{t.codeCheck.notice}</p>
        <ul>
          {receipt.codeCheck.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
    );
  }
  const notices: string[] = [];
  // Offline: not signed yet, the queue signs it later. signed:false: SIGN AT's signature unit failed
  // and the receipt carries the marker for good. Either way the cashier hands it out.
  if (receipt.state === 'offline') notices.push(t.till.offlineReceipt);
  else if (!receipt.signed && receipt.state !== 'pending') notices.push(t.till.failedSignature);
  if (receipt.codeCheck?.state === 'unverified') notices.push(t.codeCheck.unverified);
  if (!receipt.printed) notices.push(printer?.configured ? t.till.printPending : t.till.noPrinter);
  return (
    <>
      {notices.map((notice) => (
        <p key={notice} className="notice">
          {notice}
        </p>
      ))}
    </>
  );
}

/** The fiscal facts of the receipt in large type, so the cashier can read them off at a glance. */
function SignedSummary({ receipt }: { receipt: Receipt }) {
  const t = useMessages();
  return (
    <dl className="signed-summary" data-testid="signed-summary" data-receipt-id={receipt.id}>
      <dt>{t.till.receiptNumber}</dt>
      <dd data-testid="summary-receipt-number">{receiptNumberText(receipt)}</dd>
      <dt>{t.till.kassenId}</dt>
      <dd data-testid="summary-kassen-id">{receipt.kassenId}</dd>
      {receipt.totalsPerRate.map((total) => (
        <div
          key={total.vatRate}
          className="summary-rate"
          data-testid="summary-rate"
          data-rate={total.vatRate}
        >
          <dt>
            {VAT_RATE_INFO[total.vatRate].letter} {VAT_RATE_INFO[total.vatRate].label}
          </dt>
          <dd data-testid="summary-rate-gross">{formatEuro(total.grossCents)}</dd>
        </div>
      ))}
      <dt>{t.till.total}</dt>
      <dd data-testid="summary-total">EUR {formatEuro(receipt.totalCents)}</dd>
      {receipt.payments.map((payment, index) => (
        <div key={index} className="summary-payment" data-testid="summary-payment" data-type={payment.type}>
          <dt>{payment.type === 'CASH' ? t.till.cash : t.till.card}</dt>
          <dd>{formatEuro(payment.amountCents)}</dd>
        </div>
      ))}
      {receipt.payments.some((payment) => payment.type === 'CASH' && payment.amountCents > 0) && (
        // What the cashier hands back, readable from a step away.
        <div className="summary-change">
          <dt>{t.till.change}</dt>
          <dd data-testid="summary-change">{formatEuro(receipt.changeCents)}</dd>
        </div>
      )}
    </dl>
  );
}

export function SaleProgress({ phase }: { phase: Exclude<SalePhase, { kind: 'entry' }> }) {
  const t = useMessages();
  const { status } = useAppStores();
  const printerConfigured = useStore(status, (s) => s.status?.printer.configured === true);
  const current = stepIndex(phase);
  const labels = { signing: t.till.signing, printing: t.till.printing, done: t.till.done };
  const receipt = phase.kind === 'signing' ? null : phase.receipt;
  // Without a printer there is nothing to wait for: the step shows as skipped, not as done.
  const skipped = (step: (typeof STEPS)[number]) => step === 'printing' && !printerConfigured;
  return (
    <section className="sale-progress" data-testid="sale-progress" data-phase={phase.kind}>
      <ol className="progress-steps">
        {STEPS.map((step, index) => (
          <li
            key={step}
            className={
              skipped(step)
                ? 'step skipped'
                : index < current
                  ? 'step passed'
                  : index === current
                    ? 'step current'
                    : 'step'
            }
            aria-current={index === current ? 'step' : undefined}
          >
            {labels[step]}
          </li>
        ))}
      </ol>
      {receipt && (
        <>
          <SignedSummary receipt={receipt} />
          <ReceiptNotice receipt={receipt} />
          <p className="next-sale">{t.till.nextSale}</p>
        </>
      )}
    </section>
  );
}
