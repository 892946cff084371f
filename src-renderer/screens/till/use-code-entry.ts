// What the till does with a code the cashier scanned or typed (entry-code.ts says when it is one): an
// article goes on the Bon; a receipt's QR code opens the journal on it, which checks it as if scanned into
// its search and selects its receipt, ready for DUPLIKAT or Storno (or says why it has none); anything
// else is refused with the reason, never rung up as an amount.
import { useCallback, useState } from 'react';
import type { CodeLookup } from '../../../src-shared/code-lookup.ts';
import { hasEanShape, isValidEan } from '../../../src-shared/ean.ts';
import { PosError } from '../../../src-shared/pos-error.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { articleLine } from '../../till/article-line.ts';
import type { EntryCode } from '../../till/entry-code.ts';

export type CodeNotice =
  | { kind: 'unknown'; code: string }
  | { kind: 'checkDigit'; code: string }
  | { kind: 'failed'; message: string };

export function useCodeEntry() {
  const { client, sale, journal, screen } = useAppStores();
  const [notice, setNotice] = useState<CodeNotice | null>(null);

  /** True when the code was dealt with (rung up, opened or refused); false when the entry is an amount. */
  async function resolve(code: EntryCode): Promise<boolean> {
    if (code.kind === 'amount') return false;
    setNotice(null);
    if (code.kind === 'receipt') {
      screen.getState().show('journal');
      await journal.getState().openCode(code.code);
      return true;
    }
    // A misread or mistyped barcode is caught here; main is not asked for a code that cannot exist.
    if (code.kind === 'article' && hasEanShape(code.code) && !isValidEan(code.code)) {
      setNotice({ kind: 'checkDigit', code: code.code });
      return true;
    }
    let found: CodeLookup;
    try {
      found = await client.api.lookupCode({ code: code.code });
    } catch (error) {
      setNotice({ kind: 'failed', message: error instanceof PosError ? error.message : String(error) });
      return true;
    }
    switch (found.kind) {
      case 'article':
        sale.getState().addFavourite(articleLine(found.article));
        return true;
      case 'unknown':
        // Typed digits no article has as its PLU are the amount they look like.
        if (code.kind === 'pluOrAmount') return false;
        setNotice({ kind: 'unknown', code: found.code });
        return true;
    }
  }

  const clearNotice = useCallback(() => setNotice(null), []);
  return { notice, clearNotice, resolve };
}
