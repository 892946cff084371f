// The receipt as the customer gets it, until the shared ReceiptView (src-renderer/receipt-view/,
// rendered from the same ReceiptDocument as the printer) replaces it. Its text is German on
// purpose, whatever the UI language: the paper is the legal document.
import { formatEuro } from '../../src-shared/money.ts';
import { formatQuantity } from '../../src-shared/quantity.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { Status } from '../../src-shared/status.ts';
import { VAT_RATE_INFO } from '../../src-shared/vat.ts';
import { QrCodeSvg } from './QrCodeSvg.tsx';
import { formatReceiptTime } from './receipt-time.ts';

function labelsOf(receipt: Receipt, duplicate: { reprintedAt: string } | undefined): string[] {
  const labels: string[] = [];
  if (duplicate) labels.push(`DUPLIKAT ${formatReceiptTime(duplicate.reprintedAt)}`);
  if (receipt.kind === 'TRAINING') labels.push('TRAININGSBUCHUNG');
  if (receipt.kind === 'CANCELLATION') {
    labels.push(`STORNO zu Beleg-Nr. ${receipt.cancels?.receiptNumber ?? '—'}`);
  }
  if (!receipt.signed && receipt.state !== 'pending') labels.push('Sicherheitseinrichtung ausgefallen');
  return labels;
}

export interface ReceiptPaperProps {
  receipt: Receipt;
  company: Status['company'];
  duplicate?: { reprintedAt: string };
}

export function ReceiptPaper({ receipt, company, duplicate }: ReceiptPaperProps) {
  return (
    <article className="receipt-paper" data-receipt-id={receipt.id} data-testid="receipt-paper">
      {company && (
        <header className="receipt-head">
          <div>{company.name}</div>
          <div>{company.address}</div>
          {company.vatId && <div>UID {company.vatId}</div>}
        </header>
      )}
      {labelsOf(receipt, duplicate).map((label) => (
        <div key={label} className="receipt-label">
          {label}
        </div>
      ))}
      <hr />
      <div className="receipt-row">
        <span>Beleg-Nr. {receipt.receiptNumber ?? '—'}</span>
        <span>Kassen-ID {receipt.kassenId}</span>
      </div>
      <div>{formatReceiptTime(receipt.signedAt ?? receipt.createdAt)}</div>
      <hr />
      {receipt.lines.map((line, index) => (
        <div key={index} className="receipt-row">
          <span>
            {formatQuantity(line.quantityMilli)} x {line.text}
          </span>
          <span>
            {line.quantityMilli !== 1000 && `à ${formatEuro(line.unitPriceCents)}  `}
            {formatEuro(line.amountCents)} {VAT_RATE_INFO[line.vatRate].letter}
          </span>
        </div>
      ))}
      <hr />
      <div className="receipt-row receipt-total">
        <span>SUMME</span>
        <span>EUR {formatEuro(receipt.totalCents)}</span>
      </div>
      {receipt.payments.map((payment, index) => (
        <div key={index} className="receipt-row">
          <span>{payment.type === 'CASH' ? 'Bar' : 'Karte'}</span>
          <span>{formatEuro(payment.amountCents)}</span>
        </div>
      ))}
      {receipt.changeCents !== 0 && (
        <div className="receipt-row">
          <span>Rückgeld</span>
          <span>{formatEuro(receipt.changeCents)}</span>
        </div>
      )}
      {receipt.totalsPerRate.length > 0 && (
        <>
          <hr />
          <table className="receipt-vat">
            <thead>
              <tr>
                <th>Satz</th>
                <th>Netto</th>
                <th>USt</th>
                <th>Brutto</th>
              </tr>
            </thead>
            <tbody>
              {receipt.totalsPerRate.map((total) => (
                <tr key={total.vatRate}>
                  <td>
                    {VAT_RATE_INFO[total.vatRate].letter} {VAT_RATE_INFO[total.vatRate].label}
                  </td>
                  <td>{formatEuro(total.netCents)}</td>
                  <td>{formatEuro(total.vatCents)}</td>
                  <td>{formatEuro(total.grossCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <hr />
      {receipt.qrCodeData && (
        <div className="receipt-qr">
          <QrCodeSvg text={receipt.qrCodeData} />
        </div>
      )}
    </article>
  );
}
