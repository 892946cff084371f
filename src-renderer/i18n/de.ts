// German UI strings, the app's first language. `Messages` is derived from this table, so the
// English table (en.ts) fails to compile when it lacks a key or a parameter.
import { formatEuro, MAX_RECEIPT_CENTS } from '../../src-shared/money.ts';
import type { Environment, ReceiptState, AnyReceiptKind } from '../../src-shared/receipt.ts';
import { MAX_LINE_TEXT } from '../../src-shared/sale-draft.ts';
import { articlesDe } from '../articles/article-messages.ts';
import { closingsDe } from '../closings/closings-messages.ts';
import { onboardingDe } from '../onboarding-wizard/onboarding-messages.ts';
import { takeoverDe } from '../takeover/takeover-messages.ts';
import { registerAdminDe } from '../register-admin/register-admin-messages.ts';

const environmentHint: Record<Environment, string> = {
  DEMO: 'Demo: Belege signiert der eingebaute SIGN-AT-Emulator; sie sind steuerlich ohne Wirkung.',
  TEST: 'fiskaly TEST: echte Schnittstelle, aber nicht steuerwirksam.',
  LIVE: 'LIVE: steuerwirksam, jeder Beleg zählt.',
};

const receiptKind: Record<AnyReceiptKind, string> = {
  NORMAL: 'Verkauf',
  TRAINING: 'Training',
  CANCELLATION: 'Storno',
  ZERO: 'Nullbeleg',
  INITIALIZATION: 'Startbeleg',
  MONTHLY_CLOSE: 'Monatsbeleg',
  YEARLY_CLOSE: 'Jahresbeleg',
  SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE: 'Sammelbeleg',
  DECOMMISSION: 'Schlussbeleg',
};

const receiptState: Record<ReceiptState, string> = {
  pending: 'wird signiert',
  signed: 'signiert',
  offline: 'ausgefallen, wird nachsigniert',
  signed_late: 'nachsigniert',
  rejected: 'abgelehnt',
  signature_failed: 'ohne Signatur (Sicherheitseinrichtung ausgefallen)',
};

