// What SIGN AT's code must say about a receipt, taken from the app's own data: the Kassen-ID and the
// per-rate totals the journal holds (what the paper prints), SIGN AT's receipt number and time (what the
// paper prints next to them). The check itself is rksv/receipt-code-check.ts.
import type { RateTotal } from '../../src-shared/receipt.ts';
import { VAT_RATE_INFO, type RksvBucket } from '../../src-shared/vat.ts';
import type { SignedReceipt } from '../fiskaly/sign-at-resources.ts';
import type { NextToSign } from '../journal/journal.ts';
import type { JournalRecord } from '../journal/journal-record.ts';
import { checkReceiptCode, type ReceiptCodeCheck } from '../rksv/receipt-code-check.ts';
import type { RksvAmounts } from '../rksv/rksv-amounts.ts';
import type { SigningCertificate } from '../rksv/signing-certificate.ts';
import type { ScuCertificates } from './scu-certificates.ts';

const AMOUNT_OF_BUCKET: Record<RksvBucket, keyof RksvAmounts> = {
  standard: 'standard',
  reduced_1: 'reduced1',
  reduced_2: 'reduced2',
  zero: 'zero',
  special: 'special',
};

/** The five RKSV amounts a receipt's per-rate totals add up to (19 % and 4.9 % share "special"). */
export function rksvAmountsOf(totals: readonly RateTotal[]): RksvAmounts {
  const amounts = { standard: 0, reduced1: 0, reduced2: 0, zero: 0, special: 0 };
  for (const total of totals)
    amounts[AMOUNT_OF_BUCKET[VAT_RATE_INFO[total.vatRate].bucket]] += total.grossCents;
  return amounts;
}

/** SIGN AT's answer to the receipt the queue sent, checked before the journal takes it. */
export function checkSignAnswer(
  sent: NextToSign,
  response: SignedReceipt,
  certificates: ScuCertificates,
  nowMs: number,
): ReceiptCodeCheck {
  const answerKassenId = response.cash_register_serial_number;
  return checkReceiptCode(
    response.qr_code_data,
    {
      kassenIds:
        answerKassenId === undefined || answerKassenId === sent.kassenId
          ? [sent.kassenId]
          : [sent.kassenId, answerKassenId],
      receiptNumber: response.receipt_number,
      timeMs: response.time_signature === null ? nowMs : response.time_signature * 1000,
      amounts: rksvAmountsOf(sent.totalsPerRate),
      signed: response.signed,
    },
    (serial) => certificates.find(serial),
  );
}

/**
 * A code checked against a journaled receipt: the receipt's own (its signature waited for the
 * certificate), or one scanned from paper (the receipt check).
 */
export function checkJournaledCode(
  record: JournalRecord,
  certificateFor: (codeSerial: string) => SigningCertificate | null,
  qrCodeData: string | null = record.qrCodeData,
): ReceiptCodeCheck {
  return checkReceiptCode(
    qrCodeData,
    {
      kassenIds: [record.kassenId],
      receiptNumber: record.receiptNumber,
      timeMs: record.signedAtMs ?? record.createdMs,
      amounts: rksvAmountsOf(record.sale.totalsPerRate),
      signed: record.signed,
    },
    certificateFor,
  );
}
