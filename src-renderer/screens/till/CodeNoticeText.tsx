// Why a scanned or typed code rang nothing up, in the cashier's language.
import { useMessages } from '../../i18n/use-messages.ts';
import type { CodeNotice } from './use-code-entry.ts';

export function CodeNoticeText({ notice }: { notice: CodeNotice }) {
  const t = useMessages().articles.code;
  switch (notice.kind) {
    case 'unknown':
      return <>{t.unknown(notice.code)}</>;
    case 'checkDigit':
      return <>{t.checkDigit(notice.code)}</>;
    case 'failed':
      return <>{t.failed(notice.message)}</>;
  }
}
