import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { discountLabel } from '../../../src-shared/discount.ts';
import { formatEuro } from '../../../src-shared/money.ts';
import { formatQuantity } from '../../../src-shared/quantity.ts';
import type { ReceiptLine } from '../../../src-shared/receipt.ts';
import { VAT_RATE_INFO } from '../../../src-shared/vat.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { parseAmountInput } from '../../till/amount-input.ts';
import { priceBon } from '../../till/bon-line.ts';
import { selectedLineIndex } from '../../till/bon-selection.ts';
import { openCents } from '../../till/payment-parts.ts';
import { PaymentStatus } from './PaymentStatus.tsx';
import { PayProblemText } from './PayProblemText.tsx';

/** × for the mouse; the keyboard goes on with the next entry instead of stopping here. */
function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="bon-remove" tabIndex={-1} aria-label={label} onClick={onClick}>
      ×
    </button>
  );
}

/** A line's own discount, right under it, as paper prints it. */
function LineDiscount({ line }: { line: ReceiptLine }) {
  if (!line.discount) return null;
  return (
    <li className="bon-line bon-sub" data-testid="bon-line-discount">
      <span />
      <span className="bon-text">{discountLabel(line.discount)}</span>
      <span />
      <span className="bon-amount">{formatEuro(line.discount.amountCents)}</span>
      <span className="bon-rate">{VAT_RATE_INFO[line.vatRate].letter}</span>
      <span />
    </li>
  );
}

/**
 * The sale as it stands: lines with their discounts and rate letters, the Bon discount, SUMME, and the
 * payment in parts. F9 (Bar) and F10 (Karte) jump to the amount; "+" adds it as a part, Enter pays.
 */
/** Ctrl+Del asked: Enter voids the whole Bon, Esc keeps it. Nothing was signed, so nothing is journaled. */
function VoidBonConfirm({ lineCount, total }: { lineCount: number; total: string }) {
  const t = useMessages();
  const { sale } = useAppStores();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.key === 'Enter') sale.getState().voidBon();
      else sale.getState().askVoid(false);
    }
    // Capture phase: the question takes Enter and Esc before the entry fields (Enter would pay).
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [sale]);
  return (
    <div className="confirm-box" role="alertdialog" data-testid="void-bon-confirm">
      <p>{t.till.voidQuestion(lineCount, total)}</p>
      <div className="dialog-buttons">
        <button type="button" onClick={() => sale.getState().voidBon()}>
          {t.till.voidYes}
        </button>
        <button type="button" onClick={() => sale.getState().askVoid(false)}>
          {t.till.voidNo}
        </button>
      </div>
    </div>
  );
}

