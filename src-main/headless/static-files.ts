// Serves the built renderer (dist/renderer) with the renderer's CSP. Paths are resolved inside the
// root only; an unknown path without a file extension gets index.html so a reload on a screen works.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { RENDERER_CSP } from './content-security-policy.ts';

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

export const PAGE_SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

async function fileAt(path: string): Promise<string | null> {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export function createStaticFiles(rootDir: string) {
  const root = resolve(rootDir);
  return async function serveStatic(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...PAGE_SECURITY_HEADERS, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(pathname));
    } catch {
      plain(res, 400, 'ungültiger Pfad');
      return;
    }
    const candidate = join(root, relative);
    if (candidate !== root && !candidate.startsWith(root + sep)) {
      plain(res, 404, 'nicht gefunden');
      return;
    }
    const index = join(root, 'index.html');
    const file =
      (await fileAt(candidate)) ??
      (relative.endsWith(sep) || extname(relative) === '' ? await fileAt(index) : null);
    if (file === null) {
      if ((await fileAt(index)) === null) {
        plain(res, 503, 'Die Oberfläche ist nicht gebaut. Bitte zuerst "npm run build" ausführen.');
      } else {
        plain(res, 404, 'nicht gefunden');
      }
      return;
    }
    res.writeHead(200, {
      ...PAGE_SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      // Vite fingerprints everything under assets/; index.html must be fetched fresh after an update.
      'Cache-Control': file === index ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}
