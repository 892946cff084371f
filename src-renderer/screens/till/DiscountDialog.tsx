// F7 (a line) and F8 (the whole Bon): one field takes "10 %" or "2,50", Enter applies, Esc leaves it.
// A line discount goes on the last line; ↑ ↓ pick another. An empty field removes the discount.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { DEFAULT_DISCOUNT_TEXT, formatPercent, type DiscountRule } from '../../../src-shared/discount.ts';
import { formatEuro } from '../../../src-shared/money.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { useDialogKeys } from '../../components/use-dialog-keys.ts';
import { discountRuleOf, parseDiscountInput } from '../../till/discount-input.ts';

type Problem = 'invalid' | 'tooHighLine' | 'tooHighReceipt';

/** How a discount already on the Bon reads in the field, so Enter keeps it as it is. */
function typedForm(rule: DiscountRule | null | undefined): string {
  if (!rule) return '';
  return rule.basisPoints === undefined ? formatEuro(rule.offCents) : `${formatPercent(rule.basisPoints)} %`;
}

export function DiscountDialog() {
  const t = useMessages();
  const { screen, sale } = useAppStores();
  const dialog = useStore(screen, (s) => s.dialog);
  const lines = useStore(sale, (s) => s.lines);
  const forLine = dialog === 'line-discount';
  const open = forLine || dialog === 'receipt-discount';
  const [target, setTarget] = useState(0);
  const [value, setValue] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  function load(index: number) {
    const state = sale.getState();
    const current = forLine ? state.lines[index]?.discount : state.receiptDiscount;
    setTarget(index);
    setValue(typedForm(current));
    setText(current?.text ?? (forLine ? DEFAULT_DISCOUNT_TEXT.line : DEFAULT_DISCOUNT_TEXT.receipt));
    setProblem(null);
  }

  useEffect(() => {
    if (!open) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    load(Math.max(0, sale.getState().lines.length - 1));
    valueRef.current?.focus();
    // Only on opening: the fields are the cashier's from then on.
  }, [open, forLine]);

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

  useDialogKeys(open, {
    onEnter: apply,
    onEscape: close,
    onOtherKey(event) {
      if (!forLine || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      event.preventDefault();
      const next = target + (event.key === 'ArrowUp' ? -1 : 1);
      if (next >= 0 && next < sale.getState().lines.length) load(next);
    },
  });

  if (!open) return null;
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
