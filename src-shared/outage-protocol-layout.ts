// The Ausfallprotokoll on the receipt printer (and as PDF): the same blocks, wrapping and columns as a
// receipt, so the ESC/POS encoder, the PDF and the HTML renderer draw it as they draw a receipt.
import { formatEuro } from './money.ts';
import type { Outage, OutageProtocol, OutageReceipt } from './outage-protocol.ts';
import {
  clearanceText,
  formatOutageDuration,
  OUTAGE_PROTOCOL_TITLE,
  outageReceiptLink,
  outageReceiptOutcome,
  reportText,
  yearChangeNote,
} from './outage-protocol-text.ts';
import type { ReceiptCompany } from './receipt-company.ts';
import type { PaperColumns, ReceiptBlock, ReceiptDocument } from './receipt-document.ts';
import { FAILED_SIGNATURE_LABEL, header, OFFLINE_NUMBER_LABEL, row, text } from './receipt-layout.ts';
import { formatViennaDateTime } from './vienna-display-time.ts';

function receiptBlocks(receipt: OutageReceipt, columns: number): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [
    row(outageReceiptLink(receipt), `EUR ${formatEuro(receipt.totalCents)}`, columns, { bold: true }),
  ];
  if (receipt.issuedAt !== null) {
    blocks.push(row('  ausgegeben', formatViennaDateTime(receipt.issuedAt), columns));
  }
  if (receipt.signedAt !== null)
    blocks.push(row('  signiert', formatViennaDateTime(receipt.signedAt), columns));
  blocks.push(text(`  ${outageReceiptOutcome(receipt)}`, columns));
  const year = yearChangeNote(receipt);
  if (year !== null) blocks.push(text(`  ${year}`, columns, { bold: true }));
  return blocks;
}

function outageBlocks(outage: Outage, index: number, columns: number): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [
    text(`Ausfall ${index + 1}`, columns, { bold: true, size: 'tall' }),
    row('Beginn', formatViennaDateTime(outage.startedAt), columns),
    row('Ende', outage.endedAt === null ? 'dauert an' : formatViennaDateTime(outage.endedAt), columns),
    row('Dauer', formatOutageDuration(outage.durationMs), columns),
  ];
  if (outage.reason !== null) blocks.push(text(`Grund: ${outage.reason}`, columns));
  blocks.push(
    text(`Belege ohne Signatur: ${outage.receipts.length} (${OFFLINE_NUMBER_LABEL} -> Beleg-Nr.)`, columns),
    ...outage.receipts.flatMap((receipt) => receiptBlocks(receipt, columns)),
    row('Sammelbeleg', clearanceText(outage), columns),
    text(`Meldung an FinanzOnline: ${reportText(outage)}`, columns, { bold: outage.reportDue }),
  );
  return blocks;
}

export function layoutOutageProtocol(
  protocol: OutageProtocol,
  company: ReceiptCompany,
  paper: { columns: PaperColumns },
): ReceiptDocument {
  const { columns } = paper;
  const separator: ReceiptBlock = { kind: 'separator', char: '-' };
  const blocks: ReceiptBlock[] = [
    ...header(company, columns),
    text(OUTAGE_PROTOCOL_TITLE.toUpperCase(), columns, { align: 'center', bold: true, size: 'tall' }),
    text(`Ausfälle der Signatur (${FAILED_SIGNATURE_LABEL})`, columns, { align: 'center' }),
    separator,
    row('Kassen-ID', protocol.kassenId ?? '-', columns),
    row('Erstellt', formatViennaDateTime(protocol.generatedAt), columns),
    separator,
  ];
  if (protocol.outages.length === 0) blocks.push(text('Keine Ausfälle.', columns), separator);
  protocol.outages.forEach((outage, index) =>
    blocks.push(...outageBlocks(outage, index, columns), separator),
  );
  blocks.push({ kind: 'cut' });
  return { columns, title: `${OUTAGE_PROTOCOL_TITLE} ${protocol.kassenId ?? ''}`.trim(), blocks };
}
