// F7 (a line) and F8 (the whole Bon): one field takes "10 %" or "2,50", Enter applies, Esc leaves it.
// A line discount goes on the last line; ↑ ↓ pick another. An empty field removes the discount.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { DEFAULT_DISCOUNT_TEXT, formatPercent, type DiscountRule } from '../../../src-shared/discount.ts';
import { formatEuro } from '../../../src-shared/money.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import type { SaleState } from '../../stores/sale-store.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { useDialogKeys } from '../../components/use-dialog-keys.ts';
import { discountRuleOf, parseDiscountInput } from '../../till/discount-input.ts';

type Problem = 'invalid' | 'tooHighLine' | 'tooHighReceipt';

/** How a discount already on the Bon reads in the field, so Enter keeps it as it is. */
function typedForm(rule: DiscountRule | null | undefined): string {
  if (!rule) return '';
  return rule.basisPoints === undefined ? formatEuro(rule.offCents) : `${formatPercent(rule.basisPoints)} %`;
}

/** The fields for line `index` (F7) or the whole Bon (F8), filled with the discount it already has. */
function fieldsFor(
  state: Pick<SaleState, 'lines' | 'receiptDiscount'>,
  forLine: boolean,
  index: number,
): { target: number; value: string; text: string } {
  const target = Math.max(0, index);
  const current = forLine ? state.lines[target]?.discount : state.receiptDiscount;
  const fallback = forLine ? DEFAULT_DISCOUNT_TEXT.line : DEFAULT_DISCOUNT_TEXT.receipt;
  return { target, value: typedForm(current), text: current?.text ?? fallback };
}

/** The dialog while F7 or F8 has it open; closed, nothing is drawn. */
export function DiscountDialog() {
  const { screen } = useAppStores();
  const dialog = useStore(screen, (s) => s.dialog);
  if (dialog !== 'line-discount' && dialog !== 'receipt-discount') return null;
  // Mounted afresh on each opening, so its fields start from the Bon before the first key lands in them.
  return <DiscountForm key={dialog} forLine={dialog === 'line-discount'} />;
}

function DiscountForm({ forLine }: { forLine: boolean }) {
  const t = useMessages();
  const { screen, sale } = useAppStores();
  const lines = useStore(sale, (s) => s.lines);
  const [initial] = useState(() => fieldsFor(sale.getState(), forLine, sale.getState().lines.length - 1));
  const [target, setTarget] = useState(initial.target);
  const [value, setValue] = useState(initial.value);
  const [text, setText] = useState(initial.text);
  const [problem, setProblem] = useState<Problem | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  function load(index: number) {
    const fields = fieldsFor(sale.getState(), forLine, index);
    setTarget(fields.target);
    setValue(fields.value);
    setText(fields.text);
    setProblem(null);
  }

  useEffect(() => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    valueRef.current?.focus();
  }, []);

  function close() {
    screen.getState().openDialog(null);
    returnFocus.current?.focus();
  }

  function apply() {
    const typed = value.trim() === '' ? null : parseDiscountInput(value);
    if (value.trim() !== '' && typed === null) {
      setProblem('invalid');
      return;
    }
    const name = text.trim() || (forLine ? DEFAULT_DISCOUNT_TEXT.line : DEFAULT_DISCOUNT_TEXT.receipt);
    const rule = typed === null ? null : discountRuleOf(typed, name);
    const { setLineDiscount, setReceiptDiscount } = sale.getState();
    const applied = forLine ? setLineDiscount(target, rule) : setReceiptDiscount(rule);
    if (!applied) {
      setProblem(forLine ? 'tooHighLine' : 'tooHighReceipt');
      return;
    }
    close();
  }

  useDialogKeys(true, {
    onEnter: apply,
    onEscape: close,
    onOtherKey(event) {
      if (!forLine || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      event.preventDefault();
      const next = target + (event.key === 'ArrowUp' ? -1 : 1);
      if (next >= 0 && next < sale.getState().lines.length) load(next);
    },
  });

  const line = lines[target];
  const title = forLine
    ? t.discountDialog.lineTitle(target + 1, line?.text ?? '')
    : t.discountDialog.receiptTitle;
  return (
    <ModalDialog title={title} testId="discount-dialog">
      {forLine && lines.length > 1 && <p className="dialog-hint">{t.discountDialog.otherLine}</p>}
      <label className="dialog-field">
        {t.discountDialog.value}
        <input
          ref={valueRef}
          autoComplete="off"
          value={value}
          aria-invalid={problem !== null}
          aria-describedby="discount-hint"
          onChange={(e) => {
            setValue(e.target.value);
            setProblem(null);
          }}
          data-testid="discount-value"
        />
      </label>
      <p id="discount-hint" className="dialog-hint">
        {t.discountDialog.valueHint}
      </p>
      <label className="dialog-field">
        {t.discountDialog.text}
        <input
          autoComplete="off"
          maxLength={40}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="discount-text"
        />
      </label>
      {problem && (
        <p className="pay-error" role="alert" data-testid="discount-problem">
          {t.discountDialog[problem]}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={apply}>
          {t.discountDialog.apply}
        </button>
        <button type="button" onClick={close}>
          {t.discountDialog.cancel}
        </button>
      </div>
    </ModalDialog>
  );
}
