// The cash drawer beside the daily report: Einlage and Entnahme with a reason, and the Kassensturz by
// note and coin or as one total. Main records them (never signed: they are no sales) and says the
// difference; `onChange` lets the shown X report take them in.
import { useState, type FormEvent } from 'react';
import {
  CASH_MOVEMENT_KINDS,
  DENOMINATIONS_CENTS,
  SMALLEST_NOTE_CENTS,
  type CashMovementKind,
  type DenominationCents,
} from '../../src-shared/cash-drawer.ts';
import { formatApiAmount, formatEuro } from '../../src-shared/money.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { parseAmountInput } from '../till/amount-input.ts';
import { ActionNotice, type Notice } from './ActionNotice.tsx';
import { AmountField } from './AmountField.tsx';

type Counts = Partial<Record<DenominationCents, string>>;

function countOf(text: string | undefined): number {
  const count = Number((text ?? '').trim() || '0');
  return Number.isInteger(count) && count >= 0 ? count : Number.NaN;
}

export function CashDrawerSection({ onChange }: { onChange: () => Promise<void> }) {
  const t = useMessages().closings.dayClose;
  const { client } = useAppStores();
  const [kind, setKind] = useState<CashMovementKind>('deposit');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [byDenomination, setByDenomination] = useState(true);
  const [counts, setCounts] = useState<Counts>({});
  const [total, setTotal] = useState('');
  const [working, setWorking] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const countedCents = DENOMINATIONS_CENTS.reduce((sum, value) => sum + value * countOf(counts[value]), 0);

  async function run(work: () => Promise<string>) {
    setWorking(true);
    setNotice(null);
    try {
      setNotice({ text: await work(), bad: false });
      await onChange();
    } catch (error) {
      setNotice({ text: error instanceof PosError ? error.message : String(error), bad: true });
    } finally {
      setWorking(false);
    }
  }

  function record(event: FormEvent) {
    event.preventDefault();
    const cents = parseAmountInput(amount);
    if (cents === null || cents <= 0) {
      setNotice({ text: t.amountInvalid, bad: true });
      return;
    }
    void run(async () => {
      const movement = await client.api.recordCashMovement({ kind, amount: formatApiAmount(cents), reason });
      setAmount('');
      setReason('');
      return t.recorded(t.movementKinds[movement.kind], formatEuro(movement.amountCents));
    });
  }

  function count(event: FormEvent) {
    event.preventDefault();
    const totalCents = parseAmountInput(total);
    if (byDenomination && Number.isNaN(countedCents)) {
      setNotice({ text: t.countInvalid, bad: true });
      return;
    }
    if (!byDenomination && (totalCents === null || totalCents < 0)) {
      setNotice({ text: t.amountInvalid, bad: true });
      return;
    }
    void run(async () => {
      const movement = await client.api.countCash(
        byDenomination
          ? {
              denominations: DENOMINATIONS_CENTS.flatMap((valueCents) => {
                const n = countOf(counts[valueCents]);
                return n > 0 ? [{ valueCents, count: n }] : [];
              }),
            }
          : { total: formatApiAmount(totalCents ?? 0) },
      );
      return t.counted(
        formatEuro(movement.amountCents),
        formatEuro(movement.expectedCents ?? 0),
        formatEuro(movement.differenceCents ?? 0),
      );
    });
  }

  return (
    <div className="closings-drawer" data-testid="cash-drawer">
      <h3>{t.drawerTitle}</h3>
      <form className="settings-form" onSubmit={record}>
        <label>
          {t.kind}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as CashMovementKind)}
            data-testid="cash-kind"
          >
            {CASH_MOVEMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.movementKinds[k]}
              </option>
            ))}
          </select>
        </label>
        <AmountField label={t.amount} value={amount} onChange={setAmount} testId="cash-amount" />
        <label>
          {t.reason}
          <input
            value={reason}
            placeholder={t.reasonPlaceholder}
            maxLength={80}
            onChange={(e) => setReason(e.target.value)}
            data-testid="cash-reason"
          />
        </label>
        <button type="submit" disabled={working} data-testid="cash-record">
          {t.record}
        </button>
      </form>
      <h3>{t.countTitle}</h3>
      <div className="closings-actions" role="radiogroup">
        <label>
          <input type="radio" checked={byDenomination} onChange={() => setByDenomination(true)} />{' '}
          {t.countByDenomination}
        </label>
        <label>
          <input
            type="radio"
            checked={!byDenomination}
            onChange={() => setByDenomination(false)}
            data-testid="count-as-total"
          />{' '}
          {t.countTotal}
        </label>
      </div>
      <form className="settings-form" onSubmit={count}>
        {byDenomination ? (
          <div className="cash-denominations">
            {DENOMINATIONS_CENTS.map((value) => (
              <label key={value}>
                {formatEuro(value)} {value >= SMALLEST_NOTE_CENTS ? t.note : t.coin}
                <input
                  value={counts[value] ?? ''}
                  inputMode="numeric"
                  size={4}
                  onChange={(e) => setCounts({ ...counts, [value]: e.target.value })}
                  data-testid={`count-${value}`}
                />
              </label>
            ))}
            <p data-testid="count-sum">
              {Number.isNaN(countedCents) ? '—' : t.countSum(formatEuro(countedCents))}
            </p>
          </div>
        ) : (
          <AmountField label={t.countedTotal} value={total} onChange={setTotal} testId="count-total" />
        )}
        <button type="submit" disabled={working} data-testid="count-record">
          {t.count}
        </button>
      </form>
      <ActionNotice notice={notice} testId="cash-notice" />
    </div>
  );
}
