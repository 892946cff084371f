// The headless service as the tests start it: on a random loopback port, the POS API on with a given
// token, a stand-in renderer page, and silent logs; each test names what differs (demo, data folder…).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactingLogger } from '../host/redacting-logger.ts';
import { startHeadless, type HeadlessOptions, type HeadlessService } from './start-headless.ts';

export const TEST_POS_API_TOKEN = 'pos-api-test-token-0123456789';

/** `root` holds the stand-in page; the data folder is `options.dataDir`. */
export function startTestService(
  root: string,
  options: Pick<HeadlessOptions, 'dataDir'> & Partial<HeadlessOptions>,
): Promise<HeadlessService> {
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kassen-Companion</title>');
  return startHeadless({
    demo: false,
    host: '127.0.0.1',
    port: 0,
    allowNonLoopback: false,
    posApi: true,
    posApiToken: { value: TEST_POS_API_TOKEN, source: 'flag' },
    rendererDir: root,
    log: createRedactingLogger(() => {}),
    ...options,
  });
}
