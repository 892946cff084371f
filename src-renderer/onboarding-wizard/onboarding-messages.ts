// The wizard's strings, German first; src-renderer/i18n/de.ts and en.ts carry them as `onboarding`.
// The English table is typed by the German one, so a missing key fails to compile.
import type { OnboardingPhase, OnboardingStep } from '../../src-shared/onboarding-view.ts';
import type { StepState } from './step-progress.ts';

const stepsDe: Record<OnboardingStep, string> = {
  managed_organization: 'Organisation bei fiskaly anlegen',
  managed_api_key: 'API-Zugang für die Organisation erstellen',
  credentials: 'Zugangsdaten prüfen (TEST oder LIVE)',
  fon_auth: 'FinanzOnline-Zugang prüfen',
  scu_create: 'Signaturerstellungseinheit erstellen',
  register_create: 'Kasse anlegen',
  scu_initialize: 'Signaturerstellungseinheit in Betrieb nehmen',
  register_register: 'Kasse bei FinanzOnline registrieren',
  register_initialize: 'Kasse in Betrieb nehmen (Startbeleg)',
  start_receipt: 'Startbeleg ins Journal und drucken',
  start_receipt_validation: 'Startbeleg bei FinanzOnline prüfen',
};

const stepStateDe: Record<StepState, string> = {
  done: 'erledigt',
  running: 'läuft …',
  failed: 'fehlgeschlagen',
  waiting: 'ausstehend',
};

const phaseDe: Record<OnboardingPhase, string> = {
  not_started: 'Noch nicht begonnen',
  running: 'Einrichtung läuft',
  interrupted: 'Unterbrochen – „Fortsetzen“ macht an derselben Stelle weiter',
  failed: 'Ein Schritt ist fehlgeschlagen',
  done: 'Die Kasse ist eingerichtet',
};

