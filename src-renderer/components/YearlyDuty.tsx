// The Jahresbeleg must be checked with FinanzOnline by 15 February (rksv.md, special receipts). From
// 1 January until that is done, the till says so on every screen, with the check one click away.
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { YearlyCheck } from '../../src-shared/closing-receipt.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { YearlyReminder } from '../closings/YearlyReminder.tsx';
import { useAppStores } from '../stores/app-stores.ts';

export function YearlyDuty() {
  const { client, screen } = useAppStores();
  const current = useStore(screen, (s) => s.screen);
  const [yearly, setYearly] = useState<YearlyCheck | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setYearly((await client.api.listClosings(undefined)).yearly);
    } catch {
      // The reminder is a courtesy on top of the closing screen (F6), which shows the same duty and any
      // error in full; a failed look-up here must not get between the cashier and the next sale.
      setYearly(null);
    }
  }, [client]);

  // Looked up at start and whenever the cashier comes back to the till (e.g. after checking it in F6).
  useEffect(() => {
    if (current === 'till') void load();
  }, [current, load]);

  async function check(closingId: string) {
    setBusy(true);
    try {
      await client.api.validateClosing({ id: closingId });
    } catch (error) {
      screen.getState().reportActionError(error instanceof PosError ? error.message : String(error));
    } finally {
      setBusy(false);
      await load();
    }
  }

  if (!yearly?.remind || current === 'closings') return null;
  return (
    <div className="yearly-duty">
      <YearlyReminder yearly={yearly} onCheck={(id) => void check(id)} busy={busy} />
    </div>
  );
}
