// The POS API on a server of its own, for the Electron shell (the headless shell mounts the handler
// on the server that also serves the renderer).
import { createServer } from 'node:http';
import { PosError } from '../../src-shared/pos-error.ts';
import { sendJson } from './http-answer.ts';
import { listen, type Listening } from './listen.ts';
import { isPosApiPath, type PosApiService } from './pos-api-service.ts';

export const DEFAULT_POS_API_PORT = 8420;

export async function startPosApiServer(
  service: PosApiService,
  host: string,
  port: number,
  allowNonLoopback: boolean,
): Promise<Listening> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (isPosApiPath(path)) {
      void service.handle(req, res);
      return;
    }
    sendJson(res, 404, { error: new PosError('not_found', `unbekannter Pfad: ${path}`).toBody() });
  });
  return listen(server, host, port, allowNonLoopback);
}
