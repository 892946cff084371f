// Serves the built renderer (dist/renderer) over HTTP with the renderer's CSP and defensive headers.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RENDERER_CSP } from '../shell/content-security-policy.ts';
import { findRendererFile, NOT_BUILT_MESSAGE } from '../shell/renderer-files.ts';

const PAGE_SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export function createStaticFiles(rendererDir: string) {
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
    const file = await findRendererFile(rendererDir, pathname);
    if (file.kind === 'not_built') return plain(res, 503, NOT_BUILT_MESSAGE);
    if (file.kind === 'missing') return plain(res, 404, 'nicht gefunden');
    res.writeHead(200, {
      ...PAGE_SECURITY_HEADERS,
      'Content-Type': file.contentType,
      // Vite fingerprints everything under assets/; index.html must be fetched fresh after an update.
      'Cache-Control': file.isIndex ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file.path).pipe(res);
  };
}
