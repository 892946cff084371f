// The Ausfallprotokoll on the closing screen: each outage with the receipts handed out without a
// signature (offline number → receipt number), its Sammelbeleg and the FinanzOnline duty; printed on
// the receipt printer, or saved as PDF or CSV for the auditor and the tax adviser (main makes all three).
import { useCallback, useEffect, useState } from 'react';
import { formatEuro } from '../../src-shared/money.ts';
import {
  OUTAGE_PROTOCOL_FORMATS,
  viennaYear,
  type Outage,
  type OutageProtocol,
  type OutageReceipt,
} from '../../src-shared/outage-protocol.ts';
import { formatOutageDuration } from '../../src-shared/outage-protocol-text.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { downloadExportedFile } from '../components/download-file.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

type Texts = ReturnType<typeof useMessages>['closings']['outages'];

const time = (iso: string | null) => (iso === null ? '—' : formatViennaDateTime(iso));

function clearanceText(t: Texts, outage: Outage): string {
  if (outage.clearance)
    return t.clearanceFound(outage.clearance.receiptNumber ?? '?', time(outage.clearance.signedAt));
  if (!outage.clearanceNeeded) return t.clearanceNotNeeded;
  return outage.endedAt === null ? t.clearanceFollows : t.clearanceMissing;
}

function resultText(t: Texts, receipt: OutageReceipt): string {
  if (receipt.state === 'offline' || receipt.state === 'pending') return t.waiting;
  if (receipt.state === 'rejected') return t.rejected;
  return receipt.failureMarker ? t.withMarker : t.signedInDep;
}

function ReceiptRow({ receipt }: { receipt: OutageReceipt }) {
  const t = useMessages().closings.outages;
  return (
    <tr data-testid="outage-receipt" data-receipt-id={receipt.id}>
      <td>{receipt.offlineNumber ?? '—'}</td>
      <td>{time(receipt.issuedAt)}</td>
      <td className="num">{receipt.receiptNumber ?? '—'}</td>
      <td>{time(receipt.signedAt)}</td>
      <td className="num">{formatEuro(receipt.totalCents)}</td>
      <td className={receipt.state === 'rejected' ? 'closings-bad' : undefined}>
        {resultText(t, receipt)}
        {receipt.signedInLaterYear && receipt.issuedAt && receipt.signedAt && (
          <span className="closings-bad" data-testid="outage-year-change">
            {' · '}
            {t.yearChange(viennaYear(receipt.issuedAt), viennaYear(receipt.signedAt))}
          </span>
        )}
      </td>
    </tr>
  );
}

function OutageEntry({ outage, index }: { outage: Outage; index: number }) {
  const t = useMessages().closings.outages;
  return (
    <article className="outage" data-testid="outage" data-outage-id={outage.id}>
      <h3>{t.outage(index)}</h3>
      <dl className="outage-facts">
        <dt>{t.started}</dt>
        <dd>{time(outage.startedAt)}</dd>
        <dt>{t.ended}</dt>
        <dd>{outage.endedAt === null ? t.running : time(outage.endedAt)}</dd>
        <dt>{t.duration}</dt>
        <dd>{formatOutageDuration(outage.durationMs)}</dd>
        {outage.reason && (
          <>
            <dt>{t.reason}</dt>
            <dd>{outage.reason}</dd>
          </>
        )}
        <dt>{t.clearance}</dt>
        <dd data-testid="outage-clearance">{clearanceText(t, outage)}</dd>
        <dt>{t.report}</dt>
        <dd data-testid="outage-report" className={outage.reportDue ? 'closings-bad' : undefined}>
          {outage.reportDue ? t.reportDue : t.reportNotDue}
        </dd>
      </dl>
      <p>{t.receipts(outage.receipts.length)}</p>
      {outage.receipts.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t.offlineNumber}</th>
              <th>{t.issued}</th>
              <th>{t.receiptNumber}</th>
              <th>{t.signed}</th>
              <th>{t.amount}</th>
              <th>{t.result}</th>
            </tr>
          </thead>
          <tbody>
            {outage.receipts.map((receipt) => (
              <ReceiptRow key={receipt.id} receipt={receipt} />
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

export function OutageProtocolSection() {
  const t = useMessages().closings.outages;
  const { client } = useAppStores();
  const [protocol, setProtocol] = useState<OutageProtocol | null>(null);
  const [working, setWorking] = useState<'print' | 'pdf' | 'csv' | null>(null);
  const [notice, setNotice] = useState<{ text: string; bad: boolean } | null>(null);

  const fail = (error: unknown) =>
    setNotice({ text: error instanceof PosError ? error.message : String(error), bad: true });

  const load = useCallback(async () => {
    try {
      setProtocol(await client.api.outageProtocol(undefined));
    } catch (error) {
      fail(error);
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  async function run(kind: 'print' | 'pdf' | 'csv', work: () => Promise<void>) {
    if (working) return;
    setWorking(kind);
    setNotice(null);
    try {
      await work();
      await load();
    } catch (error) {
      fail(error);
    } finally {
      setWorking(null);
    }
  }

  const print = () =>
    run('print', async () => {
      const result = await client.api.printOutageProtocol(undefined);
      setNotice(
        result.printed
          ? { text: t.printed, bad: false }
          : { text: t.notPrinted(result.message ?? ''), bad: true },
      );
    });

  const save = (format: (typeof OUTAGE_PROTOCOL_FORMATS)[number]) =>
    run(format, async () => {
      const file = await client.api.exportOutageProtocol({ format });
      downloadExportedFile(file);
    });

  return (
    <section className="settings-card closings-list outage-protocol" data-testid="outage-protocol">
      <h2>{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <div className="closings-actions">
        <button
          type="button"
          data-testid="outage-print"
          disabled={working !== null}
          onClick={() => void print()}
        >
          {working === 'print' ? t.printing : t.print}
        </button>
        {OUTAGE_PROTOCOL_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            data-testid={`outage-${format}`}
            disabled={working !== null}
            onClick={() => void save(format)}
          >
            {t[format]}
          </button>
        ))}
      </div>
      {notice && (
        <p className={notice.bad ? 'notice bad' : 'notice'} role={notice.bad ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {protocol === null && notice === null && <p>{t.loading}</p>}
      {protocol?.outages.length === 0 && <p className="hint">{t.none}</p>}
      {protocol?.outages.map((outage, index) => (
        <OutageEntry key={outage.id} outage={outage} index={index + 1} />
      ))}
    </section>
  );
}
