// Every JSON answer of the bridge and the POS API goes out with the same defensive headers, and none
// carries Access-Control-Allow-Origin: CORS stays closed, so no web page can read an answer.
import type { ServerResponse } from 'node:http';

const JSON_SECURITY_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
} as const;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...JSON_SECURITY_HEADERS,
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** A file as the route answers it (a CSV), with the same headers, offered for download. */
export function sendFile(
  res: ServerResponse,
  status: number,
  contentType: string,
  file: { name: string; text: string },
): void {
  res.writeHead(status, {
    ...JSON_SECURITY_HEADERS,
    'Content-Type': `${contentType}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${file.name.replace(/[^\w.-]+/g, '_')}"`,
    'Content-Length': String(Buffer.byteLength(file.text)),
  });
  res.end(file.text);
}
