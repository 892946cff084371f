// What both shells show while the first start after an update migrates a long journal (migration 4
// walks every receipt: about 20 s at 1.5 M receipts): the desktop app a small window with a bar, the
// service a line per tenth. A journal below MIGRATION_SHOWN_FROM receipts is done before anyone could
// read it, so it shows nothing; the size, not a clock, decides, so that what is shown is the same on
// any PC.
import type { UiLanguage } from '../../src-shared/ui-language.ts';
import type { JournalMigrationProgress } from '../journal/open-journal-database.ts';

export const MIGRATION_SHOWN_FROM = 20_000;

export interface MigrationTexts {
  title: string;
  text: string;
  /** The bar's caption and the service's line. */
  done(percent: number): string;
}

// de-DE: a point between thousands, as Austrians write counts too (de-AT's ICU default is a space).
const NUMBER = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };

function migrationTexts(receipts: number, language: UiLanguage): MigrationTexts {
  const count = NUMBER[language].format(receipts);
  return language === 'en'
    ? {
        title: 'Updating the journal',
        text: `Once after the update, Kassen-Companion brings the journal of ${count} receipts up to date. Please do not switch the PC off; the till opens by itself afterwards.`,
        done: (percent) => `Journal: ${percent} %`,
      }
    : {
        title: 'Journal wird aktualisiert',
        text: `Einmalig nach dem Update bringt Kassen-Companion das Journal mit ${count} Belegen auf den neuen Stand. Bitte den PC nicht ausschalten; die Kasse öffnet sich danach von selbst.`,
        done: (percent) => `Journal: ${percent} %`,
      };
}

/** Where a shell shows it: opened once, told each new percentage, closed at the end. */
export interface MigrationDisplay {
  open(texts: MigrationTexts, percent: number): void;
  update(percent: number): void;
  close(): void;
}

export interface MigrationFollower {
  onProgress(progress: JournalMigrationProgress): void;
  /** The start went on (or failed): whatever is shown goes. */
  finish(): void;
}

/** Feeds `display` from the migration's progress, in steps of `stepPercent`. */
export function followJournalMigration(
  display: MigrationDisplay,
  language: () => UiLanguage,
  stepPercent = 1,
): MigrationFollower {
  let shownPercent: number | null = null;
  return {
    onProgress(progress) {
      if (progress.receipts < MIGRATION_SHOWN_FROM) return;
      const percent = Math.floor((progress.fraction * 100) / stepPercent) * stepPercent;
      if (shownPercent === null) display.open(migrationTexts(progress.receipts, language()), percent);
      else if (percent > shownPercent) display.update(percent);
      else return;
      shownPercent = percent;
    },
    finish() {
      if (shownPercent !== null) display.close();
      shownPercent = null;
    },
  };
}
