import { useStore } from 'zustand';
import { formatEuro } from '../../../src-shared/money.ts';
import { formatQuantity } from '../../../src-shared/quantity.ts';
import { VAT_RATE_INFO } from '../../../src-shared/vat.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { parseAmountInput } from '../../till/amount-input.ts';
import { lineAmountCents } from '../../../src-shared/line-amount.ts';
import { bonTotalCents } from '../../till/bon-line.ts';
import { cashChangeCents } from '../../till/cash-change.ts';

/** The sale as it stands: lines with their rate letters, SUMME, payment and change. */
export function BonPanel({ signing }: { signing: boolean }) {
  const t = useMessages();
  const { sale } = useAppStores();
  const lines = useStore(sale, (s) => s.lines);
  const paymentType = useStore(sale, (s) => s.paymentType);
  const given = useStore(sale, (s) => s.given);
  const payError = useStore(sale, (s) => s.payError);
  const payProblem = useStore(sale, (s) => s.payProblem);
  const { removeLine, setPaymentType, setGiven, pay } = sale.getState();
  const total = bonTotalCents(lines);
  const givenCents = parseAmountInput(given);
  const change = cashChangeCents(total, givenCents);

  return (
    <section className="bon-panel" aria-label={t.till.bon} aria-busy={signing}>
      <h2>{t.till.bon}</h2>
      <ol className="bon-lines" data-testid="bon-lines">
        {lines.length === 0 && <li className="bon-empty">{t.till.emptyBon}</li>}
        {lines.map((line, index) => (
          <li key={index} className="bon-line">
            <span className="bon-qty">{formatQuantity(line.quantityMilli)} ×</span>
            <span className="bon-text">{line.text}</span>
            <span className="bon-unit">{formatEuro(line.unitPriceCents)}</span>
            <span className="bon-amount">
              {formatEuro(lineAmountCents(line.quantityMilli, line.unitPriceCents))}
            </span>
            <span className="bon-rate" title={VAT_RATE_INFO[line.vatRate].label}>
              {VAT_RATE_INFO[line.vatRate].letter}
            </span>
            <button
              type="button"
              className="bon-remove"
              tabIndex={-1}
              aria-label={t.till.removeLine}
              onClick={() => removeLine(index)}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="bon-total" data-testid="bon-total">
        <span>{t.till.total}</span>
        <span>EUR {formatEuro(total)}</span>
      </div>
      <div className="payment-row">
        <button
          type="button"
          className={paymentType === 'CASH' ? 'pay-type selected' : 'pay-type'}
          aria-pressed={paymentType === 'CASH'}
          onClick={() => setPaymentType('CASH')}
        >
          {t.till.cash} <kbd>F9</kbd>
        </button>
        <button
          type="button"
          className={paymentType === 'NON_CASH' ? 'pay-type selected' : 'pay-type'}
          aria-pressed={paymentType === 'NON_CASH'}
          onClick={() => setPaymentType('NON_CASH')}
        >
          {t.till.card} <kbd>F10</kbd>
        </button>
        {paymentType === 'CASH' && (
          <label className="given">
            {t.till.given}
            <input
              inputMode="decimal"
              autoComplete="off"
              value={given}
              onChange={(e) => setGiven(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void pay();
                }
              }}
              data-testid="payment-given"
            />
          </label>
        )}
      </div>
      <div className="pay-row">
        {paymentType === 'CASH' && given.trim() !== '' && (
          <span className="change" data-testid="payment-change">
            {t.till.change} {change === null ? t.till.notEnough : formatEuro(change)}
          </span>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="pay-button"
          disabled={lines.length === 0 || signing}
          onClick={() => void pay()}
          data-testid="pay"
        >
          {t.till.pay} <kbd>Enter</kbd>
        </button>
      </div>
      {payProblem && (
        <p className="pay-error" role="alert">
          {t.till.givenInvalid}
        </p>
      )}
      {payError && (
        <p className="pay-error" role="alert" data-testid="pay-error">
          {t.till.payFailed(payError)}
        </p>
      )}
    </section>
  );
}
