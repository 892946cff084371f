// F2: the journal. Main's receipts, newest first; ↑/↓ pick one and its paper form shows beside.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { formatEuro } from '../../src-shared/money.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import { ReceiptPreview } from '../components/ReceiptPreview.tsx';
import { formatReceiptTime } from '../components/receipt-time.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

function JournalRow({
  receipt,
  selected,
  onSelect,
}: {
  receipt: Receipt;
  selected: boolean;
  onSelect(): void;
}) {
  const t = useMessages();
  return (
    <tr
      className={selected ? 'selected' : undefined}
      aria-selected={selected}
      onClick={onSelect}
      data-testid="journal-row"
      data-receipt-id={receipt.id}
    >
      <td>{receipt.receiptNumber ?? '—'}</td>
      <td>{formatReceiptTime(receipt.signedAt ?? receipt.createdAt)}</td>
      <td>{t.journal.receiptKind[receipt.kind]}</td>
      <td className={`state-${receipt.state}`}>
        {t.journal.receiptState[receipt.state]}
        {receipt.cancelledBy && ` · ${t.journal.cancelledBy}`}
      </td>
      <td className="num">{formatEuro(receipt.totalCents)}</td>
    </tr>
  );
}

export function JournalScreen() {
  const t = useMessages();
  const { journal } = useAppStores();
  const receipts = useStore(journal, (s) => s.receipts);
  const loading = useStore(journal, (s) => s.loading);
  const error = useStore(journal, (s) => s.error);
  const selectedId = useStore(journal, (s) => s.selectedId);
  const selected = receipts.find((r) => r.id === selectedId) ?? null;
  const listRef = useRef<HTMLTableElement>(null);

  useEffect(() => listRef.current?.focus(), []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = receipts.findIndex((r) => r.id === selectedId);
    const next =
      receipts[Math.min(receipts.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) journal.getState().select(next.id);
  }

  return (
    <main className="journal-screen">
      <section className="journal-list">
        {error && <p className="notice bad">{t.journal.failed(error)}</p>}
        {loading && receipts.length === 0 && <p>{t.journal.loading}</p>}
        {!loading && !error && receipts.length === 0 && <p>{t.journal.empty}</p>}
        {receipts.length > 0 && (
          <table
            ref={listRef}
            tabIndex={0}
            onKeyDown={onKeyDown}
            aria-label={t.journal.title}
            data-testid="journal-table"
          >
            <thead>
              <tr>
                <th>{t.journal.number}</th>
                <th>{t.journal.time}</th>
                <th>{t.journal.kind}</th>
                <th>{t.journal.state}</th>
                <th className="num">{t.journal.total}</th>
              </tr>
            </thead>
            <tbody>
              {receipts.map((receipt) => (
                <JournalRow
                  key={receipt.id}
                  receipt={receipt}
                  selected={receipt.id === selectedId}
                  onSelect={() => journal.getState().select(receipt.id)}
                />
              ))}
            </tbody>
          </table>
        )}
        <p className="hint">{t.journal.selectHint}</p>
      </section>
      <section className="journal-detail">{selected && <ReceiptPreview receipt={selected} />}</section>
    </main>
  );
}
