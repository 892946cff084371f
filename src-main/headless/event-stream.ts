// Server-Sent Events for the browser renderer (format in src-shared/bridge-protocol.ts). A new
// subscriber first gets the current state, so a reconnect after a drop never shows stale data.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PosEvent } from '../../src-shared/pos-api-contract.ts';

const HEARTBEAT_MS = 20_000;

interface EventStream {
  /** Takes over the response for good: it stays open until the client leaves or `closeAll`. */
  subscribe(req: IncomingMessage, res: ServerResponse): Promise<void>;
  broadcast(event: PosEvent): void;
  closeAll(): void;
}

function frame(event: PosEvent): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

export function createEventStream(initialEvents: () => Promise<PosEvent[]>): EventStream {
  const clients = new Set<ServerResponse>();
  // Proxies and some browsers drop a silent connection; a comment line every so often keeps it open.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    async subscribe(req, res) {
      // The current state is fetched before the headers go out, and the client joins in the same tick
      // as it is written: so no pushed event can slip in before it, or be lost between the two.
      const initial = await initialEvents().catch(() => []);
      if (req.destroyed) return;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      res.write('retry: 2000\n\n');
      for (const event of initial) res.write(frame(event));
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    broadcast(event) {
      const data = frame(event);
      for (const res of clients) res.write(data);
    },
    closeAll() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