export const onboardingDe = {
  title: 'Echtbetrieb mit fiskaly einrichten',
  intro:
    'Der Assistent legt bei fiskaly SIGN AT die Signaturerstellungseinheit und die Kasse an und registriert beide bei FinanzOnline. Jeder Schritt wird sofort gespeichert: wird das Programm unterbrochen, geht es an derselben Stelle weiter.',
  open: 'Echtbetrieb einrichten',
  environment: 'Umgebung',
  environments: {
    TEST: 'TEST – zum Ausprobieren, nicht steuerwirksam',
    LIVE: 'LIVE – Echtbetrieb, jeder Beleg ist steuerwirksam',
  },
  liveConfirm: 'Ich richte die Kasse für den Echtbetrieb ein: ab dem Startbeleg zählt jeder Beleg.',
  liveNotConfirmed: 'Bitte bestätigen, dass der Echtbetrieb (LIVE) gemeint ist.',
  access: 'fiskaly-Zugang',
  accessKinds: {
    api_key: 'Eigener API-Key (fiskaly Dashboard → API-Keys)',
    management: 'Über meinen Kassenanbieter (Management-API)',
  },
  apiKey: 'API-Key',
  apiSecret: 'API-Secret',
  managementKey: 'Management-API-Key des Kassenanbieters',
  managementSecret: 'Management-API-Secret des Kassenanbieters',
  managementHint:
    'Damit legt der Kassenanbieter Ihre fiskaly-Organisation und Ihren API-Key an. Sein eigener Schlüssel wird danach nicht auf diesem PC behalten.',
  company: 'Unternehmen',
  companyName: 'Name (wie auf dem Beleg)',
  address: 'Straße und Hausnummer',
  zip: 'PLZ',
  town: 'Ort',
  vatId: 'UID-Nummer',
  vatIdHint: 'ATU und 8 Ziffern; die Prüfziffer wird kontrolliert.',
  fon: 'FinanzOnline',
  fonHint:
    'Die Daten des eigens angelegten „Registrierkassen-Webservice-Benutzers“, nicht die normale FinanzOnline-Anmeldung. In TEST genügen formal gültige Werte.',
  participantId: 'Teilnehmer-Identifikation',
  userId: 'Benutzer-Identifikation',
  pin: 'PIN',
  register: 'Kasse',
  registerDescription: 'Bezeichnung (z. B. „Kasse 1 Verkaufsraum“)',
  secretsNote: 'API-Secret und PIN werden verschlüsselt gespeichert und nie wieder angezeigt.',
  start: 'Einrichtung starten',
  starting: 'Zugangsdaten werden geprüft …',
  backToProgress: 'Zurück zum Fortschritt',
  progress: 'Fortschritt',
  steps: stepsDe,
  stepState: stepStateDe,
  phase: phaseDe,
  resume: 'Fortsetzen',
  edit: 'Daten korrigieren',
  reset: 'Einrichtung verwerfen',
  resetQuestion:
    'Die Einrichtung verwerfen? Was bei fiskaly schon angelegt ist, wird beim nächsten Versuch mit denselben Zugangsdaten wiederverwendet.',
  resetYes: 'Verwerfen (Enter)',
  resetNo: 'Abbrechen (Esc)',
  errorDetails: (code: string, requestId: string | null) =>
    requestId ? `Code ${code}, Request-ID ${requestId} (für den fiskaly-Support)` : `Code ${code}`,
  retryableHint: 'Das liegt vermutlich an der Verbindung oder an SIGN AT: „Fortsetzen“ versucht es erneut.',
  fixHint: 'Bitte die Daten mit „Daten korrigieren“ berichtigen und neu starten.',
  kassenId: 'Kassen-ID',
  startReceipt: 'Startbeleg',
  startReceiptNumber: (number: string) => `Nr. ${number}`,
  printed: 'gedruckt',
  notPrinted: 'nicht gedruckt – bitte im Journal (F2) als Duplikat drucken (F5) und aufbewahren',
  validationPending: 'FinanzOnline-Prüfung ausstehend',
  validation: (result: string) =>
    result === 'SUCCESS' ? 'FinanzOnline hat den Startbeleg bestätigt' : `FinanzOnline-Prüfung: ${result}`,
  done: 'Fertig: die Kasse signiert jetzt jeden Beleg über fiskaly.',
  failedToLoad: (message: string) => `Stand der Einrichtung nicht lesbar: ${message}`,
  summary: {
    title: 'Die Kasse ist eingerichtet',
    intro:
      'Bitte prüfen: so ist die Kasse bei fiskaly und FinanzOnline angelegt, und das ist ihr Startbeleg mit seiner Prüfung.',
    checks: 'Prüfung des Startbelegs',
    signature: 'Signatur (von der Kasse geprüft)',
    finanzOnline: 'FinanzOnline',
    checking: 'wird geprüft …',
    keep: 'Den gedruckten Startbeleg aufbewahren; das Prüfergebnis bewahrt die Kasse auf. Der Startbeleg steht auch im Journal (F2).',
    toTill: 'Zur Kasse',
  },
};

