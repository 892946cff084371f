// Which printer gets the receipts, with which profile (paper, code page, QR mode, cut), and whether it
// answers. A test print shows umlauts, €, both QR modes and the cut, so the merchant sees which QR
// mode their printer reads before the first customer does.
import { useEffect, useState, type FormEvent } from 'react';
import { PosError } from '../../../src-shared/pos-error.ts';
import type { OsPrinter } from '../../../src-shared/printer-operations.ts';
import type { PrinterProfile } from '../../../src-shared/printer-profile.ts';
import type { PrinterSettings } from '../../../src-shared/printer-settings.ts';
import type { PrinterStatus } from '../../../src-shared/printer-status.ts';
import { QR_MODES } from '../../../src-shared/receipt-document.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { printerFormOf, printerSettingsOf, type ConnectionKind, type PrinterForm } from './printer-form.ts';

const KINDS: readonly ConnectionKind[] = ['none', 'tcp', 'os'];

function messageOf(error: unknown): string {
  return error instanceof PosError ? error.message : String(error);
}

export function PrinterSection() {
  const t = useMessages();
  const { client, status } = useAppStores();
  const [profiles, setProfiles] = useState<PrinterProfile[]>([]);
  const [osPrinters, setOsPrinters] = useState<OsPrinter[]>([]);
  const [saved, setSaved] = useState<PrinterSettings | null>(null);
  const [form, setForm] = useState<PrinterForm | null>(null);
  const [printer, setPrinter] = useState<PrinterStatus | null>(null);
  const [note, setNote] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([
      client.api.listPrinterProfiles(undefined),
      client.api.getPrinterSettings(undefined),
      client.api.listOsPrinters(undefined),
      client.api.checkPrinter(undefined),
    ])
      .then(([allProfiles, settings, printers, current]) => {
        setProfiles(allProfiles);
        setSaved(settings);
        setForm(printerFormOf(settings));
        setOsPrinters(printers);
        setPrinter(current);
      })
      .catch((error: unknown) => setNote({ tone: 'bad', text: messageOf(error) }));
  }, [client]);

  function change(patch: Partial<PrinterForm>) {
    setForm((current) => (current ? { ...current, ...patch } : current));
    setNote(null);
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setNote({ tone: 'bad', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (!form || !saved) return;
    void run(async () => {
      const settings = await client.api.updatePrinterSettings(printerSettingsOf(form, saved.logo));
      setSaved(settings);
      setForm(printerFormOf(settings));
      setPrinter(await client.api.checkPrinter(undefined));
      setNote({ tone: 'ok', text: t.printer.saved });
      await status.getState().refresh();
    });
  }

  function testPrint() {
    void run(async () => {
      const result = await client.api.testPrint(undefined);
      setPrinter(result.status);
      setNote(
        result.printed
          ? { tone: 'ok', text: t.printer.testPrinted }
          : { tone: 'bad', text: t.printer.testFailed(result.message ?? '') },
      );
    });
  }

  function check() {
    void run(async () => setPrinter(await client.api.checkPrinter(undefined)));
  }

  return (
    <section className="settings-card" data-testid="settings-printer">
      <h2>{t.settings.printer}</h2>
      {printer && (
        <p className={printer.state === 'off' ? 'notice bad' : 'notice'} data-testid="printer-status">
          {t.printer.state[printer.state]}
          {printer.queueLength > 0 && ` · ${t.header.printerQueue(printer.queueLength)}`}
          {printer.message && ` · ${printer.message}`}
        </p>
      )}
      {form && (
        <form className="settings-form" onSubmit={save}>
          <label>
            {t.printer.connection}
            <select
              value={form.kind}
              onChange={(e) => change({ kind: e.target.value as ConnectionKind })}
              data-testid="printer-kind"
            >
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t.printer.kinds[kind]}
                </option>
              ))}
            </select>
          </label>
          {form.kind === 'tcp' && (
            <div className="entry-row">
              <label className="grow">
                {t.printer.host}
                <input
                  value={form.host}
                  placeholder="192.168.1.50"
                  onChange={(e) => change({ host: e.target.value })}
                  data-testid="printer-host"
                />
              </label>
              <label>
                {t.printer.port}
                <input
                  inputMode="numeric"
                  size={6}
                  value={form.port}
                  onChange={(e) => change({ port: e.target.value })}
                  data-testid="printer-port"
                />
              </label>
            </div>
          )}
          {form.kind === 'os' && (
            <label>
              {t.printer.device}
              <select value={form.deviceName} onChange={(e) => change({ deviceName: e.target.value })}>
                <option value="">{t.printer.systemDefault}</option>
                {osPrinters.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.displayName}
                  </option>
                ))}
              </select>
              {osPrinters.length === 0 && <span className="hint">{t.printer.noOsPrinters}</span>}
            </label>
          )}
          <label>
            {t.printer.profile}
            <select value={form.profileId} onChange={(e) => change({ profileId: e.target.value })}>
              {profiles.map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {t.printer.profileLabel(profile)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.printer.qrMode}
            <select
              data-testid="printer-qr-mode"
              value={form.qrMode}
              onChange={(e) => change({ qrMode: e.target.value as PrinterForm['qrMode'] })}
            >
              <option value="">{t.printer.qrModeProfile}</option>
              {QR_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t.printer.qrModes[mode]}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.drawerKick}
              onChange={(e) => change({ drawerKick: e.target.checked })}
            />
            {t.printer.drawerKick}
          </label>
          <label>
            {t.printer.footer}
            <textarea
              rows={2}
              value={form.footer}
              maxLength={500}
              onChange={(e) => change({ footer: e.target.value })}
            />
          </label>
          <div className="dialog-buttons">
            <button type="submit" disabled={busy} data-testid="printer-save">
              {t.settings.save}
            </button>
            <button type="button" disabled={busy} onClick={testPrint} data-testid="printer-test">
              {t.printer.test}
            </button>
            <button type="button" disabled={busy} onClick={check}>
              {t.printer.check}
            </button>
          </div>
        </form>
      )}
      {note && (
        <p
          className={note.tone === 'bad' ? 'notice bad' : 'notice saved'}
          role={note.tone === 'bad' ? 'alert' : 'status'}
        >
          {note.text}
        </p>
      )}
    </section>
  );
}
