// Keyboard-first entry: Betrag → Menge → Satz → Text, Enter adds the line. Enter on an empty entry
// pays instead, so a whole sale needs no mouse: amount, Tab, Tab, rate key, Tab, text, Enter … Enter.
// A barcode scanned (or an EAN or PLU typed) into the fields adds its article, and a receipt's QR code
// opens that receipt in the journal (till/entry-code.ts has the rule).
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { VAT_RATE_INFO } from '../../../src-shared/vat.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { useNow } from '../../components/use-now.ts';
import { ENTRY_PROBLEM_FIELD } from '../../till/entry-line.ts';
import type { EntryFields } from '../../stores/sale-store.ts';
import { readEntryCode } from '../../till/entry-code.ts';
import { rateForKey, rateKeysOn } from '../../till/rate-keys.ts';
import { ScanBurst, wholeScan, withoutScan } from '../../till/scan-burst.ts';
import { CodeNoticeText } from './CodeNoticeText.tsx';
import { useCodeEntry } from './use-code-entry.ts';

type TextField = Exclude<keyof EntryFields, 'rate'>;

export function EntryPanel() {
  const t = useMessages();
  const { sale } = useAppStores();
  const entry = useStore(sale, (s) => s.entry);
  const problem = useStore(sale, (s) => s.entryProblem);
  const { setEntry, addLine, pay } = sale.getState();
  // The rates of today: a new one (4,9 % from 1 July 2026) appears on its first day without a reload.
  const rateKeys = rateKeysOn(new Date(useNow(60_000)));
  const amountRef = useRef<HTMLInputElement>(null);
  const quantityRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLInputElement>(null);
  const fieldRef = { amount: amountRef, quantity: quantityRef, text: textRef } as const;
  const problemField = problem === null ? null : ENTRY_PROBLEM_FIELD[problem];

  const burst = useRef(new ScanBurst());
  const codes = useCodeEntry();

  useEffect(() => amountRef.current?.focus(), []);

  /** What the cashier types: it makes an old notice about a code stale. */
  function type(patch: Partial<EntryFields>) {
    codes.clearNotice();
    setEntry(patch);
  }

  /** `scanned`: what a scanner typed into `field` before this Enter (ScanBurst), or null. */
  async function submit(scanned: string | null = null, field: TextField = 'amount') {
    if (scanned !== null) {
      // The scanner's characters are no part of what the cashier typed into that field.
      setEntry({ [field]: withoutScan(sale.getState().entry[field], scanned) });
    }
    const code = readEntryCode(sale.getState().entry, scanned);
    if (code.kind !== 'amount') {
      // A code's digits never stay in Betrag, so they can never become an amount.
      if (code.kind !== 'pluOrAmount' && scanned === null) setEntry({ amount: '' });
      if (await codes.resolve(code)) {
        if (code.kind === 'pluOrAmount') setEntry({ amount: '' });
        amountRef.current?.focus();
        return;
      }
    }
    const state = sale.getState();
    const entryEmpty = state.entry.amount.trim() === '' && state.entry.text.trim() === '';
    if (entryEmpty && state.lines.length > 0) {
      void pay();
      return;
    }
    if (addLine()) {
      amountRef.current?.focus();
    } else {
      const next = sale.getState().entryProblem;
      if (next) fieldRef[ENTRY_PROBLEM_FIELD[next]].current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent, field: TextField) {
    if (event.key === 'Enter') {
      event.preventDefault();
      const run = burst.current.enter(event.timeStamp);
      void submit(run === null ? null : wholeScan(sale.getState().entry[field], run), field);
    } else {
      burst.current.key(event.key, event.timeStamp);
    }
  }

  function onRateKey(event: KeyboardEvent) {
    const rate = rateForKey(event.key, new Date());
    if (rate) {
      event.preventDefault();
      setEntry({ rate });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <fieldset className="entry-panel">
      <div className="entry-row">
        <label>
          {t.till.amount}
          <input
            ref={amountRef}
            className="amount-input"
            inputMode="decimal"
            autoComplete="off"
            value={entry.amount}
            aria-invalid={problemField === 'amount'}
            onChange={(e) => type({ amount: e.target.value })}
            onKeyDown={(e) => onKeyDown(e, 'amount')}
            data-testid="entry-amount"
          />
        </label>
        <label>
          {t.till.quantity}
          <input
            ref={quantityRef}
            className="quantity-input"
            inputMode="decimal"
            autoComplete="off"
            value={entry.quantity}
            aria-invalid={problemField === 'quantity'}
            onChange={(e) => type({ quantity: e.target.value })}
            onFocus={(e) => e.target.select()}
            onKeyDown={(e) => onKeyDown(e, 'quantity')}
            data-testid="entry-quantity"
          />
        </label>
      </div>
      <div
        className="rate-keys"
        role="radiogroup"
        aria-label={t.till.rate}
        tabIndex={0}
        onKeyDown={onRateKey}
        data-testid="entry-rate"
      >
        <span className="rate-caption">{t.till.rate}</span>
        {rateKeys.map(({ key, rate }) => (
          <button
            key={rate}
            type="button"
            role="radio"
            tabIndex={-1}
            aria-checked={entry.rate === rate}
            className={entry.rate === rate ? 'rate-key selected' : 'rate-key'}
            onClick={() => setEntry({ rate })}
          >
            ({key}) {VAT_RATE_INFO[rate].label}
          </button>
        ))}
      </div>
      <div className="entry-row">
        <label className="grow">
          {t.till.text}
          <input
            ref={textRef}
            className="text-input"
            autoComplete="off"
            value={entry.text}
            aria-invalid={problemField === 'text'}
            onChange={(e) => type({ text: e.target.value })}
            onKeyDown={(e) => onKeyDown(e, 'text')}
            data-testid="entry-text"
          />
        </label>
        <button type="button" className="add-button" onClick={() => void submit()} data-testid="entry-add">
          {t.till.add}
        </button>
      </div>
      {problem && (
        <p className="entry-problem" role="alert" data-testid="entry-problem" data-problem={problem}>
          {t.till.problem[problem]}
        </p>
      )}
      {codes.notice && (
        <p className="entry-problem" role="alert" data-testid="code-notice">
          <CodeNoticeText notice={codes.notice} />
        </p>
      )}
    </fieldset>
  );
}
