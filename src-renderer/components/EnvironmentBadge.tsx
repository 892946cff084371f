import type { Environment } from '../../src-shared/receipt.ts';
import { useMessages } from '../i18n/use-messages.ts';

/** DEMO / TEST / LIVE in a colour of its own, so nobody mistakes a demo till for a fiscal one. */
export function EnvironmentBadge({ environment }: { environment: Environment }) {
  const t = useMessages();
  return (
    <span
      className={`env-badge env-${environment.toLowerCase()}`}
      title={t.environmentHint[environment]}
      data-testid="environment-badge"
    >
      {environment}
    </span>
  );
}
