// What the app does once its parts stand: prints that were owed, the register chosen before, an
// onboarding that was interrupted, the archive and backup schedules and a first knock on the printer.
import type { AppParts } from './app-parts.ts';
import { owedPrints } from '../signing/print-job-journal.ts';

export async function startUp({
  host,
  journal,
  settings,
  printing,
  runtime,
  onboarding,
  archiver,
  backups,
}: Pick<
  AppParts,
  'host' | 'journal' | 'settings' | 'printing' | 'runtime' | 'onboarding' | 'archiver' | 'backups'
>): Promise<void> {
  // Originals that still waited for the printer when the app last stopped go first, in journal order
  // (the queue puts them ahead of anything printed meanwhile).
  const owed = owedPrints(journal);
  if (owed.length > 0) {
    host.log.info('Belege warten seit dem letzten Start auf den Drucker', { count: owed.length });
    printing.resume(owed);
  }
  const initial = settings.read();
  if (initial.mode === 'demo') {
    // Awaited so that a till reopened in demo mode is ready with its first status; a failure leaves the
    // app up with setup "needed" and the reason in the status, and startDemo can try again.
    await runtime.startDemo().catch((error: unknown) => {
      host.log.error('Demo konnte nicht fortgesetzt werden', { error: String(error) });
    });
  } else if (initial.mode === 'live') {
    runtime.startFiskaly(initial);
  }
  // An onboarding the app was closed (or crashed) in the middle of goes on where it stopped.
  const interrupted = onboarding.view();
  if (interrupted.phase === 'interrupted' && interrupted.target === 'fiskaly') onboarding.resume();
  archiver.startSchedule();
  backups.startSchedule();
  void printing.checkPrinter();
}
