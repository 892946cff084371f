// A till as a merchant runs it, for the benchmarks: the real composition root (createApp) in live mode
// on the headless shell's host (conf settings, key-file secret box, a data dir on disk), its register set
// up by the app's own onboarding against the SIGN AT emulator in the remote-peers process, and its
// receipts printed over TCP to the fake printer there.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreHandlers } from '../src-shared/pos-api-contract.ts';
import type { SaleDraftInput } from '../src-shared/sale-draft.ts';
import { createApp, type App } from '../src-main/app.ts';
import { createSignAtClient } from '../src-main/fiskaly/sign-at-client.ts';
import { createDataFolderHost } from '../src-main/host/data-folder-host.ts';
import type { AppHost, Logger } from '../src-main/host/app-host.ts';
import { DEMO_COMPANY, DEMO_FON_CREDENTIALS } from '../src-main/onboarding/demo-company.ts';
import { setUpRegister, type RegisterSetupResult } from '../src-main/onboarding/register-setup.ts';
import { createPrintService, PRINTER_SETTINGS_KEY } from '../src-main/printing/print-service.ts';
import { CoreSettingsStore } from '../src-main/settings/core-settings-store.ts';
import { TILL_CREDENTIALS, type PeerCredentials, type RemotePeers } from './remote-peers.ts';

export interface BenchTill {
  app: App;
  handlers: CoreHandlers;
  host: AppHost;
  registerId: string;
  /** performance.now() when the printer last took a whole job: the receipt is on paper. */
  lastPaperAt(): number;
  close(): Promise<void>;
}

/** Warnings and errors still show: a benchmark that silently measures a failing till measures nothing. */
const quietLog: Logger = {
  info() {},
  warn(message, fields) {
    process.stderr.write(`  [till] ${message} ${fields ? JSON.stringify(fields) : ''}\n`);
  },
  error(message, fields) {
    process.stderr.write(`  [till] ERROR ${message} ${fields ? JSON.stringify(fields) : ''}\n`);
  },
};

/** A café sale as the till screen sends it: three lines, paid in cash. */
export const CAFE_SALE: SaleDraftInput = {
  kind: 'NORMAL',
  lines: [
    { text: 'Melange', quantity: '2', unitPrice: '4.20', vatRate: '10' },
    { text: 'Topfengolatsche', quantity: '1', unitPrice: '2.90', vatRate: '10' },
    { text: 'Mineralwasser 0,5 l', quantity: '1', unitPrice: '2.90', vatRate: '20' },
  ],
  payments: [{ type: 'CASH', amount: '20.00' }],
};

/** A register of its own on the peers' emulator, set up in SIGN AT's documented order by the app's code. */
export async function setUpPeerRegister(
  peers: RemotePeers,
  credentials: PeerCredentials,
  description: string,
): Promise<RegisterSetupResult> {
  const client = createSignAtClient({ baseUrl: peers.baseUrl, ...credentials });
  return setUpRegister({
    client,
    fon: DEMO_FON_CREDENTIALS,
    vatId: DEMO_COMPANY.vatId ?? 'ATU12345678',
    legalEntityName: DEMO_COMPANY.name,
    registerDescription: description,
    progress: null,
    saveProgress() {},
    onStep() {},
    wait: { intervalMs: 50 },
  });
}

export async function startBenchTill(peers: RemotePeers): Promise<BenchTill> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kassen-bench-till-'));
  const host = createDataFolderHost(dataDir, quietLog);
  const register = await setUpPeerRegister(peers, TILL_CREDENTIALS, 'Kasse 1 (Bench)');
  new CoreSettingsStore(host.settings).update({
    mode: 'live',
    company: DEMO_COMPANY,
    credentials: {
      baseUrl: peers.baseUrl,
      apiKey: TILL_CREDENTIALS.apiKey,
      apiSecretSealed: host.secrets.encrypt(TILL_CREDENTIALS.apiSecret),
      env: 'TEST',
    },
    register: {
      environment: 'TEST',
      scuId: register.scuId,
      registerId: register.registerId,
      kassenId: register.kassenId,
      description: 'Kasse 1 (Bench)',
    },
  });
  host.settings.set(PRINTER_SETTINGS_KEY, {
    connection: { kind: 'tcp', host: '127.0.0.1', port: peers.printerPort },
    profileId: 'epson-tm-t20',
    qrMode: null,
    drawerKick: true,
    footer: 'Vielen Dank für Ihren Besuch!',
    logo: null,
  });
  // The print service the app builds from these settings, built once more here on the same settings
  // store, so that the moment the printer has taken the whole job can be timed: the receipt is on paper.
  const printing = createPrintService({
    settings: host.settings,
    company: () => DEMO_COMPANY,
    log: quietLog,
  });
  let paperAt = 0;
  const app = await createApp(host, {
    mode: 'live',
    async printReceipt(receipt, options) {
      const printed = await printing.printReceipt(receipt, options);
      paperAt = performance.now();
      return printed;
    },
    preparePrint: () => printing.prepare(),
    printerStatus: () => {
      const status = printing.status();
      return { configured: status.configured, state: status.state, queueLength: status.queueLength };
    },
  });
  // A shell always listens (the window over IPC, the headless page over its event stream) and
  // serializes every event it passes on; so does the till here, so that its sales pay for that too.
  app.onEvent((event) => void JSON.stringify(event));
  return {
    app,
    handlers: app.handlers,
    host,
    registerId: register.registerId,
    lastPaperAt: () => paperAt,
    async close() {
      await app.close();
      printing.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
