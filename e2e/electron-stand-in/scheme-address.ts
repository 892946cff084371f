// Where a custom scheme's pages live inside Debian's Chromium. Electron registers `app:` as a standard,
// secure scheme (protocol.registerSchemesAsPrivileged); a stock Chromium cannot, and does not even hand
// `app://` requests to the DevTools protocol. So `app://<host>/<path>` is carried, for Chromium only, as
// `https://<host>.app.electron-stand-in.invalid/<path>`: a secure, standard origin of its own under the
// reserved `.invalid` TLD (RFC 6761), which never resolves, so nothing can leave the machine. Every URL
// the stand-in reports to main (frame URLs, will-navigate, protocol and webRequest requests) is turned
// back into its Electron form, so the shell sees exactly the URLs Electron would show it.

const CARRIER_SUFFIX = '.electron-stand-in.invalid';

/** The schemes registered as standard, from protocol.registerSchemesAsPrivileged. */
const standardSchemes = new Set<string>();

export function addStandardScheme(scheme: string): void {
  standardSchemes.add(scheme.toLowerCase());
}

/** The URL Chromium loads for an Electron URL (unchanged unless it is of a registered custom scheme). */
export function toChromiumUrl(electronUrl: string): string {
  const url = new URL(electronUrl);
  const scheme = url.protocol.slice(0, -1);
  if (!standardSchemes.has(scheme)) return electronUrl;
  const port = url.port ? `:${url.port}` : '';
  return `https://${url.hostname}.${scheme}${CARRIER_SUFFIX}${port}${url.pathname}${url.search}${url.hash}`;
}

/** The URL Electron would report for a URL Chromium shows. */
export function toElectronUrl(chromiumUrl: string): string {
  let url: URL;
  try {
    url = new URL(chromiumUrl);
  } catch {
    return chromiumUrl;
  }
  if (url.protocol !== 'https:' || !url.hostname.endsWith(CARRIER_SUFFIX)) return chromiumUrl;
  const inner = url.hostname.slice(0, -CARRIER_SUFFIX.length);
  const dot = inner.lastIndexOf('.');
  const scheme = inner.slice(dot + 1);
  if (dot < 0 || !standardSchemes.has(scheme)) return chromiumUrl;
  const port = url.port ? `:${url.port}` : '';
  return `${scheme}://${inner.slice(0, dot)}${port}${url.pathname}${url.search}${url.hash}`;
}
