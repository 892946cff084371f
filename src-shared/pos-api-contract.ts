// The one contract between the till UI and the core. Each operation has a zod input and output.
// The Electron preload, the ipcMain handlers and the headless HTTP bridge are all generated from
// this table, so a new operation is added here once and appears on every transport.
import { z } from 'zod';
import { ArchiveStatus, CopyArchiveInput, CopyArchiveResult } from './archive-status.ts';
import {
  Article,
  ArticleCsvFile,
  ArticleInput,
  ArticlePage,
  ArticleQuery,
  ArticleUpdate,
} from './article.ts';
import { ArticleImportInput, ArticleImportReport } from './article-import.ts';
import { BackupNowInput, BackupStatus } from './backup-status.ts';
import { CashCountInput, CashMovementInput } from './cash-drawer.ts';
import {
  ClosingList,
  ClosingReceipt,
  DECOMMISSION_CONFIRMATION,
  DecommissionResult,
} from './closing-receipt.ts';
import { CodeLookup, CodeLookupInput } from './code-lookup.ts';
import { CoreSettingsUpdate, CoreSettingsView } from './core-settings.ts';
import {
  CashMovement,
  CloseDayInput,
  DayClosingList,
  DayReport,
  DayReportQuery,
  DayReportTarget,
  ReceiptsExportInput,
  ZReportQuery,
} from './day-report.ts';
import { DepVerifyReport, VerifyDepFileInput } from './dep-verify-report.ts';
import { DesktopSettingsUpdate, DesktopSettingsView } from './desktop-settings.ts';
import { ExportAccounts } from './export-accounts.ts';
import { ExportedFile } from './exported-file.ts';
import { JournalPage, JournalQuery } from './journal-query.ts';
import { AdoptFavouritesInput } from './legacy-favourite.ts';
import { RenewAccessInput, StartOnboardingInput } from './onboarding-input.ts';
import { OnboardingView } from './onboarding-view.ts';
import { OpenBon } from './open-bon.ts';
import {
  OutageProtocol,
  OutageProtocolExportInput,
  OutageProtocolFile,
  OutageProtocolQuery,
} from './outage-protocol.ts';
import { PosApiInfo } from './pos-api-info.ts';
import { OsPrinter, ReceiptPdf, TestPrintResult } from './printer-operations.ts';
import { PrinterProfile } from './printer-profile.ts';
import { PrinterSettings } from './printer-settings.ts';
import { PrinterStatus } from './printer-status.ts';
import { Receipt } from './receipt.ts';
import { CheckReceiptCodeInput, ReceiptCheck } from './receipt-check.ts';
import { ReceiptPreview } from './receipt-preview.ts';
import { SaleDraft } from './sale-draft.ts';
import { Status } from './status.ts';
import {
  RELEASE_CONFIRMATION,
  StartTakeoverInput,
  TakeoverAccess,
  TakeoverRegisterList,
  TakeoverView,
} from './takeover.ts';

const NoInput = z.strictObject({}).optional();

/** An operation that cannot be undone takes the word the merchant typed to confirm it. */
function typedConfirmation<const W extends string>(word: W) {
  return z.strictObject({ confirm: z.literal(word, { error: `Zur Bestätigung ${word} eintippen` }) });
}

