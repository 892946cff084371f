// Finds the file of the built renderer that a request path names, for both shells: the headless HTTP
// server and Electron's app:// protocol. Only files inside the renderer folder are ever returned.
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

type RendererFile =
  | { kind: 'file'; path: string; contentType: string; isIndex: boolean }
  | { kind: 'missing' }
  /** The renderer was never built: say so instead of a bare 404. */
  | { kind: 'not_built' };

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * `pathname` as it came in the URL (still percent-encoded). An unknown path without a file extension
 * gets index.html, so a reload on a screen of the single-page app works.
 */
export async function findRendererFile(rendererDir: string, pathname: string): Promise<RendererFile> {
  const root = resolve(rendererDir);
  const index = join(root, 'index.html');
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname));
  } catch {
    return { kind: 'missing' };
  }
  const candidate = join(root, relative);
  if (candidate !== root && !candidate.startsWith(root + sep)) return { kind: 'missing' };
  let path: string | null = (await isFile(candidate)) ? candidate : null;
  if (path === null && (candidate === root || relative.endsWith(sep) || extname(relative) === '')) {
    path = (await isFile(index)) ? index : null;
  }
  if (path === null) return (await isFile(index)) ? { kind: 'missing' } : { kind: 'not_built' };
  return {
    kind: 'file',
    path,
    contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    isIndex: path === index,
  };
}

export const NOT_BUILT_MESSAGE = 'Die Oberfläche ist nicht gebaut. Bitte zuerst "npm run build" ausführen.';
