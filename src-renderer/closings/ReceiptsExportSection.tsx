// The tax adviser's export: every receipt of a date range as CSV (main writes it), and the ledger
// accounts the file books to, as the tax adviser gives them.
import { useEffect, useState, type FormEvent } from 'react';
import type { ExportAccounts } from '../../src-shared/export-accounts.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { VAT_RATE_INFO, VAT_RATES, type VatRate } from '../../src-shared/vat.ts';
import { viennaDate } from '../../src-shared/vienna-day.ts';
import { downloadExportedFile } from '../components/download-file.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { ActionNotice, type Notice } from './ActionNotice.tsx';

const messageOf = (error: unknown) => (error instanceof PosError ? error.message : String(error));

export function ReceiptsExportSection() {
  const t = useMessages().closings.dayClose;
  const { client } = useAppStores();
  const today = viennaDate(Date.now());
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [accounts, setAccounts] = useState<ExportAccounts | null>(null);
  const [working, setWorking] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    client.api
      .getExportAccounts(undefined)
      .then(setAccounts)
      .catch((error: unknown) => setNotice({ text: messageOf(error), bad: true }));
  }, [client]);

  async function run(work: () => Promise<string | null>) {
    setWorking(true);
    setNotice(null);
    try {
      const done = await work();
      if (done) setNotice({ text: done, bad: false });
    } catch (error) {
      setNotice({ text: messageOf(error), bad: true });
    } finally {
      setWorking(false);
    }
  }

  function exportCsv(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const file = await client.api.exportReceiptsCsv({ from, to });
      downloadExportedFile(file);
      return null;
    });
  }

  function saveAccounts(event: FormEvent) {
    event.preventDefault();
    if (!accounts) return;
    void run(async () => {
      setAccounts(await client.api.updateExportAccounts(accounts));
      return t.accountsSaved;
    });
  }

  const account = (label: string, value: string, set: (value: string) => void, testId: string) => (
    <label key={testId}>
      {label}
      <input
        value={value}
        inputMode="numeric"
        size={9}
        onChange={(e) => set(e.target.value)}
        data-testid={testId}
      />
    </label>
  );

  return (
    <section className="settings-card closings-export" data-testid="receipts-export">
      <h2>{t.exportTitle}</h2>
      <p className="hint">{t.exportIntro}</p>
      <form className="closings-actions" onSubmit={exportCsv}>
        <label>
          {t.from}{' '}
          <input
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="export-from"
          />
        </label>
        <label>
          {t.to}{' '}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="export-to" />
        </label>
        <button type="submit" className="primary" disabled={working} data-testid="export-csv">
          {t.exportCsv}
        </button>
      </form>
      {accounts && (
        <details>
          <summary>{t.accountsTitle}</summary>
          <form className="settings-form" onSubmit={saveAccounts}>
            {account(
              t.accountCash,
              accounts.cash,
              (cash) => setAccounts({ ...accounts, cash }),
              'account-cash',
            )}
            {account(
              t.accountCard,
              accounts.card,
              (card) => setAccounts({ ...accounts, card }),
              'account-card',
            )}
            {account(
              t.accountClearing,
              accounts.clearing,
              (clearing) => setAccounts({ ...accounts, clearing }),
              'account-clearing',
            )}
            {VAT_RATES.map((rate: VatRate) =>
              account(
                t.accountRevenue(VAT_RATE_INFO[rate].label),
                accounts.revenue[rate],
                (value) => setAccounts({ ...accounts, revenue: { ...accounts.revenue, [rate]: value } }),
                `account-revenue-${rate}`,
              ),
            )}
            <button type="submit" disabled={working} data-testid="accounts-save">
              {t.saveAccounts}
            </button>
          </form>
        </details>
      )}
      <ActionNotice notice={notice} />
    </section>
  );
}
