// Serves the built renderer under app://kassen-companion/ with the renderer's CSP. The scheme must be
// registered as privileged before 'ready'; the handler is installed after.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { RENDERER_CSP } from '../shell/content-security-policy.ts';
import { findRendererFile, NOT_BUILT_MESSAGE } from '../shell/renderer-files.ts';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function text(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': RENDERER_CSP },
  });
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return text(404, 'nicht gefunden');
    }
    const file = await findRendererFile(rendererDir, url.pathname);
    if (file.kind === 'not_built') return text(503, NOT_BUILT_MESSAGE);
    if (file.kind === 'missing') return text(404, 'nicht gefunden');
    return new Response(request.method === 'HEAD' ? null : await readFile(file.path), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': RENDERER_CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
