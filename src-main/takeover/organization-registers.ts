// The organization's cash registers as the takeover screen lists them: Kassen-ID, description, state
// and SIGN AT's newest receipt of each, and whether it can be taken over (only an INITIALIZED one can).
import type { TakeoverRegister } from '../../src-shared/takeover.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { CashRegister } from '../fiskaly/sign-at-resources.ts';

const PAGE = 100;

const NOT_ELIGIBLE: Record<string, string> = {
  CREATED: 'noch nicht fertig eingerichtet',
  REGISTERED: 'noch nicht fertig eingerichtet (kein Startbeleg)',
  OUTAGE: 'bei fiskaly als ausgefallen gemeldet: erst wieder in Betrieb nehmen',
  DECOMMISSIONED: 'außer Betrieb genommen (stillgelegt)',
  DEFECTIVE: 'als defekt gemeldet',
};

async function allRegisters(client: SignAtClient): Promise<CashRegister[]> {
  const registers: CashRegister[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.listCashRegisters({ limit: PAGE, offset });
    registers.push(...page.data);
    if (page.data.length < PAGE) return registers;
  }
}

export async function listTakeoverRegisters(client: SignAtClient): Promise<TakeoverRegister[]> {
  const registers = await allRegisters(client);
  return Promise.all(
    registers.map(async (register): Promise<TakeoverRegister> => {
      const newest = await client.listReceipts(register._id, {
        orderBy: 'receipt_number',
        order: 'DESC',
        limit: 1,
      });
      const last = newest.data[0];
      const eligible = register.state === 'INITIALIZED';
      return {
        id: register._id,
        kassenId: register.serial_number,
        description: register.description ?? '',
        state: register.state,
        lastReceipt: last
          ? {
              number: last.receipt_number,
              at: last.time_signature === null ? null : new Date(last.time_signature * 1000).toISOString(),
            }
          : null,
        eligible,
        reason: eligible ? null : (NOT_ELIGIBLE[register.state] ?? `Zustand ${register.state}`),
      };
    }),
  );
}
