// Migration 4 walks the receipts journaled before it in chunks now, reporting how far it got. It must
// make exactly what the migration as released made in one statement: the same tables, the same text
// numbers (in the order the texts were first sold), the same index rows.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { lineTextBackfill } from './line-text-backfill.ts';
import type { Migration } from './migrations.ts';
import { MIGRATION_4, RELEASED_MIGRATION_4 } from './released-migration-4.test-support.ts';
import { SCHEMA_3, writeSchema3Journal } from './schema-3-journal.test-support.ts';
import {
  openJournalDatabase,
  openJournalDatabaseShowingProgress,
  type JournalMigrationProgress,
} from './open-journal-database.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-backfill-'));
after(() => rmSync(root, { recursive: true, force: true }));

const UP_TO_3 = SCHEMA_3;
/** Chunks of 7 receipts: the walk crosses many chunk borders on a journal a test can make. */
const SMALL_CHUNKS: Migration = { ...MIGRATION_4, backfill: (db) => lineTextBackfill(db, 7) };

/** Repeated, beyond ASCII, and some that the stored JSON escapes (the walk reads them unescaped). */
const TEXTS = [
  'Melange',
  'Semmel',
  'Käsekrainer',
  'Melange',
  'Ölkanne 1 l',
  'Zeitung',
  '🥐 Croissant',
  'Wurst "Spezial"',
  'Kassa C:\\Lade',
  'Zwei\tSpalten',
];

/** Sales of 0 to 4 lines, texts repeated, a line without a text, gaps in seq. */
function schema3Journal(name: string, receipts: number): string {
  const path = join(root, name);
  writeSchema3Journal(path, receipts, (n) => ({
    sale: {
      lines: Array.from({ length: n % 5 }, (_, i) =>
        n % 13 === 0 && i === 1 ? { quantityMilli: 1000 } : { text: TEXTS[(n * 3 + i) % TEXTS.length] },
      ),
    },
    totalCents: (n * 37) % 900,
    gapBefore: n % 11 === 0 ? 2 : 0,
    // Not in seq order: the index key is (text, time, seq).
    createdMs: 1_700_000_000_000 + (n % 50) * 60_000 + n,
  }));
  return path;
}

function contents(path: string) {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return {
      version: db.prepare('PRAGMA user_version').get(),
      schema: db
        .prepare(
          "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all(),
      texts: db.prepare('SELECT id, text FROM line_texts ORDER BY id').all(),
      rows: db.prepare('SELECT * FROM receipt_line_texts ORDER BY text_id, created_ms, seq').all(),
      byAmount: db
        .prepare(
          'SELECT text_id, total_cents, created_ms, seq FROM receipt_line_texts INDEXED BY receipt_line_texts_amount ORDER BY 1, 2, 3, 4',
        )
        .all(),
    };
  } finally {
    db.close();
  }
}

test('the chunked walk makes exactly what migration 4 made as released, across chunk borders and seq gaps', () => {
  const released = schema3Journal('released.sqlite', 200);
  const chunked = join(root, 'chunked.sqlite');
  copyFileSync(released, chunked);

  openJournalDatabase(released, [...UP_TO_3, RELEASED_MIGRATION_4]).close();
  openJournalDatabase(chunked, [...UP_TO_3, SMALL_CHUNKS]).close();

  const expected = contents(released);
  assert.ok(expected.texts.length === TEXTS.length - 1, 'every distinct text once');
  assert.ok(expected.rows.length > 300);
  assert.deepEqual(contents(chunked), expected);
});

test('the walk reports how far it got, ending at 1, and gives the event loop a turn between chunks', async () => {
  const path = schema3Journal('progress.sqlite', 60);
  const probe = new DatabaseSync(path, { readOnly: true });
  const span = Number(probe.prepare('SELECT max(seq) - min(seq) + 1 AS span FROM receipts').get()?.['span']);
  probe.close();
  const seen: Array<JournalMigrationProgress | 'turn'> = [];
  const turns = setInterval(() => seen.push('turn'), 0);
  try {
    const db = await openJournalDatabaseShowingProgress(path, (progress) => seen.push(progress), [
      ...UP_TO_3,
      SMALL_CHUNKS,
    ]);
    db.close();
  } finally {
    clearInterval(turns);
  }
  const steps = seen.filter((item): item is JournalMigrationProgress => item !== 'turn');
  assert.equal(steps.length, Math.ceil(span / 7) + 2, 'the start, one step per chunk of 7, then the index');
  assert.ok(steps.every((step) => step.from === 3 && step.to === 4 && step.receipts === 60));
  const fractions = steps.map((step) => step.fraction);
  assert.deepEqual(
    [...fractions].sort((a, b) => a - b),
    fractions,
    'never backwards',
  );
  assert.deepEqual([fractions[0], fractions.at(-1)], [0, 1]);
  const firstStep = seen.findIndex((item) => item !== 'turn');
  assert.ok(seen.slice(firstStep).includes('turn'), 'a timer ran while the migration went on');
  assert.equal(contents(path).version?.['user_version'], 4);
});

test('a failing walk leaves the journal at the version before, with nothing of the migration in it', () => {
  const path = schema3Journal('failing.sqlite', 30);
  const failing: Migration = {
    ...MIGRATION_4,
    *backfill(db) {
      yield* lineTextBackfill(db, 7);
      throw new Error('disk full halfway');
    },
  };
  assert.throws(() => openJournalDatabase(path, [...UP_TO_3, failing]), /disk full halfway/);
  const after = new DatabaseSync(path, { readOnly: true });
  assert.equal(after.prepare('PRAGMA user_version').get()?.['user_version'], 3);
  assert.equal(
    after.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'line_texts'").get()?.['n'],
    0,
  );
  assert.equal(after.prepare('SELECT count(*) AS n FROM receipts').get()?.['n'], 30);
  after.close();
});
