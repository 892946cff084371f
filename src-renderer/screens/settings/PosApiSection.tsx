// The local POS API in the settings: the switch, where it listens, and its token, which the merchant
// copies into the till software (PosApiTokenField). Everything here is answered by the shell.
import { useEffect, useState } from 'react';
import type { PosApiInfo } from '../../../src-shared/pos-api-info.ts';
import { PosError } from '../../../src-shared/pos-error.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { PosApiTokenField } from './PosApiTokenField.tsx';

export function PosApiSection() {
  const t = useMessages();
  const stores = useAppStores();
  const { client } = stores;
  const [info, setInfo] = useState<PosApiInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  function show(next: PosApiInfo) {
    setInfo(next);
    // The status bar shows a port conflict too, and follows what the switch just did.
    stores.status.getState().applyPosApi(next);
  }

  async function run(call: () => Promise<PosApiInfo>) {
    try {
      show(await call());
      setError(null);
    } catch (e) {
      setError(e instanceof PosError ? e.message : String(e));
    }
  }

  useEffect(() => {
    void run(() => client.api.getPosApiInfo(undefined));
  }, [client]);

  return (
    <section className="settings-card" data-testid="settings-pos-api">
      <h2>{t.settings.posApi}</h2>
      {error && <p className="notice bad">{error}</p>}
      {info && (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={info.enabled}
              onChange={(e) => void run(() => client.api.setPosApiEnabled({ enabled: e.target.checked }))}
            />
            {t.settings.posApiEnabled}
          </label>
          {info.enabled ? (
            <dl>
              <dt>{t.settings.posApiUrl}</dt>
              <dd>
                <code>{info.url ?? t.settings.none}</code>
              </dd>
              <dt>{t.settings.posApiToken}</dt>
              <dd>
                {info.token === null ? (
                  t.settings.none
                ) : (
                  <PosApiTokenField token={info.token} tokenSource={info.tokenSource} onNewInfo={show} />
                )}
              </dd>
            </dl>
          ) : (
            <p>{t.settings.posApiOff}</p>
          )}
          {info.portInUse !== null ? (
            <p className="notice bad" data-testid="pos-api-port-in-use">
              {t.settings.posApiPortInUse(info.portInUse, info.url)}
            </p>
          ) : (
            info.problem && <p className="notice bad">{t.settings.posApiProblem(info.problem)}</p>
          )}
        </>
      )}
    </section>
  );
}
