import type { Status } from '../../src-shared/status.ts';
import { useMessages } from '../i18n/use-messages.ts';

/**
 * The red bar over every screen while a receipt's QR code from SIGN AT disagrees with the receipt: one
 * line per receipt with its number, until its storno is made (the list comes with the status).
 */
export function CodeMismatchBanner({ signing }: { signing: Status['signing'] }) {
  const t = useMessages();
  if (signing.codeMismatches.length === 0) return null;
  return (
    <div className="code-mismatch-banner" role="alert" data-testid="code-mismatch-banner">
      {signing.codeMismatches.map((mismatch) => (
        <p key={mismatch.id} data-receipt-id={mismatch.id}>
          {t.codeCheck.banner(mismatch.receiptNumber ?? '—')}
        </p>
      ))}
    </div>
  );
}
