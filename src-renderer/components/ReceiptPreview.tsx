// The receipt on screen exactly as the printer gets it: main lays it out (business data, footer, logo,
// the chosen printer's width) and the shared ReceiptView draws that document, so preview equals paper.
import { useEffect, useState } from 'react';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { ReceiptPreview as ReceiptPreviewData } from '../../src-shared/receipt-preview.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { ReceiptView } from '../receipt-view/ReceiptView.tsx';
import { useAppStores } from '../stores/app-stores.ts';

interface ReceiptPreviewProps {
  receipt: Receipt;
  /** A reprint: the paper carries DUPLIKAT and the time main printed it again. */
  duplicate?: boolean;
}

type Loaded = { key: string; preview: ReceiptPreviewData } | { key: string; error: string };

/** Whatever changes what the paper says; a new key lays the receipt out again. */
function layoutKey(receipt: Receipt, duplicate: boolean): string {
  return [
    receipt.id,
    receipt.state,
    receipt.signed,
    receipt.receiptNumber,
    receipt.qrCodeData,
    duplicate,
  ].join('|');
}

/**
 * A receipt whose QR code from SIGN AT disagrees with it has no paper form (main refuses its preview,
 * PDF and print): what is wrong stands in its place, so nobody takes a picture of it for a receipt.
 */
function MismatchInsteadOfPaper({ receipt, problems }: { receipt: Receipt; problems: readonly string[] }) {
  const t = useMessages();
  return (
    <div
      className="receipt-preview"
      data-testid="receipt-paper"
      data-receipt-id={receipt.id}
      data-code-mismatch="true"
    >
      <div className="notice bad" role="alert" data-testid="receipt-mismatch-instead">
        <p>{t.codeCheck.noPaper(receipt.receiptNumber ?? '—')}</p>
        <ul>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function ReceiptPreview({ receipt, duplicate = false }: ReceiptPreviewProps) {
  const problems = receipt.codeCheck?.state === 'mismatch' ? receipt.codeCheck.problems : null;
  if (problems !== null) return <MismatchInsteadOfPaper receipt={receipt} problems={problems} />;
  return <ReceiptPaper receipt={receipt} duplicate={duplicate} />;
}

function ReceiptPaper({ receipt, duplicate }: { receipt: Receipt; duplicate: boolean }) {
  const t = useMessages();
  const { client } = useAppStores();
  const key = layoutKey(receipt, duplicate);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    client.api
      .getReceiptPreview({ id: receipt.id, duplicate })
      .then((preview) => current && setLoaded({ key, preview }))
      .catch((error: unknown) => {
        if (current) setLoaded({ key, error: error instanceof PosError ? error.message : String(error) });
      });
    return () => {
      current = false;
    };
    // `key` stands for every receipt field the layout depends on, so the object itself is not a dependency.
  }, [client, key]);

  const fresh = loaded?.key === key ? loaded : null;
  return (
    <div className="receipt-preview" data-testid="receipt-paper" data-receipt-id={receipt.id}>
      {fresh === null && <p className="hint">{t.receipt.loading}</p>}
      {fresh && 'error' in fresh && (
        <p className="notice bad" role="alert">
          {t.receipt.failed(fresh.error)}
        </p>
      )}
      {fresh && 'preview' in fresh && (
        <ReceiptView document={fresh.preview.document} paper={fresh.preview.paper} />
      )}
    </div>
  );
}
