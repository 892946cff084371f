// The closing screen's strings (archive, Monats-/Jahresbelege, backups, DEP check), German first;
// src-renderer/i18n/de.ts and en.ts carry them as `closings`.
import { outageProtocolDe, outageProtocolEn } from './outage-protocol-messages.ts';
import { backupDe, backupEn } from './backup-messages.ts';
import { dayCloseDe, dayCloseEn } from './day-close-messages.ts';

export const closingsDe = {
  archiveTitle: 'Datenerfassungsprotokoll (DEP) sichern',
  archiveIntro:
    'fiskaly bewahrt die Belege nur 3 Monate auf, das Gesetz verlangt 7 Jahre (§ 132 BAO). Die Kasse holt das DEP täglich ab, prüft es und legt es auf diesem PC ab. Mindestens jedes Quartal zusätzlich auf einen externen Datenträger kopieren.',
  archiveNow: 'Jetzt sichern',
  archiving: 'Wird gesichert …',
  fullCheck: 'Alles neu prüfen',
  lastExport: 'Letzte Sicherung',
  never: 'noch nie',
  entries: 'Dateien',
  receipts: 'Belege',
  lastReceipt: 'Letzter Beleg',
  nextDue: 'Nächste Sicherung',
  archiveDir: 'Ablage auf diesem PC',
  verifiedOk: (files: number, receipts: number) =>
    `Geprüft: in Ordnung (${files} ${files === 1 ? 'Datei' : 'Dateien'}, ${receipts} ${receipts === 1 ? 'Signatur' : 'Signaturen'} in diesem Durchgang geprüft)`,
  verifiedBad: 'Die Prüfung hat Fehler gefunden:',
  notes: 'Hinweise:',
  overdue:
    'Seit über einem Monat keine erfolgreiche Sicherung: fiskaly löscht Belege nach 3 Monaten. Bitte jetzt sichern.',
  lastError: (message: string) => `Letzter Versuch: ${message}`,
  copyTitle: 'Auf externen Datenträger kopieren',
  copyTarget: 'Zielordner (vollständiger Pfad, z. B. E:\\ oder /media/usb)',
  copy: 'Kopieren',
  copying: 'Wird kopiert …',
  copied: (files: number, to: string) => `${files} Dateien nach ${to} kopiert und Byte für Byte nachgeprüft.`,
  lastCopy: (at: string, to: string) => `Zuletzt kopiert am ${at} nach ${to}`,
  closingsTitle: 'Monats- und Jahresbelege',
  kind: { MONTHLY_CLOSE: 'Monatsbeleg', YEARLY_CLOSE: 'Jahresbeleg' },
  number: 'Nr.',
  date: 'Datum',
  check: 'FinanzOnline',
  printedColumn: 'Gedruckt',
  yes: 'ja',
  no: 'nein',
  notChecked: 'nicht geprüft',
  checkResult: (result: string) => (result === 'SUCCESS' ? 'bestätigt' : `Fehler (${result})`),
  unsigned: 'ohne Signatur (Ausfall)',
  validate: 'Prüfen',
  validateYearly: 'Prüfen und drucken',
  validating: 'Wird geprüft …',
  empty: 'Noch keine Monats- oder Jahresbelege.',
  loading: 'Wird geladen …',
  yearly: {
    missing: (year: number, dueBy: string) =>
      `Jahresbeleg ${year}: SIGN AT erstellt ihn mit dem ersten Beleg des neuen Jahres. Bitte einen Verkauf oder einen Nullbeleg (F3) buchen und den Jahresbeleg dann hier bis ${dueBy} prüfen und drucken.`,
    not_validated: (year: number, dueBy: string) =>
      `Jahresbeleg ${year}: bitte bis ${dueBy} bei FinanzOnline prüfen, ausdrucken und aufbewahren.`,
    failed: (year: number, dueBy: string) =>
      `Jahresbeleg ${year}: FinanzOnline hat ihn nicht bestätigt. Bitte bis ${dueBy} erneut prüfen; bleibt der Fehler, den fiskaly-Support kontaktieren.`,
    done: (year: number) => `Jahresbeleg ${year} ist geprüft.`,
    overdue: 'Die Frist (15. Februar) ist verstrichen.',
    check: 'Jahresbeleg prüfen',
  },
  depCheck: {
    title: 'DEP-Datei prüfen',
    intro:
      'Prüft jede DEP7-Datei, auch die einer anderen Kasse, wie ein Prüfer: Signaturen, Verkettung, Belegnummern, Startbeleg, Ausfälle und Zeiten; mit dem Kryptomaterial (AES-Schlüssel) auch den Umsatzzähler. Ohne App geht dasselbe mit „npm run dep:verify“.',
    path: 'DEP-Datei (vollständiger Pfad, z. B. E:\\dep-export.json oder /media/usb/dep-export.json)',
    cryptoPath: 'Kryptomaterial, falls vorhanden (vollständiger Pfad, leer lassen wenn keines)',
    check: 'Prüfen',
    checking: 'Wird geprüft …',
    valid: (receipts: number) => `Gültig: ${receipts} ${receipts === 1 ? 'Beleg' : 'Belege'} ohne Fehler.`,
    invalid: (errors: number, receipts: number) =>
      `Ungültig: ${errors} Fehler in ${receipts} ${receipts === 1 ? 'Beleg' : 'Belegen'}.`,
    unusable: (reason: string) => `Nicht prüfbar: ${reason}`,
    notChecked: 'Nicht geprüft:',
    uncheckedSignatures: (count: number, serials: string) =>
      `${count} Signaturen (kein Zertifikat oder Schlüssel für ${serials})`,
    uncheckedCounter: 'der Umsatzzähler (kein AES-Schlüssel)',
    kassenId: 'Kassen-ID',
    receipts: 'Belege',
    receiptsText: (receipts: number, groups: number) =>
      `${receipts} in ${groups} ${groups === 1 ? 'Gruppe' : 'Gruppen'}`,
    byType: 'Nach Art',
    byTypeText: (t: { start: number; sale: number; zero: number; training: number; cancellation: number }) =>
      `${t.start} Startbeleg, ${t.sale} Umsatzbelege, ${t.zero} Nullbelege, ${t.training} Trainingsbelege, ${t.cancellation} Stornobelege`,
    failureMarked: 'Mit „Sicherheitseinrichtung ausgefallen“',
    signatures: 'Signaturen geprüft',
    signaturesText: (checked: number, unchecked: number) =>
      unchecked === 0 ? String(checked) : `${checked}, ${unchecked} nicht prüfbar`,
    counter: 'Umsatzzähler am Ende',
    counterUnchecked: 'nicht geprüft (kein AES-Schlüssel)',
    turnover: 'Umsatz in der Datei (ohne Training)',
    span: 'Zeitraum',
    spanText: (from: string, to: string) => `${from} bis ${to}`,
    /** A receipt's local time as it stands in the DEP ("2016-03-11T03:57:08"). */
    time: (dateTime: string) => dateTime.replace(/^(\d{4})-(\d\d)-(\d\d)T/, '$3.$2.$1 '),
    receipt: (number: string) => `Beleg Nr. ${number}`,
    unreadReceipt: 'Beleg',
    group: (group: number) => `Gruppe ${group}`,
    place: (position: number, group: number, inGroup: number) =>
      `Position ${position} in der Datei, Gruppe ${group} Nr. ${inGroup}`,
    note: 'Hinweis',
    more: (count: number) => `… und ${count} weitere; alle listet „npm run dep:verify“.`,
  },
  outages: outageProtocolDe,
  backup: backupDe,
  dayClose: dayCloseDe,
};

