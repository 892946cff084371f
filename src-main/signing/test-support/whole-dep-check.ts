// A register's whole DEP export as the app's own verifier checks it, from the Startbeleg on: what a
// test of a run checks at its end.
import { verifyDepExport } from '../../archive/dep-verifier.ts';
import type { DepExport } from '../../fiskaly/sign-at-resources.ts';

export function checkWholeDep(dep: DepExport, kassenId: string): ReturnType<typeof verifyDepExport> {
  return verifyDepExport(
    dep,
    { kassenId, lastJws: null, lastReceiptNumber: null, lastDateTime: null, openOutage: false },
    { expectStartReceipt: true },
  );
}