export function BonPanel({ signing }: { signing: boolean }) {
  const t = useMessages();
  const { sale, screen } = useAppStores();
  const lines = useStore(sale, (s) => s.lines);
  const selected = useStore(sale, (s) => selectedLineIndex(s.chosenLine, s.lines.length));
  const confirmVoid = useStore(sale, (s) => s.confirmVoid);
  const receiptDiscount = useStore(sale, (s) => s.receiptDiscount);
  const paymentType = useStore(sale, (s) => s.paymentType);
  const given = useStore(sale, (s) => s.given);
  const parts = useStore(sale, (s) => s.paymentParts);
  const payError = useStore(sale, (s) => s.payError);
  const bonNotKept = useStore(sale, (s) => s.bonNotKept);
  const payProblem = useStore(sale, (s) => s.payProblem);
  const { removeLine, setPaymentType, setGiven, pay, addPaymentPart, removePaymentPart } = sale.getState();
  const givenRef = useRef<HTMLInputElement>(null);
  const pricing = priceBon(lines, receiptDiscount);
  // While a discount does not fit, the Bon still shows every line at its own amount.
  const shown = pricing.priced ?? priceBon(lines, null).priced;
  const total = pricing.priced?.totalCents ?? null;

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'F9' && event.key !== 'F10') return;
      event.preventDefault();
      if (screen.getState().dialog !== null || sale.getState().phase.kind !== 'entry') return;
      sale.getState().setPaymentType(event.key === 'F9' ? 'CASH' : 'NON_CASH');
      // The key goes straight to the amount: "gegeben" in cash, the card part by card.
      givenRef.current?.focus();
      givenRef.current?.select();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sale, screen]);

  return (
    <section className="bon-panel" aria-label={t.till.bon} aria-busy={signing}>
      <h2>{t.till.bon}</h2>
      <ol className="bon-lines" data-testid="bon-lines">
        {lines.length === 0 && <li className="bon-empty">{t.till.emptyBon}</li>}
        {lines.map((line, index) => {
          const priced = shown?.lines[index];
          return [
            <li
              key={`line-${index}`}
              className={`bon-line${line.quantityMilli < 0 ? ' bon-return' : ''}${index === selected ? ' selected' : ''}`}
              aria-selected={index === selected}
              data-testid="bon-line"
            >
              <span className="bon-qty">{formatQuantity(line.quantityMilli)} ×</span>
              <span className="bon-text">
                {line.text}
                {line.quantityMilli < 0 && <em className="bon-tag"> {t.till.returnLine}</em>}
              </span>
              <span className="bon-unit">{formatEuro(line.unitPriceCents)}</span>
              <span className="bon-amount">{priced ? formatEuro(priced.amountCents) : ''}</span>
              <span className="bon-rate" title={VAT_RATE_INFO[line.vatRate].label}>
                {VAT_RATE_INFO[line.vatRate].letter}
              </span>
              <RemoveButton label={t.till.removeLine} onClick={() => removeLine(index)} />
            </li>,
            priced ? <LineDiscount key={`discount-${index}`} line={priced} /> : null,
          ];
        })}
        {pricing.priced?.discount && (
          <li className="bon-line bon-receipt-discount" data-testid="bon-receipt-discount">
            <span />
            <span className="bon-text">{discountLabel(pricing.priced.discount)}</span>
            <span />
            <span className="bon-amount">{formatEuro(pricing.priced.discount.amountCents)}</span>
            <span />
            <span />
          </li>
        )}
      </ol>
      {lines.length > 0 && <p className="hint bon-keys">{t.till.bonKeys}</p>}
      {confirmVoid && (
        <VoidBonConfirm lineCount={lines.length} total={total === null ? '—' : formatEuro(total)} />
      )}
      <div className="bon-total" data-testid="bon-total">
        <span>{t.till.total}</span>
        <span>EUR {total === null ? '—' : formatEuro(total)}</span>
      </div>
      <div className="discount-keys">
        {t.till.discountKeys} <kbd>F7</kbd> {t.till.lineDiscount} <kbd>F8</kbd> {t.till.receiptDiscount}
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
        <label className="given">
          {paymentType === 'CASH' ? t.till.given : t.till.cardAmount}
          <input
            ref={givenRef}
            inputMode="decimal"
            autoComplete="off"
            value={given}
            placeholder={total === null ? '' : formatEuro(Math.max(0, openCents(total, parts)))}
            onChange={(e) => setGiven(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void pay();
              } else if (e.key === '+') {
                e.preventDefault();
                addPaymentPart();
              } else if (e.key === 'Backspace' && given === '' && parts.length > 0) {
                // Nothing typed to delete: the key takes back the last part instead.
                e.preventDefault();
                removePaymentPart(parts.length - 1);
              }
            }}
            data-testid="payment-given"
          />
        </label>
        <button type="button" className="add-part" onClick={() => addPaymentPart()} data-testid="add-part">
          {t.till.addPart} <kbd>+</kbd>
        </button>
      </div>
      {parts.length > 0 && (
        <>
          <ul className="payment-parts" aria-label={t.till.paymentParts} data-testid="payment-parts">
            {parts.map((part, index) => (
              <li key={index} data-testid="payment-part" data-type={part.type}>
                <span>{part.type === 'CASH' ? t.till.cash : t.till.card}</span>
                <span className="part-amount">{formatEuro(part.amountCents)}</span>
                <RemoveButton label={t.till.removePart} onClick={() => removePaymentPart(index)} />
              </li>
            ))}
          </ul>
          <p className="dialog-hint">{t.till.removeLastPartKey}</p>
        </>
      )}
      <div className="pay-row">
        {total !== null && (
          <PaymentStatus
            totalCents={total}
            parts={parts}
            typed={{ type: paymentType, text: given, amountCents: parseAmountInput(given) }}
          />
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
      {(payProblem ?? pricing.problem) && (
        <p className="pay-error" role="alert" data-testid="pay-problem">
          <PayProblemText problem={payProblem ?? pricing.problem} />
        </p>
      )}
      {payError && (
        <p className="pay-error" role="alert" data-testid="pay-error">
          {t.till.payFailed(payError)}
        </p>
      )}
      {bonNotKept && (
        <p className="pay-error" role="alert" data-testid="bon-not-kept">
          {t.till.bonNotKept(bonNotKept)}
        </p>
      )}
    </section>
  );
}