export const closingsEn: typeof closingsDe = {
  archiveTitle: 'Back up the data record (DEP)',
  archiveIntro:
    'fiskaly keeps receipts for 3 months only; the law wants 7 years (§ 132 BAO). The till fetches the DEP every day, checks it and keeps it on this PC. At least every quarter, also copy it to an external medium.',
  archiveNow: 'Back up now',
  archiving: 'Backing up …',
  fullCheck: 'Check everything again',
  lastExport: 'Last backup',
  never: 'never',
  entries: 'Files',
  receipts: 'Receipts',
  lastReceipt: 'Last receipt',
  nextDue: 'Next backup',
  archiveDir: 'Stored on this PC in',
  verifiedOk: (files: number, receipts: number) =>
    `Checked: in order (${files} ${files === 1 ? 'file' : 'files'}, ${receipts} ${receipts === 1 ? 'signature' : 'signatures'} checked in this run)`,
  verifiedBad: 'The check found errors:',
  notes: 'Notes:',
  overdue:
    'No successful backup for over a month: fiskaly deletes receipts after 3 months. Please back up now.',
  lastError: (message: string) => `Last attempt: ${message}`,
  copyTitle: 'Copy to an external medium',
  copyTarget: 'Target folder (full path, e.g. E:\\ or /media/usb)',
  copy: 'Copy',
  copying: 'Copying …',
  copied: (files: number, to: string) => `${files} files copied to ${to} and checked byte for byte.`,
  lastCopy: (at: string, to: string) => `Last copied on ${at} to ${to}`,
  closingsTitle: 'Monthly and yearly receipts',
  kind: { MONTHLY_CLOSE: 'Monthly receipt', YEARLY_CLOSE: 'Yearly receipt' },
  number: 'No.',
  date: 'Date',
  check: 'FinanzOnline',
  printedColumn: 'Printed',
  yes: 'yes',
  no: 'no',
  notChecked: 'not checked',
  checkResult: (result: string) => (result === 'SUCCESS' ? 'confirmed' : `error (${result})`),
  unsigned: 'without signature (outage)',
  validate: 'Check',
  validateYearly: 'Check and print',
  validating: 'Checking …',
  empty: 'No monthly or yearly receipts yet.',
  loading: 'Loading …',
  yearly: {
    missing: (year: number, dueBy: string) =>
      `Yearly receipt ${year}: SIGN AT makes it with the first receipt of the new year. Please ring up a sale or a zero receipt (F3), then check and print the yearly receipt here by ${dueBy}.`,
    not_validated: (year: number, dueBy: string) =>
      `Yearly receipt ${year}: please check it with FinanzOnline by ${dueBy}, print it and keep it.`,
    failed: (year: number, dueBy: string) =>
      `Yearly receipt ${year}: FinanzOnline did not confirm it. Please check again by ${dueBy}; if it stays so, contact fiskaly support.`,
    done: (year: number) => `Yearly receipt ${year} is checked.`,
    overdue: 'The deadline (15 February) has passed.',
    check: 'Check the yearly receipt',
  },
  depCheck: {
    title: 'Check a DEP file',
    intro:
      'Checks any DEP7 file, another till’s too, as an auditor does: signatures, chain, receipt numbers, start receipt, outages and times; with the crypto material (AES key) also the turnover counter. Without the app, “npm run dep:verify” does the same.',
    path: 'DEP file (full path, e.g. E:\\dep-export.json or /media/usb/dep-export.json)',
    cryptoPath: 'Crypto material, if there is one (full path, leave empty if none)',
    check: 'Check',
    checking: 'Checking …',
    valid: (receipts: number) =>
      `Valid: ${receipts} ${receipts === 1 ? 'receipt' : 'receipts'} without errors.`,
    invalid: (errors: number, receipts: number) =>
      `Invalid: ${errors} ${errors === 1 ? 'error' : 'errors'} in ${receipts} ${receipts === 1 ? 'receipt' : 'receipts'}.`,
    unusable: (reason: string) => `Cannot be checked: ${reason}`,
    notChecked: 'Not checked:',
    uncheckedSignatures: (count: number, serials: string) =>
      `${count} signatures (no certificate or key for ${serials})`,
    uncheckedCounter: 'the turnover counter (no AES key)',
    kassenId: 'Kassen-ID',
    receipts: 'Receipts',
    receiptsText: (receipts: number, groups: number) =>
      `${receipts} in ${groups} ${groups === 1 ? 'group' : 'groups'}`,
    byType: 'By kind',
    byTypeText: (t: { start: number; sale: number; zero: number; training: number; cancellation: number }) =>
      `${t.start} start, ${t.sale} sales, ${t.zero} zero, ${t.training} training, ${t.cancellation} cancellation receipts`,
    failureMarked: 'With “Sicherheitseinrichtung ausgefallen”',
    signatures: 'Signatures checked',
    signaturesText: (checked: number, unchecked: number) =>
      unchecked === 0 ? String(checked) : `${checked}, ${unchecked} cannot be checked`,
    counter: 'Turnover counter at the end',
    counterUnchecked: 'not checked (no AES key)',
    turnover: 'Turnover in the file (without training)',
    span: 'Period',
    spanText: (from: string, to: string) => `${from} to ${to}`,
    time: (dateTime: string) => dateTime.replace('T', ' '),
    receipt: (number: string) => `Receipt no. ${number}`,
    unreadReceipt: 'Receipt',
    group: (group: number) => `Group ${group}`,
    place: (position: number, group: number, inGroup: number) =>
      `position ${position} in the file, group ${group} no. ${inGroup}`,
    note: 'Note',
    more: (count: number) => `… and ${count} more; “npm run dep:verify” lists them all.`,
  },
  outages: outageProtocolEn,
  backup: backupEn,
  dayClose: dayCloseEn,
};
