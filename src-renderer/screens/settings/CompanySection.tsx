// The business as every receipt names it (§ 132a BAO: name, address, UID) and how long a sale waits for
// SIGN AT before it is handed out as "Sicherheitseinrichtung ausgefallen". Main validates and keeps them.
import { useEffect, useState, type FormEvent } from 'react';
import type { CoreSettingsView } from '../../../src-shared/core-settings.ts';
import { PosError } from '../../../src-shared/pos-error.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';

interface Form {
  name: string;
  address: string;
  vatId: string;
  signTimeoutSeconds: string;
}

function formOf(view: CoreSettingsView): Form {
  return {
    name: view.company?.name ?? '',
    address: view.company?.address ?? '',
    vatId: view.company?.vatId ?? '',
    signTimeoutSeconds: String(view.signTimeoutMs / 1000),
  };
}

export function CompanySection() {
  const t = useMessages();
  const { client, status } = useAppStores();
  const [form, setForm] = useState<Form | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    client.api
      .getSettings(undefined)
      .then((view) => setForm(formOf(view)))
      .catch((error: unknown) => setProblem(error instanceof PosError ? error.message : String(error)));
  }, [client]);

  function change(patch: Partial<Form>) {
    setForm((current) => (current ? { ...current, ...patch } : current));
    setSaved(false);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const seconds = Number(form.signTimeoutSeconds.replace(',', '.'));
    try {
      const view = await client.api.updateSettings({
        company: {
          name: form.name,
          address: form.address,
          vatId: form.vatId.trim() === '' ? null : form.vatId,
        },
        // Whole milliseconds; main enforces the allowed range and says so if it is out of it.
        ...(Number.isFinite(seconds) ? { signTimeoutMs: Math.round(seconds * 1000) } : {}),
      });
      setForm(formOf(view));
      setProblem(null);
      setSaved(true);
      await status.getState().refresh();
    } catch (error) {
      setProblem(error instanceof PosError ? error.message : String(error));
    }
  }

  return (
    <section className="settings-card" data-testid="settings-company">
      <h2>{t.settings.company}</h2>
      {form && (
        <form className="settings-form" onSubmit={(e) => void save(e)}>
          <label>
            {t.settings.companyName}
            <input value={form.name} maxLength={80} onChange={(e) => change({ name: e.target.value })} />
          </label>
          <label>
            {t.settings.companyAddress}
            <textarea rows={2} value={form.address} onChange={(e) => change({ address: e.target.value })} />
          </label>
          <label>
            {t.settings.companyVatId}
            <input
              value={form.vatId}
              placeholder="ATU12345678"
              onChange={(e) => change({ vatId: e.target.value })}
            />
          </label>
          <label>
            {t.settings.signTimeout}
            <input
              inputMode="decimal"
              value={form.signTimeoutSeconds}
              onChange={(e) => change({ signTimeoutSeconds: e.target.value })}
            />
          </label>
          <p className="hint">{t.settings.signTimeoutHint}</p>
          <button type="submit">{t.settings.save}</button>
          {saved && <span className="saved">{t.settings.saved}</span>}
        </form>
      )}
      {problem && (
        <p className="notice bad" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
