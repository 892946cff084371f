// A fiskaly TEST register on a data folder, set up as the wizard does (through the service, against
// the SIGN AT emulator the spec runs), with one sale signed and one that waits in the journal for its
// signature: the till a merchant has when a start finds its access unreadable.
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../src-main/emulator/sign-at-emulator.ts';
import { startHeadlessApp } from './headless-app.ts';
import { until } from './until.ts';

export const FISKALY_API_KEY = 'e2e-renew-key';
export const FISKALY_API_SECRET = 'e2e-renew-secret';

interface FiskalyTill {
  /** The sale handed out while SIGN AT did not answer: it waits in the journal. */
  waitingId: string;
}

export async function setUpFiskalyTill(dataDir: string, emulator: RunningEmulator): Promise<FiskalyTill> {
  const app = await startHeadlessApp({ demo: false, dataDir, args: ['--sign-at-url', emulator.baseUrl] });
  try {
    await app.api.startOnboarding({
      environment: 'TEST',
      access: { kind: 'api_key', apiKey: FISKALY_API_KEY, apiSecret: FISKALY_API_SECRET },
      company: {
        name: 'Konditorei Kern',
        address: 'Gasse 4',
        zip: '4020',
        town: 'Linz',
        vatId: 'ATU13585627',
      },
      fon: { participantId: 'T0003', userId: 'KASSE3', pin: 'fon-pin-e2e-1' },
      registerDescription: 'Kasse Vitrine',
    });
    await until(
      () => app.api.status(undefined),
      (status) => status.setup === 'ready',
      'the finished setup',
    );
    const sale = {
      kind: 'NORMAL' as const,
      lines: [{ text: 'Torte', quantity: '1', unitPrice: '4.20', vatRate: '10' as const }],
      payments: [],
    };
    assert.equal((await app.api.signSale(sale)).state, 'signed');
    emulator.setFaults({ error_rate: 1 });
    const waiting = await app.api.signSale(sale);
    assert.equal(waiting.state, 'offline');
    return { waitingId: waiting.id };
  } finally {
    await app.stop();
    emulator.setFaults({ error_rate: 0 });
  }
}
