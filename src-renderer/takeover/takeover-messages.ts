// "Kasse übernehmen" (the first-start screen) and the till's stop when another PC took its register
// over, German first; de.ts and en.ts carry them as `takeover`. Field labels shared with the setup
// wizard come from its messages.
import type { TakeoverResult, TakeoverStep } from '../../src-shared/takeover.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';

const belege = (count: number) => `${count} ${count === 1 ? 'Beleg' : 'Belege'}`;
const receipts = (count: number) => `${count} ${count === 1 ? 'receipt' : 'receipts'}`;

const stepsDe: Record<TakeoverStep, string> = {
  access: 'Zugang und Kasse prüfen',
  fon: 'FinanzOnline-Zugang prüfen',
  backup: 'Sicherung suchen und prüfen',
  journal: 'Journal aus der Sicherung übernehmen',
  sign_at: 'Belege mit SIGN AT abgleichen',
  dep: 'DEP-Archiv übernehmen und prüfen',
  settings: 'Einstellungen übernehmen, Kasse anmelden',
};

const stepsEn: Record<TakeoverStep, string> = {
  access: 'Check the access and the cash register',
  fon: 'Check the FinanzOnline access',
  backup: 'Find and check the backup',
  journal: 'Bring in the journal from the backup',
  sign_at: 'Match the receipts with SIGN AT',
  dep: 'Bring back and verify the DEP archive',
  settings: 'Take over the settings, sign on the cash register',
};

export const takeoverDe = {
  title: 'Bestehende Kasse übernehmen',
  intro:
    'Für einen neuen PC, wenn der alte ausgefallen ist oder die Kasse umzieht: dieser PC signiert auf einer Kasse weiter, die es bei fiskaly schon gibt. Kassen-ID, Belegnummern, Verkettung und Umsatzzähler laufen weiter, ohne neuen Startbeleg und ohne neue FinanzOnline-Registrierung. Das Journal kommt aus der neuesten Sicherung und aus der Belegliste von SIGN AT zurück.',
  open: 'Kasse übernehmen …',
  access: 'fiskaly-Zugang der Organisation',
  showRegisters: 'Kassen anzeigen',
  loadingRegisters: 'Kassen werden geladen …',
  registersTitle: 'Kassen der Organisation',
  kassenId: 'Kassen-ID',
  description: 'Beschreibung',
  state: 'Zustand',
  lastReceipt: 'Letzter Beleg',
  noReceipt: 'noch keiner',
  receiptAt: (number: string, at: string) => `Nr. ${number}, ${at}`,
  noRegisters: 'Diese Organisation hat keine Kassen.',
  pickRegister: 'Bitte eine Kasse in Betrieb (INITIALIZED) wählen.',
  backup: 'Sicherung',
  backupDir: 'Ordner mit den Sicherungen (USB-Stick oder Netzlaufwerk, vollständiger Pfad)',
  noBackup: 'Keine Sicherung vorhanden: nur aus SIGN AT übernehmen (die letzten 3 Monate)',
  noBackupHint:
    'Ohne Sicherung kommen nur die Belege zurück, die SIGN AT noch hat (3 Monate), und das DEP-Archiv davor fehlt auf diesem PC. Die Firmendaten für den Belegkopf bitte hier angeben.',
  backupDirMissing: 'Bitte den Ordner mit den Sicherungen angeben oder „Keine Sicherung vorhanden“ wählen.',
  start: 'Kasse übernehmen',
  starting: 'Wird übernommen …',
  back: 'Zurück',
  retry: 'Erneut versuchen',
  steps: stepsDe,
  running: 'Die Kasse wird übernommen …',
  failed: 'Die Übernahme wurde angehalten:',
  done: 'Die Kasse ist übernommen.',
  summary: (result: TakeoverResult) =>
    [
      `Kassen-ID ${result.kassenId}, letzter Beleg Nr. ${result.lastReceiptNumber ?? '—'}.`,
      result.backup
        ? `${belege(result.fromBackup)} aus der Sicherung vom ${formatViennaDateTime(result.backup.createdAt)}.`
        : 'Ohne Sicherung: nur aus SIGN AT.',
      `${belege(result.onlyFromSignAt)} nur von SIGN AT bekannt (im Journal vermerkt).`,
      ...(result.articles
        ? [
            `${result.articles.added} Artikel aus der Sicherung übernommen` +
              (result.articles.skipped
                ? `, ${result.articles.skipped} nicht, weil es sie hier schon gibt (Name, PLU oder EAN).`
                : '.'),
          ]
        : []),
      result.depFiles === null
        ? 'DEP-Archiv: wird ab jetzt von SIGN AT neu aufgebaut.'
        : `DEP-Archiv: ${result.depFiles} ${result.depFiles === 1 ? 'Datei' : 'Dateien'} übernommen und geprüft.`,
    ].join(' '),
  toTill: 'Verstanden',
  takenOver: {
    title: 'Diese Kasse wurde auf einem anderen PC übernommen',
    text: (count: number, number: string | null) =>
      `SIGN AT führt ${count} ${count === 1 ? 'Beleg' : 'Belege'} dieser Kasse, die dieser PC nicht erstellt hat${number ? ` (der neueste: Nr. ${number})` : ''}. Damit nicht zwei PCs auf einer Kasse signieren, signiert dieser PC nicht mehr, bis Sie entscheiden.`,
    releaseTitle: 'Kasse auf diesem PC abgeben',
    releaseText:
      'Wenn die Kasse auf dem anderen PC weiterläuft. Journal und Archiv bleiben hier lesbar; Belege, die hier noch auf ihre Signatur warten, werden nicht mehr signiert und im Journal so vermerkt. Danach zeigt dieser PC wieder die Ersteinrichtung.',
    confirm: (word: string) => `Zur Bestätigung „${word}“ eintippen`,
    release: 'Kasse hier abgeben',
    releasing: 'Wird abgegeben …',
    keepTitle: 'Hier weiterarbeiten',
    keepText:
      'Nur wenn auf dem anderen PC nicht mehr kassiert wird: die fremden Belege kommen von SIGN AT in dieses Journal, und dieser PC signiert wieder. Der andere PC hält dann vor seinem nächsten Beleg an.',
    keep: 'Belege übernehmen und hier weiterarbeiten',
    keeping: 'Wird übernommen …',
  },
};

