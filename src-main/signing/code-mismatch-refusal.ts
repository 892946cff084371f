// A receipt whose QR code from SIGN AT disagrees with it has no paper form: not printed, not reprinted,
// no PDF and no preview of it, since a customer or an auditor would take that paper for a valid receipt.
// It is cancelled (Storno) and rung up again.
import { PosError } from '../../src-shared/pos-error.ts';
import type { CodeCheck } from '../../src-shared/receipt.ts';

export function refuseMismatchedPaper(receipt: {
  id: string;
  receiptNumber: string | null;
  codeCheck: CodeCheck | null;
}): void {
  if (receipt.codeCheck?.state !== 'mismatch') return;
  throw new PosError(
    'conflict',
    `Der QR-Code von SIGN AT passt nicht zu Beleg ${receipt.receiptNumber ?? receipt.id}: er wird nicht gedruckt. Bitte stornieren und neu bonieren.`,
    'id',
  );
}
