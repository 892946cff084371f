// F2: the journal. Search by receipt number, id or item text, in this till's receipts or (ticked) in
// every register's the journal keeps; ↑/↓ pick a receipt and its paper form shows beside it. F5 prints
// it again as DUPLIKAT (never signed again); F8 cancels it (Storno) after a confirmation, because a
// storno is itself a signed receipt that cannot be taken back. A receipt's QR code scanned (a 2D
// scanner types it, then Enter) or pasted into the search is checked: the answer shows beside the list.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { formatEuro } from '../../src-shared/money.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import { PAYMENT_TYPES } from '../../src-shared/sale-draft.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { downloadFile } from '../components/download-file.ts';
import { receiptNumberText } from '../components/receipt-number.ts';
import { reprintOutcome } from '../components/reprint-outcome.ts';
import { EnvironmentBadge } from '../components/EnvironmentBadge.tsx';
import { ReceiptCheckCard } from '../components/ReceiptCheckCard.tsx';
import { ReceiptPreview } from '../components/ReceiptPreview.tsx';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

const SEARCH_DELAY_MS = 250;

/**
 * The sum the list's last row shows: what the receipts listed took in. Training receipts are not
 * revenue and a receipt SIGN AT rejected does not count; a Storno counts with its negative total.
 */
function listedTotalCents(receipts: readonly Receipt[]): number {
  return receipts
    .filter((r) => r.kind !== 'TRAINING' && r.state !== 'rejected')
    .reduce((sum, r) => sum + r.totalCents, 0);
}

/** Only sales (and training sales) can be cancelled, and only once; main checks again. */
function canCancel(receipt: Receipt): boolean {
  return (
    (receipt.kind === 'NORMAL' || receipt.kind === 'TRAINING') &&
    receipt.cancelledBy === null &&
    receipt.state !== 'rejected' &&
    receipt.state !== 'pending'
  );
}

function JournalRow({
  receipt,
  selected,
  showRegister,
  onSelect,
}: {
  receipt: Receipt;
  selected: boolean;
  /** Receipts of several registers are listed: say whose each one is. */
  showRegister: boolean;
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
      {showRegister && (
        <td data-testid="journal-row-register">
          {receipt.kassenId} <EnvironmentBadge environment={receipt.environment} />
        </td>
      )}
      <td>{receiptNumberText(receipt)}</td>
      <td>{formatViennaDateTime(receipt.signedAt ?? receipt.issuedAt ?? receipt.createdAt)}</td>
      <td>{t.journal.receiptKind[receipt.kind]}</td>
      <td className={`state-${receipt.state}`}>
        {t.journal.receiptState[receipt.state]}
        {receipt.cancelledBy && ` · ${t.journal.cancelledBy}`}
        {receipt.restoredFromSignAt && (
          <span title={t.journal.restoredHint} data-testid="journal-row-restored">
            {' · '}
            {t.journal.restoredFromSignAt[receipt.restoredFromSignAt]}
          </span>
        )}
      </td>
      <td data-testid="journal-row-payment">
        {PAYMENT_TYPES.filter((type) => receipt.payments.some((p) => p.type === type))
          .map((type) => t.journal.paymentType[type])
          .join(' + ')}
      </td>
      <td className="num" data-testid="journal-row-total">
        {formatEuro(receipt.totalCents)}
      </td>
    </tr>
  );
}

function CancelConfirm({ receipt }: { receipt: Receipt }) {
  const t = useMessages();
  const { journal } = useAppStores();
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.key === 'Enter') void journal.getState().cancel(receipt.id);
      else journal.getState().askCancel(null);
    }
    // Capture phase: the confirmation takes Enter and Esc before the search field or the F-keys do.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [journal, receipt.id]);
  return (
    <div className="confirm-box" role="alertdialog" data-testid="cancel-confirm">
      <p>{t.journal.cancelQuestion(receipt.receiptNumber ?? '—', formatEuro(receipt.totalCents))}</p>
      <div className="dialog-buttons">
        <button type="button" onClick={() => void journal.getState().cancel(receipt.id)}>
          {t.journal.cancelYes}
        </button>
        <button type="button" onClick={() => journal.getState().askCancel(null)}>
          {t.journal.cancelNo}
        </button>
      </div>
    </div>
  );
}