export const takeoverEn: typeof takeoverDe = {
  title: 'Take over an existing cash register',
  intro:
    'For a new PC, when the old one failed or the till moves: this PC goes on signing on a cash register that fiskaly already has. Kassen-ID, receipt numbers, chain and turnover counter continue, without a new start receipt and without a new FinanzOnline registration. The journal comes back from the newest backup and from SIGN AT’s receipt list.',
  open: 'Take over a cash register …',
  access: 'The organization’s fiskaly access',
  showRegisters: 'Show cash registers',
  loadingRegisters: 'Loading cash registers …',
  registersTitle: 'The organization’s cash registers',
  kassenId: 'Kassen-ID',
  description: 'Description',
  state: 'State',
  lastReceipt: 'Last receipt',
  noReceipt: 'none yet',
  receiptAt: (number, at) => `No. ${number}, ${at}`,
  noRegisters: 'This organization has no cash registers.',
  pickRegister: 'Please pick a cash register in operation (INITIALIZED).',
  backup: 'Backup',
  backupDir: 'Folder holding the backups (USB stick or network share, full path)',
  noBackup: 'No backup: take over from SIGN AT alone (the last 3 months)',
  noBackupHint:
    'Without a backup, only the receipts SIGN AT still has (3 months) come back, and the DEP archive before them is missing on this PC. Please enter the company data for the receipt header here.',
  backupDirMissing: 'Please give the folder holding the backups, or choose “No backup”.',
  start: 'Take over the cash register',
  starting: 'Taking over …',
  back: 'Back',
  retry: 'Try again',
  steps: stepsEn,
  running: 'Taking over the cash register …',
  failed: 'The takeover stopped:',
  done: 'The cash register is taken over.',
  summary: (result) =>
    [
      `Kassen-ID ${result.kassenId}, last receipt no. ${result.lastReceiptNumber ?? '—'}.`,
      result.backup
        ? `${receipts(result.fromBackup)} from the backup of ${formatViennaDateTime(result.backup.createdAt)}.`
        : 'Without a backup: from SIGN AT alone.',
      `${receipts(result.onlyFromSignAt)} known only from SIGN AT (marked in the journal).`,
      ...(result.articles
        ? [
            `${result.articles.added} ${result.articles.added === 1 ? 'article' : 'articles'} taken from the backup` +
              (result.articles.skipped
                ? `, ${result.articles.skipped} not, as this PC has them already (name, PLU or EAN).`
                : '.'),
          ]
        : []),
      result.depFiles === null
        ? 'DEP archive: built up again from SIGN AT from now on.'
        : `DEP archive: ${result.depFiles} ${result.depFiles === 1 ? 'file' : 'files'} brought back and verified.`,
    ].join(' '),
  toTill: 'Understood',
  takenOver: {
    title: 'This cash register was taken over on another PC',
    text: (count, number) =>
      `SIGN AT holds ${count} ${count === 1 ? 'receipt' : 'receipts'} of this cash register that this PC did not make${number ? ` (the newest: no. ${number})` : ''}. So that two PCs never sign on one cash register, this PC signs no more until you decide.`,
    releaseTitle: 'Give the cash register up on this PC',
    releaseText:
      'When the cash register goes on on the other PC. Journal and archive stay readable here; receipts still waiting here for their signature will not be signed any more and are marked so in the journal. Afterwards this PC shows the first-start setup again.',
    confirm: (word) => `Type “${word}” to confirm`,
    release: 'Give it up here',
    releasing: 'Giving up …',
    keepTitle: 'Go on working here',
    keepText:
      'Only when nobody sells on the other PC any more: the other receipts come from SIGN AT into this journal, and this PC signs again. The other PC then stops before its next receipt.',
    keep: 'Take the receipts and go on here',
    keeping: 'Taking over …',
  },
};
