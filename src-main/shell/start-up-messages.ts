// What the desktop app's dialog and the service's stderr say when the till cannot start: the cause and
// the next step, in German or (when the merchant chose it) English. The log file gets the German text.
import type { AccessRenewal } from '../../src-shared/status.ts';
import type { UiLanguage } from '../../src-shared/ui-language.ts';
import type { StartUpFailure } from './start-up-failure.ts';

export interface StartUpMessage {
  title: string;
  cause: string;
  next: string;
}

type Texts = {
  [K in StartUpFailure['kind']]: (failure: Extract<StartUpFailure, { kind: K }>) => StartUpMessage;
};

const UNTOUCHED_DE = 'Am Journal und an der Kasse wurde nichts verändert.';
const UNTOUCHED_EN = 'Nothing in the journal or the register was changed.';

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

const DE: Texts = {
  data_dir_locked: ({ dataDir }) => ({
    title: 'Kassen-Companion läuft schon',
    cause:
      `Der Datenordner ${dataDir} wird schon von einer laufenden Kassen-Companion verwendet (Desktop-App oder Dienst). ` +
      'Zwei Kassen auf einem Journal würden die Belegkette zerreißen.',
    next: 'Im schon laufenden Programm weiterarbeiten, oder es beenden und dann neu starten.',
  }),
  not_writable: ({ dataDir, code }) => ({
    title: 'Datenordner nicht beschreibbar',
    cause: `In den Datenordner ${dataDir} kann nicht geschrieben werden${code ? ` (${code})` : ''}.`,
    next: `Die Schreibrechte des Ordners prüfen, oder ob das Laufwerk schreibgeschützt ist, und dann neu starten. ${UNTOUCHED_DE}`,
  }),
  disk_full: ({ dataDir, freeBytes }) => ({
    title: 'Datenträger voll',
    cause:
      `Auf dem Laufwerk des Datenordners ${dataDir} ist kein Platz mehr` +
      `${freeBytes === null ? '' : ` (frei: ${megabytes(freeBytes)} MB)`}.`,
    next: `Platz schaffen (z. B. nicht mehr benötigte Dateien löschen) und dann neu starten. ${UNTOUCHED_DE}`,
  }),
  journal_too_new: ({ dataDir, found, known }) => ({
    title: 'Journal einer neueren Version',
    cause:
      `Das Journal im Datenordner ${dataDir} stammt von einer neueren Version von Kassen-Companion ` +
      `(Schema ${found}; diese Version kennt bis ${known}).`,
    next: `Die neueste Version von Kassen-Companion installieren und damit starten. ${UNTOUCHED_DE}`,
  }),
  port_in_use: ({ host, port }) => ({
    title: 'Port belegt',
    cause: `Port ${port} auf ${host} ist schon von einem anderen Programm belegt.`,
    next: 'Mit --port einen anderen Port wählen (--port 0 wählt einen freien), oder das andere Programm beenden.',
  }),
  unexpected: ({ message }) => ({
    title: 'Kassen-Companion konnte nicht starten',
    cause: message,
    next: 'Neu starten; tritt der Fehler wieder auf, das Protokoll (logs/kassen-companion.log im Datenordner) an den Support schicken.',
  }),
};

