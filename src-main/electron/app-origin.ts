// The renderer runs from app://kassen-companion/, not file://: a standard, secure scheme gives the page
// a real origin for CSP 'self', and lets main tell our page apart from anything else by its URL.
export const APP_SCHEME = 'app';
export const APP_HOST = 'kassen-companion';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True only for URLs of our own renderer. (WHATWG gives custom schemes an opaque origin, so compare parts.) */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
