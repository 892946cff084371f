// A register's whole DEP export from SIGN AT, checked from the start receipt on, as an auditor would.
import { verifyDepExport, type DepCheck } from '../../archive/dep-verifier.ts';
import type { SignAtClient } from '../../fiskaly/sign-at-client.ts';
import type { DepExport } from '../../fiskaly/sign-at-resources.ts';
import type { RegisterConfig } from '../signing-pipeline.ts';

export async function checkWholeDep(
  client: SignAtClient,
  register: RegisterConfig,
): Promise<{ dep: DepExport; check: DepCheck }> {
  const dep = await client.exportDep(register.id);
  const check = verifyDepExport(
    dep,
    {
      kassenId: register.kassenId,
      lastJws: null,
      lastReceiptNumber: null,
      lastDateTime: null,
      openOutage: false,
    },
    { expectStartReceipt: true },
  );
  return { dep, check };
}
