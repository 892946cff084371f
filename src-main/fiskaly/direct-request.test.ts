import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { nodeHttpSend } from './direct-request.ts';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  socket: unknown;
}

let server: http.Server;
let base: string;
const seen: Seen[] = [];
/** What the server does with the next request; the default answers JSON with a request id. */
let answer: (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void;

const jsonAnswer: typeof answer = (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
  response.end(JSON.stringify({ receipt_number: '7', text: 'Grüße' }));
};

before(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
        socket: request.socket,
      });
      answer(request, response, body);
    });
  });
  // Long enough that only the till closes an idle connection in these tests.
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const signal = () => AbortSignal.timeout(5000);

test('the body goes out byte for byte with its length; the whole answer, status and request id come back', async () => {
  answer = jsonAnswer;
  seen.length = 0;
  const send = nodeHttpSend();
  const body = JSON.stringify({ receipt_type: 'NORMAL', text: 'Topfengolatsche für Jörg €' });
  const reply = await send(`${base}/api/v1/cash-register/r/receipt/1`, {
    method: 'PUT',
    headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    body,
    signal: signal(),
  });
  assert.equal(reply.status, 200);
  assert.equal(reply.headers.get('X-Request-Id'), 'req-1');
  assert.deepEqual(JSON.parse(reply.body), { receipt_number: '7', text: 'Grüße' });
  const request = seen[0];
  assert.equal(request?.method, 'PUT');
  assert.equal(request?.url, '/api/v1/cash-register/r/receipt/1');
  assert.equal(request?.body, body);
  assert.equal(request?.headers['content-length'], String(Buffer.byteLength(body)));
  assert.equal(request?.headers.authorization, 'Bearer t');
});

test('consecutive sales reuse one connection to SIGN AT', async () => {
  answer = jsonAnswer;
  seen.length = 0;
  const send = nodeHttpSend();
  for (let index = 0; index < 3; index++) {
    await send(`${base}/x`, { method: 'PUT', headers: {}, body: '{}', signal: signal() });
  }
  assert.equal(seen.length, 3);
  assert.equal(new Set(seen.map((request) => request.socket)).size, 1);
});

// The timeout only ends the test instead of hanging, should the till keep an idle connection for good.
test(
  'a connection idle longer than the idle time is closed: the next sale opens a fresh one',
  { timeout: 5000 },
  async () => {
    answer = jsonAnswer;
    seen.length = 0;
    const send = nodeHttpSend(50);
    await send(`${base}/x`, { method: 'PUT', headers: {}, body: '{}', signal: signal() });
    const first = seen[0]?.socket as import('node:net').Socket | undefined;
    assert.ok(first);
    // The server sees the till close the idle connection (no request is timed here).
    if (!first.destroyed) await once(first, 'close');
    await send(`${base}/x`, { method: 'PUT', headers: {}, body: '{}', signal: signal() });
    assert.equal(seen.length, 2);
    assert.notEqual(seen[1]?.socket, first);
  },
);

test('an answer slower than the idle time still arrives: only idle connections are closed', async () => {
  answer = (request, response, body) => setTimeout(() => jsonAnswer(request, response, body), 200);
  const reply = await nodeHttpSend(50)(`${base}/x`, {
    method: 'PUT',
    headers: {},
    body: '{}',
    signal: signal(),
  });
  assert.equal(reply.status, 200);
});

test('an error status is an answer with its body, not a failure of the transport', async () => {
  answer = (_request, response) => {
    response.writeHead(404, 'Not Found', { 'content-type': 'application/json' });
    response.end('{"code":"E_NOT_FOUND","message":"no such register"}');
  };
  const reply = await nodeHttpSend()(`${base}/x`, {
    method: 'PUT',
    headers: {},
    body: '{}',
    signal: signal(),
  });
  assert.equal(reply.status, 404);
  assert.equal(reply.statusText, 'Not Found');
  assert.equal(JSON.parse(reply.body).code, 'E_NOT_FOUND');
});

test('an answer broken off halfway rejects: half a receipt is never taken for one', async () => {
  answer = (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
    response.write('{"receipt_number":"8","qr_code_data":"_R1-AT1');
    setTimeout(() => response.socket?.destroy(), 10);
  };
  await assert.rejects(
    nodeHttpSend()(`${base}/x`, { method: 'PUT', headers: {}, body: '{}', signal: signal() }),
  );
});

test('a caller’s abort or timeout ends the request with a rejection', async () => {
  answer = () => {
    // Never answers.
  };
  await assert.rejects(
    nodeHttpSend()(`${base}/x`, { method: 'PUT', headers: {}, body: '{}', signal: AbortSignal.timeout(50) }),
    { name: 'AbortError' },
  );
  const closed = http.createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const port = (closed.address() as AddressInfo).port;
  closed.close();
  await once(closed, 'close');
  await assert.rejects(
    nodeHttpSend()(`http://127.0.0.1:${port}/x`, {
      method: 'PUT',
      headers: {},
      body: '{}',
      signal: signal(),
    }),
    { code: 'ECONNREFUSED' },
  );
});