export const onboardingEn: typeof onboardingDe = {
  title: 'Set up live operation with fiskaly',
  intro:
    'The assistant creates the signature creation unit and the cash register at fiskaly SIGN AT and registers both with FinanzOnline. Every step is saved at once: if the program is interrupted, it continues where it stopped.',
  open: 'Set up live operation',
  environment: 'Environment',
  environments: {
    TEST: 'TEST – for trying out, no tax effect',
    LIVE: 'LIVE – real operation, every receipt counts for tax',
  },
  liveConfirm:
    'I am setting up this till for real operation: from the start receipt on, every receipt counts.',
  liveNotConfirmed: 'Please confirm that you mean real operation (LIVE).',
  access: 'fiskaly access',
  accessKinds: {
    api_key: 'My own API key (fiskaly dashboard → API keys)',
    management: 'Through my POS provider (Management API)',
  },
  apiKey: 'API key',
  apiSecret: 'API secret',
  managementKey: 'POS provider’s Management API key',
  managementSecret: 'POS provider’s Management API secret',
  managementHint:
    'With it the POS provider creates your fiskaly organization and your API key. The provider’s own key is not kept on this PC afterwards.',
  company: 'Business',
  companyName: 'Name (as on the receipt)',
  address: 'Street and number',
  zip: 'Postcode',
  town: 'Town',
  vatId: 'VAT id (UID)',
  vatIdHint: 'ATU and 8 digits; the check digit is verified.',
  fon: 'FinanzOnline',
  fonHint:
    'The data of the dedicated “Registrierkassen-Webservice-Benutzer”, not the normal FinanzOnline login. In TEST, well-formed values are enough.',
  participantId: 'Participant id',
  userId: 'User id',
  pin: 'PIN',
  register: 'Cash register',
  registerDescription: 'Name (e.g. “Till 1 shop floor”)',
  secretsNote: 'API secret and PIN are stored encrypted and never shown again.',
  start: 'Start setup',
  starting: 'Checking the credentials …',
  backToProgress: 'Back to the progress',
  progress: 'Progress',
  steps: {
    managed_organization: 'Create the organization at fiskaly',
    managed_api_key: 'Create the organization’s API access',
    credentials: 'Check the credentials (TEST or LIVE)',
    fon_auth: 'Check the FinanzOnline access',
    scu_create: 'Create the signature creation unit',
    register_create: 'Create the cash register',
    scu_initialize: 'Put the signature creation unit into operation',
    register_register: 'Register the cash register with FinanzOnline',
    register_initialize: 'Put the cash register into operation (start receipt)',
    start_receipt: 'Start receipt into the journal and onto paper',
    start_receipt_validation: 'Check the start receipt with FinanzOnline',
  },
  stepState: { done: 'done', running: 'running …', failed: 'failed', waiting: 'to do' },
  phase: {
    not_started: 'Not started yet',
    running: 'Setup running',
    interrupted: 'Interrupted – “Continue” goes on where it stopped',
    failed: 'A step failed',
    done: 'The cash register is set up',
  },
  resume: 'Continue',
  edit: 'Correct the data',
  reset: 'Discard the setup',
  resetQuestion:
    'Discard the setup? Whatever already exists at fiskaly is reused on the next attempt with the same credentials.',
  resetYes: 'Discard (Enter)',
  resetNo: 'Cancel (Esc)',
  errorDetails: (code: string, requestId: string | null) =>
    requestId ? `Code ${code}, request id ${requestId} (for fiskaly support)` : `Code ${code}`,
  retryableHint: 'Probably the connection or SIGN AT: “Continue” tries again.',
  fixHint: 'Please fix the data with “Correct the data” and start again.',
  kassenId: 'Kassen-ID',
  startReceipt: 'Start receipt',
  startReceiptNumber: (number: string) => `No. ${number}`,
  printed: 'printed',
  notPrinted: 'not printed – print it from the journal (F2) as a duplicate (F5) and keep it',
  validationPending: 'FinanzOnline check pending',
  validation: (result: string) =>
    result === 'SUCCESS' ? 'FinanzOnline confirmed the start receipt' : `FinanzOnline check: ${result}`,
  done: 'Done: the till now signs every receipt through fiskaly.',
  failedToLoad: (message: string) => `Setup state not readable: ${message}`,
  summary: {
    title: 'The cash register is set up',
    intro:
      'Please check: this is the cash register as set up with fiskaly and FinanzOnline, and its start receipt with its check.',
    checks: 'Check of the start receipt',
    signature: 'Signature (checked by the till)',
    finanzOnline: 'FinanzOnline',
    checking: 'being checked …',
    keep: 'Keep the printed start receipt; the till keeps the check result. The start receipt is also in the journal (F2).',
    toTill: 'To the till',
  },
};
