// The first start after an update whose migration walks every receipt: the service says what it does
// and how far it got, a line per tenth, then starts as always; every receipt is still there and the
// search finds them by their line text.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bridgeAuthHeaderValue, bridgeOperationPath } from '../../src-shared/bridge-protocol.ts';
import type { JournalPage } from '../../src-shared/journal-query.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import { JOURNAL_FILE } from '../app.ts';
import { storedSale } from '../journal/new-receipt.test-support.ts';
import { writeSchema3Journal } from '../journal/schema-3-journal.test-support.ts';
import { LOG_DIR, LOG_FILE_NAME } from '../shell/log-file.ts';
import { MIGRATION_SHOWN_FROM } from '../shell/journal-migration-progress.ts';
import { killServeRuns, serve, started } from './serve-process.test-support.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-update-'));
after(() => {
  killServeRuns();
  rmSync(root, { recursive: true, force: true });
});

test('a long journal migrates with progress lines on stdout, and the service then starts with every receipt', async () => {
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const receipts = 2 * MIGRATION_SHOWN_FROM + 10_000;
  writeSchema3Journal(join(dataDir, JOURNAL_FILE), receipts, (n) => ({
    sale: storedSale(100 + (n % 50), n % 3 === 0 ? 'Kardinalschnitte' : 'Melange'),
    totalCents: 100 + (n % 50),
  }));

  const run = serve(['--port', '0', '--data-dir', dataDir]);
  const { origin, token } = await started(run);
  const output = run.output();
  assert.match(
    output,
    /Journal wird aktualisiert\. Einmalig nach dem Update bringt Kassen-Companion das Journal mit 50\.000 Belegen auf den neuen Stand/,
  );
  const percents = [...output.matchAll(/^Journal: (\d+) %$/gm)].map((match) => Number(match[1]));
  assert.equal(percents[0], 0, 'it says so before the walk starts');
  assert.equal(percents.at(-1), 100);
  assert.ok(percents.length >= 3, `steps on the way: ${percents.join(', ')}`);
  assert.deepEqual(
    [...percents].sort((a, b) => a - b),
    percents,
  );
  assert.ok(
    output.indexOf('Journal: 100 %') < output.indexOf('Im Browser öffnen'),
    'the service starts after it',
  );
  const log = readFileSync(join(dataDir, LOG_DIR, LOG_FILE_NAME), 'utf8');
  assert.match(log, /INFO Journal wird aktualisiert \{"fraction":0,"receipts":50000,"from":3,"to":\d+\}/);
  assert.match(log, /INFO Journal aktualisiert/);

  // The index the migration built answers the search: every third receipt sold the Kardinalschnitte.
  const res = await fetch(origin + bridgeOperationPath('searchJournal'), {
    method: 'POST',
    headers: { Authorization: bridgeAuthHeaderValue(token), 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: 'kardinal', limit: 200 }),
  });
  const outcome = (await res.json()) as Outcome<JournalPage>;
  assert.ok(outcome.ok, JSON.stringify(outcome));
  assert.equal(outcome.value.items.length, 200);
  assert.ok(outcome.value.items.every((receipt) => receipt.lines[0]?.text === 'Kardinalschnitte'));
  run.child.kill('SIGTERM');
  assert.equal(await run.exit, 0);
});
