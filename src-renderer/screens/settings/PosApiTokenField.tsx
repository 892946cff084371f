// The POS API token: masked until asked for (a screen is seen by customers and staff alike), copied with
// one click, and replaced by a new one when the old one may have leaked. Replacing cuts off the till
// software until it gets the new token, so it asks first.
import { useState } from 'react';
import type { PosApiInfo } from '../../../src-shared/pos-api-info.ts';
import { useMainAction } from '../../components/use-main-action.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';

const MASK = '•'.repeat(16);

export function PosApiTokenField({
  token,
  tokenSource,
  onNewInfo,
}: {
  token: string;
  tokenSource: PosApiInfo['tokenSource'];
  onNewInfo(info: PosApiInfo): void;
}) {
  const t = useMessages().settings;
  const { client } = useAppStores();
  const [visible, setVisible] = useState(false);
  /** Which token the last copy put on the clipboard: "kopiert" stands for that one only. */
  const [copied, setCopied] = useState<string | null>(null);
  const [copyProblem, setCopyProblem] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [renewed, setRenewed] = useState(false);
  const regenerate = useMainAction();

  async function copy() {
    setCopyProblem(false);
    try {
      // Undefined outside a secure context (the service reached over plain http from another PC).
      await navigator.clipboard.writeText(token);
      setCopied(token);
    } catch {
      // Then the merchant copies it by hand: show it, selectable at one click (`.secret`).
      setCopyProblem(true);
      setVisible(true);
    }
  }

  function renew() {
    setConfirming(false);
    void regenerate.run(async () => {
      onNewInfo(await client.api.regeneratePosApiToken(undefined));
      // The new token is what the merchant must now enter in the till software: shown at once.
      setVisible(true);
      setRenewed(true);
    });
  }

  return (
    <div className="token-field">
      <div className="token-row">
        <code className="secret" data-testid="pos-api-token" data-masked={!visible}>
          {visible ? token : MASK}
        </code>
        <button
          type="button"
          onClick={() => setVisible(!visible)}
          aria-pressed={visible}
          data-testid="pos-api-token-show"
        >
          {visible ? t.posApiTokenHide : t.posApiTokenShow}
        </button>
        <button type="button" onClick={() => void copy()} data-testid="pos-api-token-copy">
          {t.posApiTokenCopy}
        </button>
        {copied === token && (
          <span className="saved" role="status" data-testid="pos-api-token-copied">
            {t.posApiTokenCopied}
          </span>
        )}
      </div>
      {copyProblem && <p className="notice bad">{t.posApiTokenCopyFailed}</p>}
      {renewed && (
        <p className="saved" role="status" data-testid="pos-api-token-renewed">
          {t.posApiTokenRenewed}
        </p>
      )}
      {tokenSource !== 'generated' ? (
        <p className="hint">{t.posApiTokenGiven}</p>
      ) : confirming ? (
        <div className="confirm-box" role="alertdialog" data-testid="pos-api-token-confirm">
          <p>{t.posApiTokenRenewQuestion}</p>
          <div className="dialog-buttons">
            <button type="button" className="danger" onClick={renew} data-testid="pos-api-token-renew-yes">
              {t.posApiTokenRenewYes}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t.posApiTokenRenewNo}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          disabled={regenerate.working}
          onClick={() => setConfirming(true)}
          data-testid="pos-api-token-renew"
        >
          {t.posApiTokenRenew}
        </button>
      )}
      {regenerate.problem && (
        <p className="notice bad" role="alert">
          {regenerate.problem}
        </p>
      )}
    </div>
  );
}
