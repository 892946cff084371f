// English UI strings. Typed as `Messages` (derived from de.ts), so a missing key fails to compile.
import { formatEuro, MAX_RECEIPT_CENTS } from '../../src-shared/money.ts';
import type { Environment, ReceiptState, AnyReceiptKind } from '../../src-shared/receipt.ts';
import { MAX_LINE_TEXT } from '../../src-shared/sale-draft.ts';
import { articlesEn } from '../articles/article-messages.ts';
import { closingsEn } from '../closings/closings-messages.ts';
import { onboardingEn } from '../onboarding-wizard/onboarding-messages.ts';
import { takeoverEn } from '../takeover/takeover-messages.ts';
import { registerAdminEn } from '../register-admin/register-admin-messages.ts';
import type { Messages } from './de.ts';

/** The printer profiles main names in German (src-main/printing/printer-profiles.ts), by id. */
const PROFILE_LABELS_EN: Readonly<Record<string, string>> = {
  'epson-tm-t20': 'Epson TM-T20II/III/IV (80 mm)',
  'epson-tm-t88': 'Epson TM-T88V/VI/VII (80 mm)',
  'star-tsp100': 'Star TSP100IV / TSP143IV (80 mm, StarPRNT)',
  'star-tsp100-escpos': 'Star TSP100/TSP143 in ESC/POS emulation (80 mm)',
  'generic-80': 'Other 80 mm printer (ESC/POS)',
  'generic-58': 'Other 58 mm printer (ESC/POS, e.g. POS-5890)',
};

const environmentHint: Record<Environment, string> = {
  DEMO: 'Demo: receipts are signed by the built-in SIGN AT emulator; they have no tax effect.',
  TEST: 'fiskaly TEST: the real interface, but without tax effect.',
  LIVE: 'LIVE: every receipt counts for tax.',
};

const receiptKind: Record<AnyReceiptKind, string> = {
  NORMAL: 'Sale',
  TRAINING: 'Training',
  CANCELLATION: 'Cancellation',
  ZERO: 'Zero receipt',
  INITIALIZATION: 'Start receipt',
  MONTHLY_CLOSE: 'Monthly receipt',
  YEARLY_CLOSE: 'Yearly receipt',
  SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE: 'Outage clearance',
  DECOMMISSION: 'Closing receipt',
};

const receiptState: Record<ReceiptState, string> = {
  pending: 'being signed',
  signed: 'signed',
  offline: 'outage, will be signed later',
  signed_late: 'signed later',
  rejected: 'rejected',
  signature_failed: 'without signature (signature unit failed)',
};