export const posApiContract = {
  status: { input: NoInput, output: Status },
  signSale: { input: SaleDraft, output: Receipt },
  getReceipt: { input: z.strictObject({ id: z.uuid() }), output: Receipt },
  recentReceipts: {
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.array(Receipt),
  },
  startDemo: { input: NoInput, output: Status },
  /** Storno of a journal receipt: the negative of its lines, linked to it, allowed once. */
  cancelReceipt: { input: z.strictObject({ id: z.uuid() }), output: Receipt },
  /** Prints a receipt again, marked DUPLIKAT; it is never signed again. */
  reprintReceipt: { input: z.strictObject({ id: z.uuid() }), output: Receipt },
  setTrainingMode: { input: z.strictObject({ enabled: z.boolean() }), output: Status },
  /** The till's open Bon on this register as last kept in the data folder; null when there is none. */
  getOpenBon: { input: NoInput, output: OpenBon.nullable() },
  /**
   * Keeps the till's open Bon in the data folder (on every change), replacing the one kept before. An
   * empty Bon, or one whose sale is journaled (paid), removes it. Answers what is kept now.
   */
  keepOpenBon: { input: OpenBon, output: OpenBon.nullable() },
  searchJournal: { input: JournalQuery, output: JournalPage },
  /**
   * The receipt check: any receipt's code (the text of its QR code, scanned or pasted) read field by field,
   * its signature verified against a certificate the app knows (its registers', or the crypto material
   * given by path), and looked up in this journal. A code altered or forged says so.
   */
  checkReceiptCode: { input: CheckReceiptCodeInput, output: ReceiptCheck },
  getSettings: { input: NoInput, output: CoreSettingsView },
  updateSettings: { input: CoreSettingsUpdate, output: CoreSettingsView },
  // Printing (src-main/printing/): profiles, the printer choice, test print, status, PDF and preview.
  listPrinterProfiles: { input: NoInput, output: z.array(PrinterProfile) },
  getPrinterSettings: { input: NoInput, output: PrinterSettings },
  updatePrinterSettings: { input: PrinterSettings, output: PrinterSettings },
  /** Umlauts, €, both QR modes and a cut on the chosen printer. */
  testPrint: { input: NoInput, output: TestPrintResult },
  /** Knocks on the printer now (nothing is printed) and retries waiting receipts if it answers. */
  checkPrinter: { input: NoInput, output: PrinterStatus },
  /** Printers installed in the OS; empty outside the desktop app. */
  listOsPrinters: { input: NoInput, output: z.array(OsPrinter) },
  /** The receipt as PDF (base64); one already printed on paper is marked DUPLIKAT. */
  exportReceiptPdf: { input: z.strictObject({ id: z.uuid() }), output: ReceiptPdf },
  /** The laid-out receipt and paper for ReceiptView: exactly what the printer gets. */
  getReceiptPreview: {
    input: z.strictObject({ id: z.uuid(), duplicate: z.boolean().default(false) }),
    output: ReceiptPreview,
  },
  // Onboarding (src-main/onboarding/): the resumable SIGN AT setup. No operation returns a secret.
  getOnboarding: { input: NoInput, output: OnboardingView },
  /** Proves the access (nothing is kept if fiskaly refuses it), then runs the steps in the background. */
  startOnboarding: { input: StartOnboardingInput, output: OnboardingView },
  resumeOnboarding: { input: NoInput, output: OnboardingView },
  /** Only while the register is not INITIALIZED yet. */
  resetOnboarding: { input: NoInput, output: OnboardingView },
  /**
   * "Zugang erneuern": the API key and secret and/or the FinanzOnline PIN that status.accessRenewal asks
   * for, entered again. The access is proven with fiskaly (environment, organization, this register)
   * before it is sealed; then the register signs again, starting with what waited in the journal.
   */
  renewAccess: { input: RenewAccessInput, output: Status },
  // Archive (src-main/archive/): DEP7 export kept for 7 years, closings, decommissioning.
  /** Pulls the DEP7 export from SIGN AT now and checks it; `fullCheck` verifies every stored signature again. */
  archiveNow: {
    input: z.strictObject({ fullCheck: z.boolean().default(false) }).optional(),
    output: ArchiveStatus,
  },
  archiveStatus: { input: NoInput, output: ArchiveStatus },
  copyArchive: { input: CopyArchiveInput, output: CopyArchiveResult },
  /**
   * Checks any DEP7 file on this PC (this app's export, another till's) as `npm run dep:verify` does.
   * Main opens the file from the full path given, so that a file of any size works from every shell.
   */
  verifyDepFile: { input: VerifyDepFileInput, output: DepVerifyReport },
  listClosings: { input: NoInput, output: ClosingList },
  /**
   * The Ausfallprotokoll: every outage of SIGN AT with the receipts handed out meanwhile (offline number →
   * receipt number), the Sammelbeleg that closed it and whether it was to be reported to FinanzOnline.
   */
  outageProtocol: { input: OutageProtocolQuery, output: OutageProtocol },
  /** The Ausfallprotokoll on the receipt printer, at once (not queued); says whether it came out. */
  printOutageProtocol: { input: OutageProtocolQuery, output: TestPrintResult },
  /** The Ausfallprotokoll as a file for the auditor or tax adviser: PDF (as printed) or CSV. */
  exportOutageProtocol: { input: OutageProtocolExportInput, output: OutageProtocolFile },
  /** FinanzOnline check of a Monats-/Jahresbeleg; a Jahresbeleg is also printed (once). */
  validateClosing: { input: z.strictObject({ id: z.uuid() }), output: ClosingReceipt },
  /** Final archive, then DECOMMISSIONED and the Schlussbeleg printed. Cannot be undone. */
  decommissionRegister: {
    input: typedConfirmation(DECOMMISSION_CONFIRMATION),
    output: DecommissionResult,
  },
  /**
   * After decommissioning, or to leave the demo: the till puts its register aside, so that setup can make
   * a new one (new register and Kassen-ID; after decommissioning in the same SIGN AT organization, under
   * the same SCU). Journal and archive keep the old one.
   */
  setUpNewRegister: { input: NoInput, output: Status },
  // Backups (src-main/backup/): journal and settings without secrets, with the DEP archive, in the
  // merchant's folder; checked after writing, 7 daily and 4 weekly generations.
  backupStatus: { input: NoInput, output: BackupStatus },
  /** Makes and checks a backup now; a `targetDir` becomes the folder every later backup goes to. */
  backupNow: { input: BackupNowInput, output: BackupStatus },
  // Articles (src-main/articles/): the shop's article list in the data folder, its favourites and codes.
  searchArticles: { input: ArticleQuery, output: ArticlePage },
  getArticle: { input: z.strictObject({ id: z.uuid() }), output: Article },
  createArticle: { input: ArticleInput, output: Article },
  /** Replaces every field of the article; its id stays. */
  updateArticle: { input: ArticleUpdate, output: Article },
  deleteArticle: { input: z.strictObject({ id: z.uuid() }), output: z.object({ id: z.uuid() }) },
  /** The till's favourite buttons: every favourite article, in the order they became favourites. */
  listFavourites: { input: NoInput, output: z.array(Article) },
  /** Checks a CSV file row by row; with `apply` and no problem, changes the list in one step. */
  importArticles: { input: ArticleImportInput, output: ArticleImportReport },
  exportArticles: { input: NoInput, output: ArticleCsvFile },
  /** An EAN, a PLU or a receipt's RKSV QR code, scanned or typed: what it stands for. */
  lookupCode: { input: CodeLookupInput, output: CodeLookup },
  /** Once: the favourites the till kept in the browser become favourite articles; answers the favourites. */
  adoptLegacyFavourites: { input: AdoptFavouritesInput, output: z.array(Article) },
  // Takeover (src-main/takeover/): a new PC signs on an existing register, its journal and DEP archive
  // coming back from the newest backup and SIGN AT; the PC it was taken from stops and asks.
  /** The organization's cash registers (Kassen-ID, description, state, last receipt), after the key proved itself. */
  listTakeoverRegisters: { input: TakeoverAccess, output: TakeoverRegisterList },
  /** Checks FinanzOnline, restores the backup, merges SIGN AT's receipts, then signs on; runs in the background. */
  startTakeover: { input: StartTakeoverInput, output: TakeoverView },
  getTakeover: { input: NoInput, output: TakeoverView },
  /** Another PC took the register over: give it up on this one (what waited here is never signed here). */
  releaseRegister: { input: typedConfirmation(RELEASE_CONFIRMATION), output: Status },
  /** Another PC signed on the register: take its receipts from SIGN AT into this journal and sign here again. */
  keepRegisterHere: { input: NoInput, output: Status },
  // Tagesabschluss (src-main/reports/): the X and Z reports, the cash drawer, the tax adviser's export.
  /** The X report of a day (default today): its receipts as they stand now; it closes nothing. */
  dayReport: { input: DayReportQuery, output: DayReport },
  /** Closes a day (default today) with the register's next Z report, and starts a backup. */
  closeDay: { input: CloseDayInput, output: DayReport },
  /** A Z report as it was closed. */
  zReport: { input: ZReportQuery, output: DayReport },
  /** The register's Z reports, newest first. */
  listDayClosings: { input: NoInput, output: DayClosingList },
  /** Einlage or Entnahme with its reason: recorded and in the report, never signed (not a sale). */
  recordCashMovement: { input: CashMovementInput, output: CashMovement },
  /** Kassensturz: the counted cash (by note and coin, or one total) against the expected, and the difference. */
  countCash: { input: CashCountInput, output: CashMovement },
  /** An X or Z report on the receipt printer, at once (not queued); says whether it came out. */
  printDayReport: { input: DayReportTarget, output: TestPrintResult },
  /** An X or Z report as PDF, laid out as it prints. */
  exportDayReportPdf: { input: DayReportTarget, output: ExportedFile },
  /** The tax adviser's CSV of a date range: one row per receipt and VAT rate (BMD/RZL import). */
  exportReceiptsCsv: { input: ReceiptsExportInput, output: ExportedFile },
  /** The ledger accounts the CSV books to, as the tax adviser set them. */
  getExportAccounts: { input: NoInput, output: ExportAccounts },
  updateExportAccounts: { input: ExportAccounts, output: ExportAccounts },
  // Served by the shell, not the core: only the shell knows where the POS API listens. Like every shell
  // operation they reach the till UI only (IPC, or the bridge with its own token of the run), never the
  // POS API's routes (`RouteOperation` in pos-api-routes.ts), so its token cannot be read or replaced
  // with the token itself.
  getPosApiInfo: { input: NoInput, output: PosApiInfo },
  setPosApiEnabled: { input: z.strictObject({ enabled: z.boolean() }), output: PosApiInfo },
  /**
   * A new random POS API token, sealed as every secret is, in place of the stored one: the old one gets
   * 401 from the next request on. The till software must be given the new one. Refused for a token given
   * at start (--pos-api-token, POS_API_TOKEN).
   */
  regeneratePosApiToken: { input: NoInput, output: PosApiInfo },
  // Served by the shell: start at login and the kiosk window are the desktop app's own.
  getDesktopSettings: { input: NoInput, output: DesktopSettingsView },
  updateDesktopSettings: { input: DesktopSettingsUpdate, output: DesktopSettingsView },
} as const;

