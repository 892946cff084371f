// Every error code with its HTTP status and meaning: the one table the bridge and the POS API answer
// with and the OpenAPI document lists. 503 is kept for what passes by itself, since every HTTP client
// (and every integrator's retry loop) reads it as "try again later"; a state that lasts until someone
// acts gets a 4xx with a code of its own.
import type { PosErrorCode } from '../../src-shared/pos-error.ts';

interface ErrorCodeDoc {
  /** The status this code is answered with. */
  status: number;
  /** Statuses the code also comes with, each for one documented case (see `meaning`). */
  alsoStatus?: readonly number[];
  /** For the OpenAPI document (German, as every text of the API). */
  meaning: string;
}

export const POS_API_ERROR_CODES: Record<PosErrorCode, ErrorCodeDoc> = {
  invalid_input: {
    status: 422,
    alsoStatus: [400],
    meaning: 'ein Wert ist ungültig, `field` nennt das Feld (400: der Body ist kein gültiges JSON)',
  },
  unauthorized: {
    status: 401,
    alsoStatus: [403],
    meaning: 'Token fehlt oder ist falsch (403: fremder `Host` oder `Origin` einer anderen Webseite)',
  },
  not_found: {
    status: 404,
    alsoStatus: [405],
    meaning:
      'unbekannter Beleg, Artikel oder Pfad, oder die POS-API ist ausgeschaltet (405: Methode für diesen Pfad nicht erlaubt, siehe `Allow`)',
  },
  conflict: {
    status: 409,
    meaning:
      'widerspricht dem Zustand eines Belegs, z. B. dieselbe id mit anderem Inhalt oder ein bereits stornierter Beleg; oder der Artikelliste: Name, PLU oder EAN hat schon ein anderer Artikel (`field` nennt das Feld)',
  },
  register_not_set_up: {
    status: 409,
    meaning:
      'die Kasse ist nicht eingerichtet und es läuft keine Einrichtung: erst in der App einrichten (seit 1.1.0; vorher 503 `not_ready`)',
  },
  register_decommissioned: {
    status: 409,
    meaning:
      'die Kasse ist außer Betrieb genommen: es entstehen keine Belege mehr; Journal und Nachdruck bleiben (seit 1.1.0; vorher 503 `not_ready`)',
  },
  register_taken_over: {
    status: 409,
    meaning:
      'die Kasse wurde auf einem anderen PC übernommen: dieser PC signiert nicht mehr, bis in der App entschieden ist (Kasse hier abgeben oder hier weiterarbeiten) (seit 1.6.0)',
  },
  too_large: { status: 413, meaning: 'der Body ist größer als 256 KiB' },
  rejected_by_sign_at: {
    status: 422,
    meaning: 'fiskaly SIGN AT hat den Beleg abgelehnt; er gilt nicht und wurde nicht gedruckt',
  },
  rate_limited: { status: 429, meaning: 'zu viele Anfragen: nach `Retry-After` Sekunden wiederholen' },
  internal: { status: 500, meaning: 'interner Fehler; Details nur im Protokoll der App' },
  not_ready: {
    status: 503,
    meaning:
      'vorübergehend: die Kasse wird gerade eingerichtet oder außer Betrieb genommen; nach `Retry-After` Sekunden mit derselben id wiederholen',
  },
  unavailable: {
    status: 503,
    meaning:
      'vorübergehend: die App wird beendet oder ein Dienst ist gerade nicht erreichbar; nach `Retry-After` Sekunden mit derselben id wiederholen',
  },
};

export const HTTP_STATUS_FOR = Object.fromEntries(
  Object.entries(POS_API_ERROR_CODES).map(([code, doc]) => [code, doc.status]),
) as Record<PosErrorCode, number>;

/** Seconds a client should wait before it retries a 503. */
export const RETRY_AFTER_UNAVAILABLE_S = 2;

/** The codes a status may carry, in table order: what the document says for that status. */
export function codesForStatus(status: number): PosErrorCode[] {
  return (Object.entries(POS_API_ERROR_CODES) as [PosErrorCode, ErrorCodeDoc][])
    .filter(([, doc]) => doc.status === status || doc.alsoStatus?.includes(status) === true)
    .map(([code]) => code);
}