export const de = {
  app: {
    connecting: 'Verbinde mit der Kasse …',
    noToken:
      'Dieser Seite fehlt der Zugangsschlüssel. Bitte die Adresse öffnen, die der Dienst beim Start ausgibt (sie endet auf #token=…).',
    unreachable: (message: string) => `Kasse nicht erreichbar: ${message}`,
    retry: 'Erneut versuchen',
    connectionClosed:
      'Der Kassendienst nimmt diese Seite nicht mehr an (neu gestartet?). Bitte die Adresse öffnen, die er beim Start ausgibt.',
    connectionLost:
      'Verbindung zum Kassendienst unterbrochen: es wird neu verbunden. Die Anzeige kann veraltet sein; keine Buchung geht verloren.',
  },
  environmentHint,
  header: {
    signAt: 'SIGN AT',
    online: 'online',
    outageSince: (hours: number, minutes: number) => `Ausfall seit ${hours} h ${minutes} min`,
    printer: 'Drucker',
    printerReady: 'bereit',
    printerOff: 'aus',
    printerNone: 'keiner',
    printerQueue: (count: number) => `Warteschlange ${count}`,
    offlineQueue: 'Warteschlange',
    offlineQueueHint: 'Belege, die noch auf ihre Signatur warten',
    posApi: 'POS-API',
    portInUse: (port: number) => `Port ${port} belegt`,
  },
  codeCheck: {
    banner: (receiptNumber: string) =>
      `Beleg Nr. ${receiptNumber}: der QR-Code von SIGN AT passt nicht zum Beleg. Er gilt nicht als Beleg für den Kunden: bitte stornieren (Storno) und den Verkauf neu bonieren.`,
    notice:
      'Der QR-Code von SIGN AT passt nicht zu diesem Beleg: er wird nicht gedruckt. Bitte stornieren (Storno) und den Verkauf neu bonieren.',
    unverified:
      'Die Signatur wird noch geprüft, sobald das Zertifikat der Signaturerstellungseinheit da ist.',
    title: 'Belege mit unpassendem QR-Code',
    intro:
      'Vor jedem Druck vergleicht die Kasse den QR-Code von SIGN AT mit dem Beleg (Kassen-ID, Belegnummer, Datum, die fünf Beträge, Signatur). Passt er nicht, bleibt der Beleg so, wie SIGN AT ihn signiert hat, wird nicht gedruckt und steht hier, bis er storniert ist.',
    none: 'Keine: jeder QR-Code von SIGN AT passt zu seinem Beleg.',
    noPaper: (receiptNumber: string) =>
      `Beleg Nr. ${receiptNumber} hat keine Papierform: der QR-Code von SIGN AT passt nicht zum Beleg. Bitte stornieren (Storno) und den Verkauf neu bonieren.`,
    cancel: 'Stornieren',
    cancelling: 'Wird storniert …',
    cancelled: (receiptNumber: string) =>
      `Storno zu Beleg Nr. ${receiptNumber} erstellt. Bitte den Verkauf neu bonieren.`,
  },
  outage: {
    running:
      'Sicherheitseinrichtung ausgefallen. Verkäufe gehen weiter: jeder Beleg trägt den Vermerk „Sicherheitseinrichtung ausgefallen“ und wird nachsigniert, sobald SIGN AT wieder antwortet.',
    warn: (hoursLeft: number) =>
      `Der Ausfall dauert über 24 Stunden. In ${hoursLeft} h sind 48 Stunden erreicht: dann muss er binnen einer Woche über FinanzOnline gemeldet werden (§ 17 RKSV).`,
    report:
      'Ausfall länger als 48 Stunden: innerhalb einer Woche über FinanzOnline melden (§ 17 RKSV), das Ende des Ausfalls ebenso.',
    lastError: (message: string) => `Letzter Fehler: ${message}`,
  },
  keys: {
    journal: 'Journal',
    zeroReceipt: 'Nullbeleg',
    training: 'Training',
    trainingOff: 'Training beenden',
    reprintLast: 'Letzten Bon drucken (DUPLIKAT)',
    closings: 'Abschlüsse & DEP',
    settings: 'Einstellungen',
    till: 'Kasse',
  },
  setup: {
    title: 'Willkommen beim Kassen-Companion',
    intro:
      'Der Kassen-Companion macht diesen PC zur Registrierkasse nach RKSV: jeder Beleg wird über fiskaly SIGN AT signiert und mit QR-Code gedruckt.',
    demoTitle: 'Ausprobieren',
    demoText:
      'Der Demo-Modus signiert mit einem eingebauten SIGN-AT-Emulator, ohne Konto und ohne Internet. Belege aus der Demo sind steuerlich ohne Wirkung.',
    startDemo: 'Demo starten',
    starting: 'Wird eingerichtet …',
    failed: (message: string) => `Einrichtung fehlgeschlagen: ${message}`,
  },
  access: {
    title: 'Zugang erneuern',
    what: {
      api: 'den API-Zugang (API-Key und API-Secret)',
      pin: 'die FinanzOnline-PIN',
      both: 'den API-Zugang (API-Key und API-Secret) und die FinanzOnline-PIN',
    },
    otherShell: (what: string) =>
      `Die Desktop-App hat ${what} im Schlüsselbund des Betriebssystems verschlüsselt; dieser Dienst kommt an diesen Schlüsselbund nicht heran. Bitte ${what} hier neu eingeben.`,
    keyLost: (what: string) =>
      `Die Kasse kann ${what} auf diesem PC nicht entschlüsseln: der Schlüssel dafür fehlt (Schlüsselbund zurückgesetzt, Datenordner von einem anderen PC oder Benutzer kopiert). Bitte ${what} neu eingeben.`,
    untouched: 'Journal und Kasse bleiben unverändert; es wird nichts neu eingerichtet.',
    waiting: (count: number) =>
      count === 1
        ? 'Ein Beleg wartet im Journal auf seine Signatur: er wird gleich danach signiert.'
        : `${count} Belege warten im Journal auf ihre Signatur: sie werden gleich danach signiert.`,
    labels: { apiKey: 'API-Key', apiSecret: 'API-Secret', fonPin: 'FinanzOnline-PIN' },
    apiHint:
      'Aus dem fiskaly Dashboard (API-Keys). Ein neuer Key derselben Organisation geht auch; fiskaly prüft ihn vorher.',
    required: 'Bitte ausfüllen',
    renew: 'Zugang erneuern',
    checking: 'Wird bei fiskaly geprüft …',
    failed: (message: string) => `Nicht erneuert: ${message}`,
  },
  till: {
    favourites: 'Favoriten',
    addFavourite: '+ neu',
    addFavouriteHint: 'Betrag, Satz und Text eingeben, dann „+ neu“',
    removeFavourite: (text: string) => `Favorit „${text}“ entfernen`,
    amount: 'Betrag',
    quantity: 'Menge',
    rate: 'Satz',
    text: 'Text',
    add: 'Hinzufügen ↵',
    problem: {
      amountInvalid: 'Betrag eingeben, z. B. 3,80',
      amountTooLarge: `Betrag zu groß: höchstens ${formatEuro(MAX_RECEIPT_CENTS)} € je Position`,
      quantityInvalid: 'Menge nicht 0, höchstens 3 Nachkommastellen; eine Rückgabe mit Minus, z. B. -1',
      quantityTooLarge: 'Menge zu groß: höchstens 999.999',
      lineTooLarge: `Position zu groß: Menge × Betrag höchstens ${formatEuro(MAX_RECEIPT_CENTS)} €`,
      bonTooLarge: `Der Bon würde zu groß: die Summe darf höchstens ${formatEuro(MAX_RECEIPT_CENTS)} € sein`,
      textMissing: 'Bezeichnung der Ware eingeben: sie steht auf dem Bon',
      textTooLong: `Text zu lang: höchstens ${MAX_LINE_TEXT} Zeichen, bitte kürzen`,
    },
    bon: 'Bon',
    emptyBon: 'Noch keine Position: Betrag, Satz und Text eingeben, dann Enter.',
    bonKeys: '↑ ↓ Position wählen · Entf entfernt sie · Strg+Entf verwirft den ganzen Bon',
    voidQuestion: (lines: number, total: string) =>
      `Ganzen Bon verwerfen (${lines} ${lines === 1 ? 'Position' : 'Positionen'}, EUR ${total})? Er ist nicht bezahlt und wird nicht signiert.`,
    voidYes: 'Bon verwerfen (Enter)',
    voidNo: 'Behalten (Esc)',
    removeLine: 'Position entfernen',
    total: 'SUMME',
    receiptNumber: 'Beleg-Nr.',
    kassenId: 'Kassen-ID',
    cash: 'Bar',
    card: 'Karte',
    given: 'gegeben',
    change: 'Rückgeld',
    givenInvalid: 'Betrag eingeben, z. B. 20,00, oder das Feld leeren',
    cardAmount: 'Betrag',
    addPart: 'Teilzahlung',
    paymentParts: 'Teilzahlungen',
    removePart: 'Teilzahlung entfernen',
    removeLastPartKey: 'Rücktaste im leeren Feld entfernt die letzte Teilzahlung',
    open: (amount: string) => `Offen ${amount}`,
    missing: (amount: string) => `Es fehlen ${amount} €`,
    cardTooHigh: (amount: string) => `Mit Karte höchstens ${amount} €: Rückgeld gibt es nur bar`,
    checkChange: 'Betrag prüfen',
    bigChange: (amount: string) =>
      `Rückgeld ${amount} €: ist der Betrag richtig? Enter bezahlt so, sonst den Betrag ändern`,
    nothingOpen: 'Die Summe ist schon gedeckt: Enter bezahlt',
    tooManyParts: (max: number) => `Höchstens ${max} Zahlungen je Bon: den Rest mit Enter bezahlen`,
    returnLine: 'Rückgabe',
    discountKeys: 'Rabatt:',
    lineDiscount: 'Position',
    receiptDiscount: 'Bon',
    lineDiscountTooHigh: (position: number) =>
      `Position ${position}: der Rabatt ist höher als der Betrag der Position`,
    receiptDiscountTooHigh: 'Der Bonrabatt ist höher als die Summe',
    negativeTotal: (amount: string) =>
      `Die Summe darf nicht negativ sein (${amount} €): Geld zurück gibt es mit einem Storno des ursprünglichen Belegs (F2)`,
    pay: 'BEZAHLEN',
    bonNotKept: (message: string) =>
      `Der Bon ist nicht im Datenordner gesichert (${message}): nach einem Neustart wäre er weg. Die nächste Änderung versucht es wieder.`,
    payFailed: (message: string) =>
      `Nicht abgeschlossen: ${message}. Der Bon bleibt erhalten; Enter versucht es erneut.`,
    signing: 'Signieren',
    printing: 'Drucken',
    done: 'Fertig',
    nextSale: 'Nächster Verkauf: Enter',
    noPrinter: 'Kein Drucker eingerichtet: der Bon steht nur hier am Bildschirm.',
    printPending: 'Der Drucker ist nicht bereit: der Bon wartet in der Druckwarteschlange.',
    failedSignature:
      'Sicherheitseinrichtung ausgefallen: der Beleg trägt diesen Vermerk. Verkäufe gehen weiter; der Sammelbeleg nach dem Ausfall schließt ihn ab.',
    offlineReceipt:
      'Sicherheitseinrichtung ausgefallen: der Beleg wurde mit Vermerk ausgegeben und wird nachsigniert.',
    rejected: (message: string) => `SIGN AT hat den Beleg abgelehnt: ${message}`,
    trainingActive: 'TRAINING: Buchungen sind Trainingsbuchungen und zählen nicht zum Umsatz.',
  },
  receipt: {
    loading: 'Beleg wird aufbereitet …',
    failed: (message: string) => `Vorschau nicht möglich: ${message}`,
  },
  printer: {
    /** Main names its profiles in German: the German screen shows them as they are. */
    profileLabel: (profile: { id: string; label: string }) => profile.label,
    state: {
      ready: 'Drucker bereit',
      off: 'Drucker nicht erreichbar: Belege warten und werden nachgedruckt',
      none: 'Kein Drucker eingerichtet',
    },
    connection: 'Anschluss',
    kinds: {
      none: 'kein Drucker (nur Bildschirm)',
      tcp: 'Netzwerk (ESC/POS, Port 9100)',
      os: 'Drucker des Betriebssystems',
    },
    host: 'Hostname oder IP-Adresse',
    port: 'Port',
    device: 'Drucker',
    systemDefault: 'Standarddrucker des Systems',
    noOsPrinters: 'Nur die Desktop-App kann Drucker des Betriebssystems ansprechen.',
    profile: 'Druckerprofil',
    qrMode: 'QR-Code',
    qrModeProfile: 'wie im Profil',
    qrModes: {
      native: 'vom Drucker gezeichnet (GS ( k)',
      raster: 'als Bild gesendet (sicherer bei Nachbauten)',
    },
    drawerKick: 'Kassenlade bei Barzahlung öffnen',
    footer: 'Fußzeile auf dem Beleg',
    test: 'Testdruck',
    testPrinted: 'Testdruck gesendet: Umlaute, €, beide QR-Arten und Schnitt prüfen.',
    testFailed: (message: string) => `Testdruck nicht möglich: ${message}`,
    check: 'Verbindung prüfen',
    saved: 'Druckereinstellungen gespeichert.',
  },
  discountDialog: {
    lineTitle: (position: number, text: string) => `Rabatt auf Position ${position}: ${text}`,
    receiptTitle: 'Rabatt auf den ganzen Bon',
    otherLine: '↑ ↓ andere Position',
    value: 'Rabatt',
    valueHint: 'Prozent mit %, z. B. 10 %, oder Betrag in €, z. B. 2,50. Leer: Rabatt entfernen.',
    text: 'Bezeichnung auf dem Bon',
    apply: 'Übernehmen (Enter)',
    cancel: 'Abbrechen (Esc)',
    invalid: 'Prozent über 0 bis 100 mit %, oder einen Betrag über 0 eingeben',
    tooHighLine: 'Der Rabatt ist höher als der Betrag der Position',
    tooHighReceipt: 'Der Rabatt ist höher als die Summe (ein Bonrabatt braucht eine Summe über 0,00)',
  },
  zeroDialog: {
    title: 'Nullbeleg erstellen?',
    text: 'Ein Nullbeleg ist ein signierter Beleg über 0,00 €, etwa für eine Prüfung durch die Finanzverwaltung.',
    confirm: 'Erstellen (Enter)',
    cancel: 'Abbrechen (Esc)',
    bonNotEmpty: 'Auf dem Bon stehen noch Positionen: erst bezahlen oder Positionen entfernen.',
  },
  receiptCheck: {
    title: 'Belegprüfung',
    verdict: {
      valid: 'Echt',
      invalid: 'Gefälscht oder verändert',
      unchecked: 'Nicht prüfbar',
      unreadable: 'Kein Beleg-Code',
    },
    kassenId: 'Kassen-ID',
    number: 'Beleg-Nr.',
    dateTime: 'Datum/Uhrzeit',
    total: 'Summe',
    buckets: {
      standard: 'Normal 20 %',
      reduced_1: 'Ermäßigt-1 10 %',
      reduced_2: 'Ermäßigt-2 13 %',
      zero: 'Null 0 %',
      special: 'Besonders 19 % / 4,9 %',
    },
    counter: 'Umsatzzähler',
    counterKind: {
      turnover: 'verschlüsselt',
      training: 'Trainingsbuchung (TRA)',
      cancellation: 'Storno (STO)',
    },
    signature: 'Signatur',
    signatureState: {
      valid: 'gültig',
      invalid: 'passt nicht zum Inhalt',
      failure_marker: 'ausgefallen: „Sicherheitseinrichtung ausgefallen“ statt einer Signatur',
      no_certificate: 'kein Zertifikat für diese Seriennummer bekannt',
    },
    certificateFrom: { register: 'Zertifikat dieser Kasse', material: 'Zertifikat aus dem Kryptomaterial' },
    journal: 'Im Journal',
    notInJournal: 'nicht in diesem Journal',
    sameCode: 'genau dieser Code',
    otherCode: 'mit einem anderen Code',
    cryptoPath: 'Kryptomaterial (vollständiger Pfad), für Belege anderer Kassen',
    cryptoHint:
      'Enter prüft den Code erneut, dann auch mit den Zertifikaten und dem AES-Schlüssel dieser Datei (Format wie bei „DEP-Datei prüfen“).',
    hint: 'Den QR-Code eines Belegs scannen oder seinen Text einfügen: die Kasse prüft ihn.',
  },
  journal: {
    title: 'Journal',
    search: 'Suchen',
    number: 'Nr.',
    time: 'Zeit',
    kind: 'Art',
    state: 'Status',
    total: 'Summe',
    payment: 'Zahlung',
    paymentType: { CASH: 'Bar', NON_CASH: 'Karte' },
    listTotal: (count: number) => `Summe der ${count} gezeigten Belege (ohne Training)`,
    register: 'Kasse',
    allRegisters: 'Alle Kassen zeigen (auch Demo und stillgelegte)',
    empty: 'Keine Belege.',
    loading: 'Wird geladen …',
    failed: (message: string) => `Journal nicht lesbar: ${message}`,
    receiptKind,
    receiptState,
    cancelledBy: 'storniert',
    restoredFromSignAt: {
      lines: 'nur von SIGN AT bekannt',
      amounts: 'nur von SIGN AT bekannt, ohne Artikelzeilen',
    },
    restoredHint:
      'Dieser Beleg wurde auf dem PC signiert, von dem die Kasse übernommen wurde; das Journal kennt ihn nur aus der Belegliste von SIGN AT.',
    keysHint: 'Beleg wählen: ↑ ↓ · F5 DUPLIKAT drucken · F8 Storno · Esc zurück zur Kasse',
    more: 'Ältere Belege laden',
    reprint: 'Nochmals drucken (DUPLIKAT)',
    reprinted: {
      sent: 'Als DUPLIKAT an den Drucker geschickt.',
      waiting:
        'DUPLIKAT wartet auf den Drucker: er antwortet nicht. Er druckt, sobald der Drucker wieder erreichbar ist.',
      screenOnly: 'DUPLIKAT: kein Drucker eingerichtet, es steht nur hier am Bildschirm.',
    },
    pdf: 'Als PDF speichern',
    cancel: 'Stornieren',
    cancelQuestion: (number: string, total: string) =>
      `Beleg-Nr. ${number} über EUR ${total} stornieren? Der Storno ist ein eigener signierter Beleg.`,
    cancelYes: 'Stornieren (Enter)',
    cancelNo: 'Abbrechen (Esc)',
  },
  settings: {
    title: 'Einstellungen',
    language: 'Sprache',
    languages: { de: 'Deutsch', en: 'English' },
    company: 'Unternehmen',
    register: 'Kasse',
    kassenId: 'Kassen-ID',
    environment: 'Umgebung',
    none: '—',
    posApi: 'POS-API (Anbindung bestehender Kassensoftware)',
    posApiEnabled: 'POS-API eingeschaltet',
    posApiUrl: 'Adresse',
    posApiToken: 'Token',
    posApiTokenShow: 'Anzeigen',
    posApiTokenHide: 'Verbergen',
    posApiTokenCopy: 'Kopieren',
    posApiTokenCopied: 'kopiert',
    posApiTokenCopyFailed:
      'Kopieren ist hier nicht möglich (der Browser erlaubt es nur über https oder auf diesem PC): das Token markieren und von Hand kopieren.',
    posApiTokenRenew: 'Neues Token erzeugen …',
    posApiTokenRenewQuestion:
      'Neues Token erzeugen? Das bisherige gilt ab sofort nicht mehr: die Kassensoftware wird abgewiesen, bis das neue Token dort eingetragen ist.',
    posApiTokenRenewYes: 'Neues Token erzeugen',
    posApiTokenRenewNo: 'Abbrechen',
    posApiTokenRenewed:
      'Neues Token erzeugt: bitte in der Kassensoftware eintragen. Das bisherige gilt nicht mehr.',
    posApiTokenGiven:
      'Dieses Token ist beim Start vorgegeben (--pos-api-token oder POS_API_TOKEN): geändert wird es dort.',
    posApiOff: 'Die POS-API ist ausgeschaltet.',
    posApiProblem: (message: string) => `Nicht erreichbar: ${message}`,
    posApiPortInUse: (port: number, url: string | null) =>
      url
        ? `Port ${port} ist von einem anderen Programm belegt: die POS-API ist deshalb unter ${url} erreichbar. Die Kassensoftware auf diese Adresse umstellen, oder das Programm auf Port ${port} beenden und neu starten.`
        : `Port ${port} ist von einem anderen Programm belegt (läuft die App oder der Dienst ein zweites Mal?): die POS-API ist nicht erreichbar. Das andere Programm beenden, dann die POS-API aus- und wieder einschalten.`,
    printer: 'Drucker',
    companyName: 'Name',
    companyAddress: 'Anschrift',
    companyVatId: 'UID-Nummer (leer, wenn keine)',
    signTimeout: 'Wartezeit auf SIGN AT (Sekunden)',
    signTimeoutHint:
      'Antwortet SIGN AT nicht in dieser Zeit, wird der Beleg mit „Sicherheitseinrichtung ausgefallen“ ausgegeben und später nachsigniert.',
    save: 'Speichern',
    saved: 'Gespeichert.',
    desktop: 'Desktop-App',
    startAtLogin: 'Beim Anmelden am PC starten',
    fullScreen: 'Vollbild ohne Fensterrahmen (Kiosk, für Touch-Kassen)',
    fullScreenHint: 'Zum Verlassen hier wieder ausschalten.',
    desktopNotApplicable:
      'Gilt nur für die Desktop-App. Den Dienst startet das System (als Windows-Dienst oder systemd-Unit); Vollbild im Browser mit F11 oder dessen Kiosk-Modus.',
  },
  // Setup wizard, closing screen, takeover and "Kasse verwalten" (each in its own folder).
  onboarding: onboardingDe,
  closings: closingsDe,
  takeover: takeoverDe,
  // The article list, its import, the favourite pages and scanned codes (src-renderer/articles).
  articles: articlesDe,
  registerAdmin: registerAdminDe,
};

export type Messages = typeof de;
