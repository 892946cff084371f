// What a scanned or typed code stands for. A receipt's QR code is parsed with the RKSV parser and its
// receipt found in the journal by Kassen-ID and receipt number (any register this journal ever had: a
// receipt of a demo left behind is found too); whether the code itself is genuine is the receipt check's
// question, this only says whether it is the code the journal holds. Anything else is an EAN or a PLU.
import { looksLikeReceiptCode, type CodeLookup } from '../../src-shared/code-lookup.ts';
import type { ArticleStore } from '../articles/article-store.ts';
import { toReceipt } from '../journal/journal-record.ts';
import type { Journal } from '../journal/journal.ts';
import { parseMachineReadableCode, type MachineReadableCode } from '../rksv/machine-readable-code.ts';

function receiptOfCode(code: string, journal: Journal): CodeLookup {
  let parsed: MachineReadableCode;
  try {
    parsed = parseMachineReadableCode(code);
  } catch {
    return { kind: 'unknown', reason: 'unreadable_receipt_code', code, kassenId: null, receiptNumber: null };
  }
  const record = journal.findByReceiptNumber(parsed.cashRegisterId, parsed.receiptNumber);
  if (record === null) {
    return {
      kind: 'unknown',
      reason: 'receipt_not_found',
      code,
      kassenId: parsed.cashRegisterId,
      receiptNumber: parsed.receiptNumber,
    };
  }
  const receipt = toReceipt(record);
  return { kind: 'receipt', receipt, sameCode: receipt.qrCodeData === code };
}

export function lookupCode(code: string, articles: ArticleStore, journal: Journal): CodeLookup {
  const text = code.trim();
  if (looksLikeReceiptCode(text)) return receiptOfCode(text, journal);
  const article = articles.byCode(text);
  if (article) return { kind: 'article', article };
  return { kind: 'unknown', reason: 'no_article', code: text, kassenId: null, receiptNumber: null };
}