type PosApiContract = typeof posApiContract;
export type OperationName = keyof PosApiContract;
export const OPERATION_NAMES = Object.keys(posApiContract) as OperationName[];

export type OperationInput<K extends OperationName> = z.input<PosApiContract[K]['input']>;
type OperationParsedInput<K extends OperationName> = z.output<PosApiContract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<PosApiContract[K]['output']>;

/** What the renderer calls (window.pos or the HTTP bridge): one async function per operation. */
export type PosApi = { [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutput<K>> };

/** What the core implements: it receives input already parsed by the contract's schema. */
export type PosApiHandlers = {
  [K in OperationName]: (input: OperationParsedInput<K>) => Promise<OperationOutput<K>>;
};

/** Operations each shell implements itself; `createApp` supplies the rest (`CoreHandlers`). */
// `OperationNames<…>` fails to compile when a name is not an operation of the contract.
type OperationNames<T extends OperationName> = T;
type PosApiShellOperation = OperationNames<'getPosApiInfo' | 'setPosApiEnabled' | 'regeneratePosApiToken'>;
type DesktopShellOperation = OperationNames<'getDesktopSettings' | 'updateDesktopSettings'>;
export type ShellOperationName = PosApiShellOperation | DesktopShellOperation;
export type CoreHandlers = Omit<PosApiHandlers, ShellOperationName>;
export type ShellHandlers = Pick<PosApiHandlers, ShellOperationName>;
export type PosApiShellHandlers = Pick<PosApiHandlers, PosApiShellOperation>;
export type DesktopShellHandlers = Pick<PosApiHandlers, DesktopShellOperation>;

/** Events main pushes to every window / bridge client. */
export const posEventContract = {
  status: Status,
  receipt: Receipt,
  /** The favourites after any change of the article list (settings, POS API, import). */
  favourites: z.array(Article),
} as const;
type PosEventName = keyof typeof posEventContract;
export type PosEvent = {
  [K in PosEventName]: { type: K; payload: z.output<(typeof posEventContract)[K]> };
}[PosEventName];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(posApiContract, name);
}