const EN: Texts = {
  data_dir_locked: ({ dataDir }) => ({
    title: 'Kassen-Companion is already running',
    cause:
      `The data folder ${dataDir} is in use by a running Kassen-Companion (the desktop app or the service). ` +
      'Two tills on one journal would break the receipt chain.',
    next: 'Carry on in the program that is already running, or quit it and start again.',
  }),
  not_writable: ({ dataDir, code }) => ({
    title: 'Data folder not writable',
    cause: `The data folder ${dataDir} cannot be written to${code ? ` (${code})` : ''}.`,
    next: `Check the folder's permissions, or whether the drive is read-only, then start again. ${UNTOUCHED_EN}`,
  }),
  disk_full: ({ dataDir, freeBytes }) => ({
    title: 'Disk full',
    cause:
      `The drive of the data folder ${dataDir} has no space left` +
      `${freeBytes === null ? '' : ` (free: ${megabytes(freeBytes)} MB)`}.`,
    next: `Free some space (e.g. delete files no longer needed), then start again. ${UNTOUCHED_EN}`,
  }),
  journal_too_new: ({ dataDir, found, known }) => ({
    title: 'Journal of a newer version',
    cause:
      `The journal in the data folder ${dataDir} was written by a newer version of Kassen-Companion ` +
      `(schema ${found}; this version knows up to ${known}).`,
    next: `Install the latest version of Kassen-Companion and start that. ${UNTOUCHED_EN}`,
  }),
  port_in_use: ({ host, port }) => ({
    title: 'Port in use',
    cause: `Port ${port} on ${host} is already taken by another program.`,
    next: 'Choose another port with --port (--port 0 picks a free one), or quit the other program.',
  }),
  unexpected: ({ message }) => ({
    title: 'Kassen-Companion could not start',
    cause: message,
    next: 'Start again; if the error comes back, send the log (logs/kassen-companion.log in the data folder) to support.',
  }),
};

const TEXTS: Record<UiLanguage, Texts> = { de: DE, en: EN };

export function startUpMessage(failure: StartUpFailure, language: UiLanguage): StartUpMessage {
  const text = TEXTS[language][failure.kind] as (failure: StartUpFailure) => StartUpMessage;
  return text(failure);
}

/** What "Zugang erneuern" asks for, as the object of a sentence (German accusative). */
const ACCESS_WHAT: Record<UiLanguage, Record<'api' | 'pin' | 'both', string>> = {
  de: {
    api: 'den API-Zugang (API-Key und API-Secret)',
    pin: 'die FinanzOnline-PIN',
    both: 'den API-Zugang (API-Key und API-Secret) und die FinanzOnline-PIN',
  },
  en: {
    api: 'the API access (API key and secret)',
    pin: 'the FinanzOnline PIN',
    both: 'the API access (API key and secret) and the FinanzOnline PIN',
  },
};

/**
 * Not a failed start: the till starts and waits at "Zugang erneuern". Said at start all the same (the
 * dialog, stderr, the log), because nothing signs until someone enters the secret again.
 */
export function accessRenewalMessage(renewal: AccessRenewal, language: UiLanguage): StartUpMessage {
  const api = renewal.needs.includes('api_access');
  const pin = renewal.needs.includes('fon_pin');
  const what = ACCESS_WHAT[language][api && pin ? 'both' : pin ? 'pin' : 'api'];
  if (language === 'en') {
    return {
      title: 'Renew access',
      cause:
        renewal.reason === 'other_shell'
          ? `The desktop app sealed ${what} in the operating system's keychain, which the service cannot reach.`
          : `This PC cannot decrypt ${what}: the key it was sealed with is gone (keychain reset, data folder copied from another PC or user, damaged key file).`,
      next: `Choose "Zugang erneuern" (renew access) on the setup screen and enter ${what} again. ${UNTOUCHED_EN}`,
    };
  }
  return {
    title: 'Zugang erneuern',
    cause:
      renewal.reason === 'other_shell'
        ? `Die Desktop-App hat ${what} im Schlüsselbund des Betriebssystems verschlüsselt; der Dienst kommt an diesen Schlüsselbund nicht heran.`
        : `Die Kasse kann ${what} auf diesem PC nicht entschlüsseln: der Schlüssel dafür fehlt (Schlüsselbund zurückgesetzt, Datenordner von einem anderen PC oder Benutzer kopiert, Schlüsseldatei beschädigt).`,
    next: `Auf dem Einrichtungsbildschirm der Kasse „Zugang erneuern“ wählen und ${what} neu eingeben. ${UNTOUCHED_DE}`,
  };
}

/** The message as the service prints it on stderr: title, cause, next step. */
export function startUpMessageText(message: StartUpMessage): string {
  return `${message.title}: ${message.cause}\n${message.next}\n`;
}
