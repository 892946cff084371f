// The backup card's strings (closing screen) and the status bar's backup indicator, German first;
// closings-messages.ts carries the card's as `closings.backup`, de.ts/en.ts the indicator's.

export const backupDe = {
  title: 'Sicherung von Journal und Einstellungen',
  intro:
    'Was nur dieser PC hat – das Journal aller Belege und die Einstellungen (ohne Geheimnisse) – wird täglich zusammen mit dem DEP-Archiv in den gewählten Ordner gesichert (USB-Stick oder Netzlaufwerk), nach dem Schreiben geprüft und in Generationen aufbewahrt: 7 tägliche, 4 wöchentliche. Fällt der PC aus, übernimmt ein neuer PC damit die Kasse.',
  lastGood: 'Letzte geprüfte Sicherung',
  never: 'noch nie',
  receiptsIn: 'Belege darin',
  folder: 'Sicherungsordner (vollständiger Pfad, z. B. E:\\ oder /media/usb)',
  noFolder: 'noch keiner gewählt',
  nextDue: 'Nächste Sicherung',
  backUpNow: 'Jetzt sichern und prüfen',
  backingUp: 'Wird gesichert und geprüft …',
  done: (at: string) => `Gesichert und geprüft: ${at}.`,
  overdue:
    'Seit über 7 Tagen keine geprüfte Sicherung: fällt dieser PC aus, fehlen die Belege seither im Journal. Bitte den USB-Stick anstecken und jetzt sichern.',
  lastError: (message: string) => `Letzter Versuch: ${message}`,
  generations: 'Generationen im Ordner',
  generationDate: 'Erstellt',
  generationKept: 'Aufbewahrt als',
  kept: { daily: 'täglich', weekly: 'wöchentlich' },
  generationReceipts: 'Belege',
  noGenerations: 'Im Ordner liegt noch keine Sicherung dieser Kasse (oder er ist nicht erreichbar).',
  indicator: 'Sicherung',
  indicatorOk: (date: string) => `${date}`,
  indicatorNever: 'noch nie',
  indicatorOverdue: (days: number) => `seit ${days} Tagen keine`,
};

export const backupEn: typeof backupDe = {
  title: 'Backup of journal and settings',
  intro:
    'What only this PC has – the journal of every receipt and the settings (without secrets) – is backed up every day, together with the DEP archive, to the chosen folder (USB stick or network share), checked after writing and kept in generations: 7 daily, 4 weekly. Should the PC fail, a new PC takes the cash register over from it.',
  lastGood: 'Last checked backup',
  never: 'never',
  receiptsIn: 'Receipts in it',
  folder: 'Backup folder (full path, e.g. E:\\ or /media/usb)',
  noFolder: 'none chosen yet',
  nextDue: 'Next backup',
  backUpNow: 'Back up and check now',
  backingUp: 'Backing up and checking …',
  done: (at) => `Backed up and checked: ${at}.`,
  overdue:
    'No checked backup for more than 7 days: should this PC fail, the receipts since then are missing from the journal. Please plug in the USB stick and back up now.',
  lastError: (message) => `Last attempt: ${message}`,
  generations: 'Generations in the folder',
  generationDate: 'Made',
  generationKept: 'Kept as',
  kept: { daily: 'daily', weekly: 'weekly' },
  generationReceipts: 'Receipts',
  noGenerations: 'The folder holds no backup of this cash register yet (or cannot be reached).',
  indicator: 'Backup',
  indicatorOk: (date) => `${date}`,
  indicatorNever: 'never',
  indicatorOverdue: (days) => `none for ${days} days`,
};