export const en: Messages = {
  app: {
    connecting: 'Connecting to the till …',
    noToken:
      'This page lacks its access key. Please open the address the service prints at start (it ends in #token=…).',
    unreachable: (message) => `Till not reachable: ${message}`,
    retry: 'Try again',
    connectionClosed:
      'The till service no longer accepts this page (restarted?). Please open the address it prints at start.',
    connectionLost:
      'Connection to the till service lost: reconnecting. What you see may be out of date; no sale is lost.',
  },
  environmentHint,
  header: {
    signAt: 'SIGN AT',
    online: 'online',
    outageSince: (hours, minutes) => `Outage for ${hours} h ${minutes} min`,
    printer: 'Printer',
    printerReady: 'ready',
    printerOff: 'off',
    printerNone: 'none',
    printerQueue: (count) => `queue ${count}`,
    offlineQueue: 'Queue',
    offlineQueueHint: 'Receipts still waiting for their signature',
    posApi: 'POS API',
    portInUse: (port) => `port ${port} taken`,
  },
  codeCheck: {
    banner: (receiptNumber) =>
      `Receipt no. ${receiptNumber}: SIGN AT's QR code does not match the receipt. It is not a valid receipt for the customer: please cancel it (Storno) and ring the sale up again.`,
    notice:
      "SIGN AT's QR code does not match this receipt: it is not printed. Please cancel it (Storno) and ring the sale up again.",
    unverified: "The signature is checked as soon as the signature creation unit's certificate is here.",
    title: 'Receipts whose QR code does not match',
    intro:
      "Before every print the till compares SIGN AT's QR code with the receipt (cash register ID, receipt number, date, the five amounts, signature). If it does not match, the receipt stays as SIGN AT signed it, is not printed and is listed here until it is cancelled.",
    none: 'None: every QR code from SIGN AT matches its receipt.',
    noPaper: (receiptNumber) =>
      `Receipt no. ${receiptNumber} has no paper form: SIGN AT's QR code does not match the receipt. Please cancel it (Storno) and ring the sale up again.`,
    cancel: 'Cancel (Storno)',
    cancelling: 'Cancelling …',
    cancelled: (receiptNumber) =>
      `Storno for receipt no. ${receiptNumber} created. Please ring the sale up again.`,
  },
  outage: {
    running:
      'Signature unit failed. Sales go on: every receipt carries the note “Sicherheitseinrichtung ausgefallen” and is signed later, as soon as SIGN AT answers again.',
    warn: (hoursLeft) =>
      `The outage has lasted over 24 hours. In ${hoursLeft} h it reaches 48 hours: it must then be reported to FinanzOnline within a week (§ 17 RKSV).`,
    report:
      'Outage longer than 48 hours: report it to FinanzOnline within a week (§ 17 RKSV), and its end as well.',
    lastError: (message) => `Last error: ${message}`,
  },
  keys: {
    journal: 'Journal',
    zeroReceipt: 'Zero receipt',
    training: 'Training',
    trainingOff: 'End training',
    reprintLast: 'Reprint last receipt (DUPLIKAT)',
    closings: 'Closings & DEP',
    settings: 'Settings',
    till: 'Till',
  },
  setup: {
    title: 'Welcome to Kassen-Companion',
    intro:
      'Kassen-Companion turns this PC into a cash register under the Austrian RKSV: every receipt is signed through fiskaly SIGN AT and printed with its QR code.',
    demoTitle: 'Try it out',
    demoText:
      'Demo mode signs with a built-in SIGN AT emulator, without an account and without internet. Demo receipts have no tax effect.',
    startDemo: 'Start demo',
    starting: 'Setting up …',
    failed: (message) => `Setup failed: ${message}`,
  },
  access: {
    title: 'Renew access',
    what: {
      api: 'the API access (API key and secret)',
      pin: 'the FinanzOnline PIN',
      both: 'the API access (API key and secret) and the FinanzOnline PIN',
    },
    otherShell: (what) =>
      `The desktop app sealed ${what} in the operating system's keychain, which this service cannot reach. Please enter ${what} here again.`,
    keyLost: (what) =>
      `This PC cannot decrypt ${what}: the key it was sealed with is gone (keychain reset, data folder copied from another PC or user). Please enter ${what} again.`,
    untouched: 'The journal and the register stay as they are; nothing is set up anew.',
    waiting: (count) =>
      count === 1
        ? 'One receipt waits in the journal for its signature: it is signed right after.'
        : `${count} receipts wait in the journal for their signature: they are signed right after.`,
    labels: { apiKey: 'API key', apiSecret: 'API secret', fonPin: 'FinanzOnline PIN' },
    apiHint:
      'From the fiskaly dashboard (API keys). A new key of the same organization works too; fiskaly checks it first.',
    required: 'Please fill in',
    renew: 'Renew access',
    checking: 'Checking with fiskaly …',
    failed: (message) => `Not renewed: ${message}`,
  },
  till: {
    favourites: 'Favourites',
    addFavourite: '+ new',
    addFavouriteHint: 'Enter amount, rate and text, then “+ new”',
    removeFavourite: (text) => `Remove favourite “${text}”`,
    amount: 'Amount',
    quantity: 'Qty',
    rate: 'Rate',
    text: 'Text',
    add: 'Add ↵',
    problem: {
      amountInvalid: 'Enter an amount, e.g. 3,80',
      amountTooLarge: `Amount too large: at most ${formatEuro(MAX_RECEIPT_CENTS)} € per item`,
      quantityInvalid: 'Quantity not 0, at most 3 decimals; a return with a minus, e.g. -1',
      quantityTooLarge: 'Quantity too large: at most 999999',
      lineTooLarge: `Item too large: quantity × amount at most ${formatEuro(MAX_RECEIPT_CENTS)} €`,
      bonTooLarge: `The receipt would be too large: its total may be at most ${formatEuro(MAX_RECEIPT_CENTS)} €`,
      textMissing: 'Enter the item description: it is printed on the receipt',
      textTooLong: `Text too long: at most ${MAX_LINE_TEXT} characters, please shorten it`,
    },
    bon: 'Receipt',
    emptyBon: 'No items yet: enter amount, rate and text, then Enter.',
    bonKeys: '↑ ↓ pick an item · Del removes it · Ctrl+Del voids the whole receipt',
    voidQuestion: (lines, total) =>
      `Void the whole receipt (${lines} ${lines === 1 ? 'item' : 'items'}, EUR ${total})? It is not paid and is not signed.`,
    voidYes: 'Void receipt (Enter)',
    voidNo: 'Keep it (Esc)',
    removeLine: 'Remove item',
    total: 'TOTAL',
    receiptNumber: 'Receipt no.',
    // The legal term stays German: it is what the paper and the tax office call it.
    kassenId: 'Kassen-ID',
    cash: 'Cash',
    card: 'Card',
    given: 'given',
    change: 'Change',
    givenInvalid: 'Enter an amount, e.g. 20,00, or clear the field',
    cardAmount: 'Amount',
    addPart: 'Part payment',
    paymentParts: 'Part payments',
    removePart: 'Remove part payment',
    removeLastPartKey: 'Backspace in the empty field removes the last part payment',
    open: (amount) => `Open ${amount}`,
    missing: (amount) => `${amount} € missing`,
    cardTooHigh: (amount) => `By card at most ${amount} €: change is given in cash only`,
    checkChange: 'check the amount',
    bigChange: (amount) =>
      `Change ${amount} €: is the amount right? Enter pays it; otherwise change the amount`,
    nothingOpen: 'The total is covered already: Enter pays',
    tooManyParts: (max) => `At most ${max} payments per receipt: pay the rest with Enter`,
    returnLine: 'Return',
    discountKeys: 'Discount:',
    lineDiscount: 'Item',
    receiptDiscount: 'Receipt',
    lineDiscountTooHigh: (position) => `Item ${position}: the discount is higher than the item's amount`,
    receiptDiscountTooHigh: 'The receipt discount is higher than the total',
    negativeTotal: (amount) =>
      `The total may not be negative (${amount} €): money back is a cancellation (Storno) of the original receipt (F2)`,
    pay: 'PAY',
    bonNotKept: (message) =>
      `The Bon is not saved in the data folder (${message}): a restart would lose it. The next change tries again.`,
    payFailed: (message) => `Not completed: ${message}. The receipt is kept; Enter tries again.`,
    signing: 'Signing',
    printing: 'Printing',
    done: 'Done',
    nextSale: 'Next sale: Enter',
    noPrinter: 'No printer set up: the receipt is only shown here on screen.',
    printPending: 'The printer is not ready: the receipt waits in the print queue.',
    failedSignature:
      'Signature unit failed: the receipt carries the note “Sicherheitseinrichtung ausgefallen”. Sales go on; the clearance receipt after the outage closes it.',
    offlineReceipt: 'Signature unit failed: the receipt was issued with the note and will be signed later.',
    rejected: (message) => `SIGN AT rejected the receipt: ${message}`,
    trainingActive: 'TRAINING: bookings are training bookings and do not count as turnover.',
  },
  receipt: {
    loading: 'Preparing the receipt …',
    failed: (message) => `No preview: ${message}`,
  },
  printer: {
    profileLabel: (profile) => PROFILE_LABELS_EN[profile.id] ?? profile.label,
    state: {
      ready: 'Printer ready',
      off: 'Printer not reachable: receipts wait and print later',
      none: 'No printer set up',
    },
    connection: 'Connection',
    kinds: {
      none: 'no printer (screen only)',
      tcp: 'Network (ESC/POS, port 9100)',
      os: 'Operating system printer',
    },
    host: 'Host name or IP address',
    port: 'Port',
    device: 'Printer',
    systemDefault: 'System default printer',
    noOsPrinters: 'Only the desktop app can reach operating system printers.',
    profile: 'Printer profile',
    qrMode: 'QR code',
    qrModeProfile: 'as in the profile',
    qrModes: { native: 'drawn by the printer (GS ( k)', raster: 'sent as an image (safer on clones)' },
    drawerKick: 'Open the cash drawer on cash payments',
    footer: 'Footer on the receipt',
    test: 'Test print',
    testPrinted: 'Test print sent: check umlauts, €, both QR kinds and the cut.',
    testFailed: (message) => `No test print: ${message}`,
    check: 'Check connection',
    saved: 'Printer settings saved.',
  },
  discountDialog: {
    lineTitle: (position, text) => `Discount on item ${position}: ${text}`,
    receiptTitle: 'Discount on the whole receipt',
    otherLine: '↑ ↓ another item',
    value: 'Discount',
    valueHint: 'A percentage with %, e.g. 10 %, or an amount in €, e.g. 2,50. Empty: remove the discount.',
    text: 'Name on the receipt',
    apply: 'Apply (Enter)',
    cancel: 'Cancel (Esc)',
    invalid: 'Enter a percentage over 0 up to 100 with %, or an amount over 0',
    tooHighLine: "The discount is higher than the item's amount",
    tooHighReceipt: 'The discount is higher than the total (a receipt discount needs a total over 0,00)',
  },
  zeroDialog: {
    title: 'Create a zero receipt?',
    text: 'A zero receipt is a signed receipt over € 0.00, e.g. for a tax audit.',
    confirm: 'Create (Enter)',
    cancel: 'Cancel (Esc)',
    bonNotEmpty: 'The receipt still has items: pay first or remove them.',
  },
  receiptCheck: {
    title: 'Receipt check',
    verdict: {
      valid: 'Genuine',
      invalid: 'Forged or altered',
      unchecked: 'Cannot be checked',
      unreadable: 'Not a receipt code',
    },
    kassenId: 'Cash register ID',
    number: 'Receipt no.',
    dateTime: 'Date/time',
    total: 'Total',
    buckets: {
      standard: 'Standard 20 %',
      reduced_1: 'Reduced-1 10 %',
      reduced_2: 'Reduced-2 13 %',
      zero: 'Zero 0 %',
      special: 'Special 19 % / 4.9 %',
    },
    counter: 'Turnover counter',
    counterKind: {
      turnover: 'encrypted',
      training: 'training receipt (TRA)',
      cancellation: 'cancellation (STO)',
    },
    signature: 'Signature',
    signatureState: {
      valid: 'valid',
      invalid: 'does not match the content',
      failure_marker: 'signature unit failed: “Sicherheitseinrichtung ausgefallen” instead of a signature',
      no_certificate: 'no certificate known for this serial number',
    },
    certificateFrom: {
      register: "this till's certificate",
      material: 'certificate from the crypto material',
    },
    journal: 'In the journal',
    notInJournal: 'not in this journal',
    sameCode: 'exactly this code',
    otherCode: 'with a different code',
    cryptoPath: 'Crypto material (full path), for receipts of other registers',
    cryptoHint:
      'Enter checks the code again, then also with the certificates and the AES key of this file (format as in "DEP-Datei prüfen").',
    hint: "Scan a receipt's QR code or paste its text: the till checks it.",
  },
  journal: {
    title: 'Journal',
    search: 'Search',
    number: 'No.',
    time: 'Time',
    kind: 'Kind',
    state: 'State',
    total: 'Total',
    payment: 'Payment',
    paymentType: { CASH: 'Cash', NON_CASH: 'Card' },
    listTotal: (count: number) => `Total of the ${count} receipts shown (training left out)`,
    register: 'Register',
    allRegisters: 'Show every register (demo and decommissioned ones too)',
    empty: 'No receipts.',
    loading: 'Loading …',
    failed: (message) => `Journal not readable: ${message}`,
    receiptKind,
    receiptState,
    cancelledBy: 'cancelled',
    restoredFromSignAt: {
      lines: 'known only from SIGN AT',
      amounts: 'known only from SIGN AT, without article lines',
    },
    restoredHint:
      'This receipt was signed on the PC the cash register was taken over from; the journal knows it only from SIGN AT’s receipt list.',
    keysHint: 'Pick a receipt: ↑ ↓ · F5 print DUPLIKAT · F8 cancel · Esc back to the till',
    more: 'Load older receipts',
    reprint: 'Print again (DUPLIKAT)',
    reprinted: {
      sent: 'Sent to the printer as DUPLIKAT.',
      waiting: 'DUPLIKAT waits for the printer: it does not answer. It prints once the printer is back.',
      screenOnly: 'DUPLIKAT: no printer set up, it is only shown here on screen.',
    },
    pdf: 'Save as PDF',
    cancel: 'Cancel receipt',
    cancelQuestion: (number, total) =>
      `Cancel receipt no. ${number} over EUR ${total}? The cancellation is a signed receipt of its own.`,
    cancelYes: 'Cancel it (Enter)',
    cancelNo: 'Keep it (Esc)',
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    languages: { de: 'Deutsch', en: 'English' },
    company: 'Company',
    register: 'Till',
    kassenId: 'Kassen-ID',
    environment: 'Environment',
    none: '—',
    posApi: 'POS API (for existing till software)',
    posApiEnabled: 'POS API switched on',
    posApiUrl: 'Address',
    posApiToken: 'Token',
    posApiTokenShow: 'Show',
    posApiTokenHide: 'Hide',
    posApiTokenCopy: 'Copy',
    posApiTokenCopied: 'copied',
    posApiTokenCopyFailed:
      'Copying is not possible here (the browser allows it only over https or on this PC): select the token and copy it by hand.',
    posApiTokenRenew: 'New token …',
    posApiTokenRenewQuestion:
      'Make a new token? The current one stops working at once: the till software is refused until the new token is entered there.',
    posApiTokenRenewYes: 'Make a new token',
    posApiTokenRenewNo: 'Cancel',
    posApiTokenRenewed: 'New token made: please enter it in the till software. The old one no longer works.',
    posApiTokenGiven:
      'This token was given at start (--pos-api-token or POS_API_TOKEN): it is changed there.',
    posApiOff: 'The POS API is switched off.',
    posApiProblem: (message) => `Not reachable: ${message}`,
    posApiPortInUse: (port, url) =>
      url
        ? `Port ${port} is taken by another program, so the POS API is at ${url} instead. Point the till software to this address, or quit the program on port ${port} and restart.`
        : `Port ${port} is taken by another program (is the app or the service running twice?): the POS API cannot be reached. Quit the other program, then switch the POS API off and on again.`,
    printer: 'Printer',
    companyName: 'Name',
    companyAddress: 'Address',
    companyVatId: 'VAT id (empty if none)',
    signTimeout: 'Wait for SIGN AT (seconds)',
    signTimeoutHint:
      'If SIGN AT does not answer in this time, the receipt is issued with “Sicherheitseinrichtung ausgefallen” and signed later.',
    save: 'Save',
    saved: 'Saved.',
    desktop: 'Desktop app',
    startAtLogin: 'Start when logging in to the PC',
    fullScreen: 'Full screen without window frame (kiosk, for touch tills)',
    fullScreenHint: 'Switch it off here to leave it.',
    desktopNotApplicable:
      'Applies to the desktop app only. The service is started by the system (as a Windows service or a systemd unit); full screen in the browser with F11 or its kiosk mode.',
  },
  // Setup wizard, closing screen, takeover and "Kasse verwalten" (each in its own folder).
  onboarding: onboardingEn,
  closings: closingsEn,
  takeover: takeoverEn,
  // The article list, its import, the favourite pages and scanned codes (src-renderer/articles).
  articles: articlesEn,
  registerAdmin: registerAdminEn,
};
