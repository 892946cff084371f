// Once a takeover has signed the register on, the till opens by itself; this notice says what came back
// (from the backup, from SIGN AT alone, the DEP archive) until the merchant has read it.
import { useEffect, useState } from 'react';
import type { TakeoverResult } from '../../src-shared/takeover.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

export function TakeoverDoneNotice({ registerId }: { registerId: string }) {
  const t = useMessages().takeover;
  const { client } = useAppStores();
  const [result, setResult] = useState<TakeoverResult | null>(null);

  useEffect(() => {
    client.api
      .getTakeover(undefined)
      .then((view) =>
        setResult(view.phase === 'done' && view.result?.registerId === registerId ? view.result : null),
      )
      .catch(() => setResult(null));
  }, [client, registerId]);

  if (result === null) return null;
  return (
    <div className="notice takeover-done" role="status" data-testid="takeover-done">
      <strong>{t.done}</strong> <span data-testid="takeover-summary">{t.summary(result)}</span>{' '}
      <button type="button" onClick={() => setResult(null)} data-testid="takeover-done-close">
        {t.toTill}
      </button>
    </div>
  );
}