export function JournalScreen() {
  const t = useMessages();
  const { journal, status } = useAppStores();
  const query = useStore(journal, (s) => s.query);
  const allRegisters = useStore(journal, (s) => s.allRegisters);
  const hasRegister = useStore(status, (s) => Boolean(s.status?.register));
  const receipts = useStore(journal, (s) => s.receipts);
  const loading = useStore(journal, (s) => s.loading);
  const error = useStore(journal, (s) => s.error);
  const busy = useStore(journal, (s) => s.busy);
  const nextCursor = useStore(journal, (s) => s.nextCursor);
  const selectedId = useStore(journal, (s) => s.selectedId);
  const confirmCancelId = useStore(journal, (s) => s.confirmCancelId);
  const lastDuplicateId = useStore(journal, (s) => s.lastDuplicateId);
  const check = useStore(journal, (s) => s.check);
  const cryptoPath = useStore(journal, (s) => s.cryptoPath);
  const printer = useStore(status, (s) => s.status?.printer);
  const selected = receipts.find((r) => r.id === selectedId) ?? null;
  const searchRef = useRef<HTMLInputElement>(null);
  const searchTimer = useRef<number | undefined>(undefined);

  useEffect(() => searchRef.current?.focus(), []);
  useEffect(() => () => window.clearTimeout(searchTimer.current), []);

  function onQuery(value: string) {
    journal.getState().setQuery(value);
    window.clearTimeout(searchTimer.current);
    searchTimer.current = window.setTimeout(() => void journal.getState().search(), SEARCH_DELAY_MS);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      window.clearTimeout(searchTimer.current);
      void journal.getState().search();
      return;
    }
    if (event.key === 'F8' && selected) {
      event.preventDefault();
      if (canCancel(selected)) journal.getState().askCancel(selected.id);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = receipts.findIndex((r) => r.id === selectedId);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    const next = receipts[Math.min(receipts.length - 1, Math.max(0, index + step))];
    if (next) journal.getState().select(next.id);
  }

  const duplicate = selected !== null && lastDuplicateId === selected.id;

  return (
    <main className="journal-screen" onKeyDown={onKeyDown}>
      <section className="journal-list">
        <input
          ref={searchRef}
          className="journal-search"
          type="search"
          placeholder={t.journal.search}
          aria-label={t.journal.search}
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          data-testid="journal-search"
        />
        {hasRegister && (
          <label className="journal-scope">
            <input
              type="checkbox"
              checked={allRegisters}
              onChange={(e) => void journal.getState().setAllRegisters(e.target.checked)}
              data-testid="journal-all-registers"
            />
            {t.journal.allRegisters}
          </label>
        )}
        {error && (
          <p className="notice bad" role="alert" data-testid="journal-error">
            {t.journal.failed(error)}
          </p>
        )}
        {loading && receipts.length === 0 && <p>{t.journal.loading}</p>}
        {!loading && !error && !check && receipts.length === 0 && <p>{t.journal.empty}</p>}
        {receipts.length > 0 && (
          <table aria-label={t.journal.title} data-testid="journal-table">
            <thead>
              <tr>
                {allRegisters && <th>{t.journal.register}</th>}
                <th>{t.journal.number}</th>
                <th>{t.journal.time}</th>
                <th>{t.journal.kind}</th>
                <th>{t.journal.state}</th>
                <th>{t.journal.payment}</th>
                <th className="num">{t.journal.total}</th>
              </tr>
            </thead>
            <tbody>
              {receipts.map((receipt) => (
                <JournalRow
                  key={receipt.id}
                  receipt={receipt}
                  selected={receipt.id === selectedId}
                  showRegister={allRegisters}
                  onSelect={() => journal.getState().select(receipt.id)}
                />
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="journal-list-total">
                <td colSpan={allRegisters ? 6 : 5}>{t.journal.listTotal(receipts.length)}</td>
                <td className="num">{formatEuro(listedTotalCents(receipts))}</td>
              </tr>
            </tfoot>
          </table>
        )}
        {nextCursor && (
          <button type="button" disabled={loading} onClick={() => void journal.getState().loadMore()}>
            {t.journal.more}
          </button>
        )}
        <p className="hint">{t.journal.keysHint}</p>
        <p className="hint">{t.receiptCheck.hint}</p>
      </section>
      <section className="journal-detail" data-testid="journal-detail">
        {check && (
          <>
            <ReceiptCheckCard check={check} />
            <label className="receipt-check-material">
              {t.receiptCheck.cryptoPath}
              <input
                value={cryptoPath}
                onChange={(e) => journal.getState().setCryptoPath(e.target.value)}
                spellCheck={false}
                data-testid="receipt-check-crypto"
              />
            </label>
            <p className="hint">{t.receiptCheck.cryptoHint}</p>
          </>
        )}
        {selected && (
          <>
            <div className="journal-actions">
              <button
                type="button"
                disabled={busy}
                onClick={() => void journal.getState().reprint(selected.id)}
                data-testid="journal-reprint"
              >
                <kbd>F5</kbd> {t.journal.reprint}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => void journal.getState().exportPdf(selected.id, downloadFile)}
                data-testid="journal-pdf"
              >
                {t.journal.pdf}
              </button>
              {canCancel(selected) && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => journal.getState().askCancel(selected.id)}
                  data-testid="journal-cancel"
                >
                  <kbd>F8</kbd> {t.journal.cancel}
                </button>
              )}
            </div>
            {confirmCancelId === selected.id && <CancelConfirm receipt={selected} />}
            {duplicate && (
              <p className="notice" data-testid="reprint-notice" data-outcome={reprintOutcome(printer)}>
                {t.journal.reprinted[reprintOutcome(printer)]}
              </p>
            )}
            <ReceiptPreview receipt={selected} duplicate={duplicate} />
          </>
        )}
      </section>
    </main>
  );
}
