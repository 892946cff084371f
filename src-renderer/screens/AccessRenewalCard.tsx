// "Zugang erneuern": a stored secret this installation cannot open (status.accessRenewal: the desktop
// app's keychain seal read by the service, a reset keychain, a copied data folder) is entered again.
// Main proves it with fiskaly before keeping it; journal and register stay as they are, and what waited
// in the journal is signed right after. Keyboard first: the first field has the focus, Enter renews.
import { useState, type FormEvent } from 'react';
import type { RenewAccessInput } from '../../src-shared/onboarding-input.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { AccessRenewal, Status } from '../../src-shared/status.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

type Field = 'apiKey' | 'apiSecret' | 'fonPin';

/** The field a main error names ("access", "access.apiSecret", "fonPin"), if it is one of ours. */
function fieldOf(path: string | undefined): Field | null {
  if (path === 'fonPin') return 'fonPin';
  if (path === 'access.apiSecret') return 'apiSecret';
  if (path?.startsWith('access')) return 'apiKey';
  return null;
}

export function AccessRenewalCard({ status, renewal }: { status: Status; renewal: AccessRenewal }) {
  const t = useMessages().access;
  const stores = useAppStores();
  const needsApi = renewal.needs.includes('api_access');
  const needsPin = renewal.needs.includes('fon_pin');
  const [values, setValues] = useState<Record<Field, string>>({ apiKey: '', apiSecret: '', fonPin: '' });
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [sending, setSending] = useState(false);
  const what = t.what[needsApi && needsPin ? 'both' : needsPin ? 'pin' : 'api'];
  const fields: Field[] = [
    ...(needsApi ? (['apiKey', 'apiSecret'] as const) : []),
    ...(needsPin ? ['fonPin' as const] : []),
  ];

  function focus(field: Field) {
    document.getElementById(`renew-${field}`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const empty = fields.find((field) => values[field].trim() === '');
    if (empty) {
      setError({ field: empty, message: t.required });
      focus(empty);
      return;
    }
    const input: RenewAccessInput = {
      ...(needsApi ? { access: { apiKey: values.apiKey.trim(), apiSecret: values.apiSecret.trim() } } : {}),
      ...(needsPin ? { fonPin: values.fonPin } : {}),
    };
    setSending(true);
    setError(null);
    try {
      stores.status.getState().apply(await stores.client.api.renewAccess(input));
    } catch (e) {
      const field = e instanceof PosError ? fieldOf(e.field) : null;
      setError({ field, message: e instanceof PosError ? e.message : String(e) });
      if (field) focus(field);
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="setup-card" data-testid="access-renewal">
      <h2>{t.title}</h2>
      <p role="alert" data-testid="access-renewal-cause">
        {renewal.reason === 'other_shell' ? t.otherShell(what) : t.keyLost(what)}
      </p>
      <p>
        {t.untouched}
        {status.signing.queueLength > 0 && ` ${t.waiting(status.signing.queueLength)}`}
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {fields.map((field, index) => (
          <div key={field} className={error?.field === field ? 'onb-field invalid' : 'onb-field'}>
            <label htmlFor={`renew-${field}`}>{t.labels[field]}</label>
            <input
              id={`renew-${field}`}
              type={field === 'apiKey' ? 'text' : 'password'}
              autoComplete="off"
              autoFocus={index === 0}
              value={values[field]}
              aria-invalid={error?.field === field}
              onChange={(e) => setValues((current) => ({ ...current, [field]: e.target.value }))}
              data-testid={`renew-${field}`}
            />
            {field === 'apiKey' && <span className="hint">{t.apiHint}</span>}
            {error?.field === field && (
              <span className="onb-error" role="alert">
                {error.message}
              </span>
            )}
          </div>
        ))}
        {error && error.field === null && (
          <p className="notice bad" role="alert" data-testid="access-renewal-error">
            {t.failed(error.message)}
          </p>
        )}
        <button type="submit" className="primary" disabled={sending} data-testid="renew-access">
          {sending ? t.checking : t.renew}
        </button>
      </form>
    </section>
  );
}
