// A till that went through the real onboarding against the emulator and can ring up sales: the starting
// point of every archive and closing test.
import { randomUUID } from 'node:crypto';
import type { RunningEmulator } from '../emulator/sign-at-emulator.ts';
import { createSignAtClient, type SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { SignedReceipt } from '../fiskaly/sign-at-resources.ts';
import { FAST_RETRY, Installation, startInput } from '../onboarding/onboarding-harness.test-support.ts';
import type { ArchiveTarget } from './archiver.ts';

let counter = 0;

export interface RegisteredTill {
  till: Installation;
  client: SignAtClient;
  target: ArchiveTarget;
  sell(euros: string): Promise<SignedReceipt>;
}

export async function registeredTill(emulator: RunningEmulator): Promise<RegisteredTill> {
  counter += 1;
  const apiKey = `archive-key-${counter}-${process.pid}`;
  const apiSecret = `archive-secret-${counter}`;
  const till = new Installation();
  const machine = till.machine(emulator.baseUrl);
  await machine.start(startInput(apiKey, apiSecret));
  const view = await machine.settled();
  if (view.phase !== 'done' || view.registerId === null || view.kassenId === null) {
    throw new Error(`onboarding did not finish: ${JSON.stringify(view.error)}`);
  }
  const client = createSignAtClient({ baseUrl: emulator.baseUrl, apiKey, apiSecret, retry: FAST_RETRY });
  const registerId = view.registerId;
  return {
    till,
    client,
    target: { client, registerId, kassenId: view.kassenId, environment: 'TEST' },
    sell: (euros) =>
      client.signReceipt(registerId, randomUUID(), {
        receipt_type: 'NORMAL',
        schema: {
          raw: {
            gross_amount_standard: euros,
            gross_amount_reduced_1: '0.00',
            gross_amount_reduced_2: '0.00',
            gross_amount_special: '0.00',
            gross_amount_zero: '0.00',
          },
        },
      }),
  };
}
