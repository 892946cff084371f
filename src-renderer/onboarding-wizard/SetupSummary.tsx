// The wizard's last page, between the setup and the till: what was set up (register, environment,
// company, printer) and the Startbeleg with its checks. RKSV wants the Startbeleg checked at once and the
// result kept: main's onboarding has FinanzOnline check it (fiskaly's validation), and the app checks its
// code itself (checkReceiptCode: signature against the SCU's certificate, and the journal). "Zur Kasse"
// opens the till. Shown once, after a setup this window went through.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { OnboardingView } from '../../src-shared/onboarding-view.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { ReceiptCheck } from '../../src-shared/receipt-check.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { EnvironmentBadge } from '../components/EnvironmentBadge.tsx';
import { ReceiptPreview } from '../components/ReceiptPreview.tsx';
import { useViewOfMain } from '../components/use-view-of-main.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import './onboarding-wizard.css';

/** How often the page asks main again while the Startbeleg is still being checked. */
const POLL_MS = 700;

interface StartReceiptChecked {
  receipt: Receipt;
  /** Null while the receipt has no code yet. */
  check: ReceiptCheck | null;
}

export function SetupSummary() {
  const t = useMessages();
  const s = t.onboarding.summary;
  const stores = useAppStores();
  const { client } = stores;
  const [view, setView] = useState<OnboardingView | null>(null);
  const [start, setStart] = useState<StartReceiptChecked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** Counts the answers (and failures): each one schedules the next ask while checks are open. */
  const [asked, setAsked] = useState(0);
  const toTill = useRef<HTMLButtonElement>(null);
  const printer = useStore(stores.status, (state) => state.status?.printer ?? null);

  const load = useCallback(async () => {
    try {
      const next = await client.api.getOnboarding(undefined);
      const id = next.startReceipt?.id;
      // Known from SIGN AT a step before it is in the journal: asked for once it is there.
      if (id && next.doneSteps.includes('start_receipt')) {
        const receipt = await client.api.getReceipt({ id });
        const check = receipt.qrCodeData
          ? await client.api.checkReceiptCode({ qrCodeData: receipt.qrCodeData })
          : null;
        setStart({ receipt, check });
      }
      setView(next);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof PosError ? error.message : String(error));
    } finally {
      setAsked((n) => n + 1);
    }
  }, [client]);

  // Asked again while main still works on the Startbeleg, or while the SCU's certificate is not here yet.
  const checking =
    view?.phase === 'running' ||
    start === null ||
    start.check === null ||
    start.check.verdict === 'unchecked';
  // A failed ask is shown and asked again: main may only have been busy.
  useViewOfMain(load, checking, asked, POLL_MS);

  useEffect(() => {
    toTill.current?.focus();
  }, []);

  function openTill() {
    stores.screen.getState().closeSetupSummary();
  }

  const validation = view?.startReceipt?.validation ?? null;
  const company = view?.company ?? null;
  return (
    <main className="setup-screen setup-summary" data-testid="setup-summary">
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      <div className="setup-summary-body">
        <section className="setup-card">
          <dl className="onb-facts">
            <dt>{t.onboarding.kassenId}</dt>
            <dd data-testid="setup-summary-kassen-id">{view?.kassenId ?? '…'}</dd>
            <dt>{t.onboarding.environment}</dt>
            <dd>{view?.environment && <EnvironmentBadge environment={view.environment} />}</dd>
            <dt>{t.onboarding.company}</dt>
            <dd>{company ? `${company.name}, ${company.address}, ${company.zip} ${company.town}` : '…'}</dd>
            <dt>{t.onboarding.vatId}</dt>
            <dd>{company?.vatId || t.settings.none}</dd>
            <dt>{t.settings.printer}</dt>
            <dd>{printer ? t.printer.state[printer.state] : '…'}</dd>
            <dt>{t.onboarding.startReceipt}</dt>
            <dd data-testid="setup-summary-start-receipt">
              {start?.receipt.receiptNumber
                ? t.onboarding.startReceiptNumber(start.receipt.receiptNumber)
                : '…'}
              {start?.receipt.signedAt && ` · ${formatViennaDateTime(start.receipt.signedAt)}`}
              {view?.startReceipt?.printed != null &&
                ` · ${view.startReceipt.printed ? t.onboarding.printed : t.onboarding.notPrinted}`}
            </dd>
          </dl>
          <h2>{s.checks}</h2>
          <p
            className={start?.check?.verdict === 'invalid' ? 'notice bad' : 'notice'}
            data-testid="setup-summary-code-check"
            data-verdict={start?.check?.verdict ?? 'pending'}
          >
            <strong>{s.signature}: </strong>
            {/* Main's sentence starts with the verdict ("Echt: die Signatur ist gültig. …"). */}
            {start?.check ? start.check.message : s.checking}
          </p>
          <p
            className={validation && validation.result !== 'SUCCESS' ? 'notice bad' : 'notice'}
            data-testid="setup-summary-fon-check"
            data-result={validation?.result ?? 'pending'}
          >
            <strong>{s.finanzOnline}: </strong>
            {validation
              ? `${t.onboarding.validation(validation.result)}${
                  validation.validatedAt ? ` (${formatViennaDateTime(validation.validatedAt)})` : ''
                }`
              : view?.phase === 'running'
                ? s.checking
                : t.onboarding.validationPending}
          </p>
          {view?.error && (
            <p className="notice bad" role="alert">
              {view.error.message}
            </p>
          )}
          {problem && (
            <p className="notice bad" role="alert">
              {problem}
            </p>
          )}
          <p className="hint">{s.keep}</p>
          <button
            ref={toTill}
            type="button"
            className="primary"
            onClick={openTill}
            data-testid="setup-summary-to-till"
          >
            {s.toTill}
          </button>
        </section>
        {start && <ReceiptPreview receipt={start.receipt} />}
      </div>
    </main>
  );
}
