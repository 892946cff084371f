// The takeover's steps in words, German as the log and the status bar speak: what runs now, and what
// a finished step did (the setup file's progress lines). Without a backup folder the backup steps did
// nothing, and say so.
import type { TakeoverStep } from '../../src-shared/takeover.ts';

export const TAKEOVER_STEP_RUNNING: Record<TakeoverStep, string> = {
  access: 'Zugang und Kasse werden geprüft',
  fon: 'FinanzOnline-Zugang wird geprüft',
  backup: 'Sicherung wird gesucht und geprüft',
  journal: 'Journal aus der Sicherung wird übernommen',
  sign_at: 'Belege werden mit SIGN AT abgeglichen',
  dep: 'DEP-Archiv wird übernommen und geprüft',
  settings: 'Kasse wird angemeldet',
};

const DONE: Record<TakeoverStep, string> = {
  access: 'Zugang und Kasse geprüft',
  fon: 'FinanzOnline-Zugang geprüft',
  backup: 'Sicherung gefunden und geprüft',
  journal: 'Journal aus der Sicherung übernommen',
  sign_at: 'Belege mit SIGN AT abgeglichen',
  dep: 'DEP-Archiv übernommen und geprüft',
  settings: 'Kasse angemeldet',
};

const DONE_WITHOUT_BACKUP: Partial<Record<TakeoverStep, string>> = {
  backup: 'keine Sicherung angegeben (nur SIGN AT)',
  journal: 'kein Journal aus einer Sicherung',
  dep: 'kein DEP-Archiv aus einer Sicherung',
};

export function takeoverStepDoneText(step: TakeoverStep, withBackup: boolean): string {
  return (withBackup ? undefined : DONE_WITHOUT_BACKUP[step]) ?? DONE[step];
}
