// A Tagesbericht (X or Z) on screen, figure by figure as main computed it; the same report prints on the
// receipt printer and as PDF from the receipt layout.
import type { CashSummary, DayReport } from '../../src-shared/day-report.ts';
import { formatEuro } from '../../src-shared/money.ts';
import { VAT_RATE_INFO } from '../../src-shared/vat.ts';
import { formatDayDe } from '../../src-shared/vienna-day.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { useMessages } from '../i18n/use-messages.ts';

type Texts = ReturnType<typeof useMessages>['closings']['dayClose'];

function CashView({ cash, t }: { cash: CashSummary; t: Texts }) {
  return (
    <div className="day-report-cash" data-testid="day-report-cash">
      <h4>{t.cashTitle}</h4>
      <dl className="outage-facts">
        <dt>{t.opening}</dt>
        <dd className="num">{formatEuro(cash.openingCents)}</dd>
        <dt>{t.cashSales}</dt>
        <dd className="num" data-testid="day-report-cash-sales">
          {formatEuro(cash.salesCents)}
        </dd>
        <dt>{t.deposits}</dt>
        <dd className="num">{formatEuro(cash.depositsCents)}</dd>
        <dt>{t.withdrawals}</dt>
        <dd className="num">{formatEuro(-cash.withdrawalsCents)}</dd>
        <dt>{t.difference}</dt>
        <dd className="num">{formatEuro(cash.differenceCents)}</dd>
        <dt>
          <strong>{t.expected}</strong>
        </dt>
        <dd className="num" data-testid="day-report-cash-expected">
          <strong>{formatEuro(cash.expectedCents)}</strong>
        </dd>
      </dl>
      {cash.movements.length > 0 && (
        <ul className="day-report-movements">
          {cash.movements.map((m) => (
            <li
              key={`${m.at}-${m.kind}-${m.amountCents}`}
              data-testid="day-report-movement"
              data-kind={m.kind}
            >
              {t.movementKinds[m.kind]} {formatViennaDateTime(m.at)}:{' '}
              {m.kind === 'count'
                ? t.countText(
                    formatEuro(m.amountCents),
                    formatEuro(m.expectedCents ?? 0),
                    formatEuro(m.differenceCents ?? 0),
                  )
                : `${formatEuro(m.kind === 'withdrawal' ? -m.amountCents : m.amountCents)} · ${m.reason ?? ''}`}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t.notSigned}</p>
    </div>
  );
}

export function DayReportView({ report }: { report: DayReport }) {
  const t = useMessages().closings.dayClose;
  const day = formatDayDe(report.date);
  return (
    <article
      className="day-report"
      data-testid="day-report"
      data-kind={report.kind}
      data-z-number={report.zNumber ?? ''}
      data-date={report.date}
    >
      <h3 data-testid="day-report-title">{t.reportTitle(report.kind, report.zNumber, day)}</h3>
      {report.closedBy && (
        <p className="notice" data-testid="day-report-closed-by">
          {t.closedBy(report.closedBy.zNumber, formatViennaDateTime(report.closedBy.closedAt))}
        </p>
      )}
      <dl className="outage-facts">
        {report.firstIssuedAt && report.lastIssuedAt && (
          <>
            <dt>{t.period}</dt>
            <dd>
              {formatViennaDateTime(report.firstIssuedAt)} – {formatViennaDateTime(report.lastIssuedAt)}
            </dd>
          </>
        )}
        <dt>{t.numbers}</dt>
        <dd
          data-testid="day-report-numbers"
          data-first={report.firstReceiptNumber ?? ''}
          data-last={report.lastReceiptNumber ?? ''}
        >
          {report.firstReceiptNumber === null
            ? '—'
            : t.numbersText(report.firstReceiptNumber, report.lastReceiptNumber ?? '')}
        </dd>
        <dt>{t.receipts}</dt>
        <dd data-testid="day-report-receipt-count">{report.receiptCount}</dd>
        {report.byKind.map(({ kind, count }) => (
          <div key={kind} className="day-report-kind" data-testid="day-report-kind" data-kind={kind}>
            <dt>· {t.kinds[kind]}</dt>
            <dd>{count}</dd>
          </div>
        ))}
      </dl>
      {report.perRate.length > 0 && (
        <table className="day-report-rates">
          <thead>
            <tr>
              <th>{t.rate}</th>
              <th className="num">{t.net}</th>
              <th className="num">{t.vat}</th>
              <th className="num">{t.gross}</th>
            </tr>
          </thead>
          <tbody>
            {report.perRate.map((rate) => (
              <tr key={rate.vatRate} data-testid="day-report-rate" data-rate={rate.vatRate}>
                <td>
                  {VAT_RATE_INFO[rate.vatRate].letter} {VAT_RATE_INFO[rate.vatRate].label}
                </td>
                <td className="num">{formatEuro(rate.netCents)}</td>
                <td className="num">{formatEuro(rate.vatCents)}</td>
                <td className="num">{formatEuro(rate.grossCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="day-report-total">
        {t.total}: <strong data-testid="day-report-total">{formatEuro(report.totalCents)}</strong>
      </p>
      <dl className="outage-facts">
        <dt>{t.payments}</dt>
        <dd />
        {report.perPayment.map((payment) => (
          <div
            key={payment.type}
            className="day-report-kind"
            data-testid="day-report-payment"
            data-type={payment.type}
          >
            <dt>· {t.paymentTypes[payment.type]}</dt>
            <dd className="num">{formatEuro(payment.amountCents)}</dd>
          </div>
        ))}
        <dt>{t.cancellations}</dt>
        <dd data-testid="day-report-cancellations" data-count={report.cancellations.count}>
          {report.cancellations.count} · {formatEuro(report.cancellations.amountCents)}
        </dd>
        <dt>{t.zero}</dt>
        <dd data-testid="day-report-zero">{report.zeroReceipts}</dd>
        <dt>{t.training}</dt>
        <dd data-testid="day-report-training" data-count={report.training.count}>
          {report.training.count} · {formatEuro(report.training.amountCents)}
        </dd>
        <dt>{t.offline}</dt>
        <dd data-testid="day-report-offline" data-count={report.offline.count}>
          {report.offline.count} · {formatEuro(report.offline.amountCents)}
          {report.offline.waiting > 0 && ` (${t.offlineWaiting(report.offline.waiting)})`}
        </dd>
      </dl>
      {report.pending > 0 && <p className="hint">{t.pending(report.pending)}</p>}
      {report.carriedOver > 0 && <p className="hint">{t.carriedOver(report.carriedOver)}</p>}
      {t.closedElsewhere(report).map((line) => (
        <p className="hint" data-testid="day-report-closed-elsewhere" key={line}>
          {line}
        </p>
      ))}
      {report.cash && <CashView cash={report.cash} t={t} />}
    </article>
  );
}
