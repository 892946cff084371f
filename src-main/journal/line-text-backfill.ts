// Migration 4's walk over the receipts journaled before it: every distinct line text once, and one
// index row per receipt and text, exactly as the migration's trigger makes them for each receipt after.
// A till of a few years holds 1.5 M receipts: the walk goes a chunk of receipts at a time and says
// after each how far it got, so that the shells can show it and the event loop gets a turn; all of it
// stays in the migration's one transaction.
import type { DatabaseSync } from 'node:sqlite';
import type { MigrationProgress } from './migrations.ts';

const CHUNK_RECEIPTS = 25_000;
/**
 * Building the amount index once all rows are in takes about a fifth of the migration (measured at
 * 300 k and 1.5 M receipts): the walk fills the rest of the bar, so it does not stand at 100 % meanwhile.
 */
const WALK_SHARE = 0.8;

export function* lineTextBackfill(
  db: DatabaseSync,
  chunkReceipts: number = CHUNK_RECEIPTS,
): Generator<MigrationProgress, void, void> {
  const range = db
    .prepare('SELECT min(seq) AS first, max(seq) AS last, count(*) AS receipts FROM receipts')
    .get();
  const receipts = Number(range?.['receipts'] ?? 0);
  const first = Number(range?.['first'] ?? 1);
  const last = Number(range?.['last'] ?? 0);
  db.exec(`CREATE TEMP TABLE backfill_lines (
    text TEXT NOT NULL, created_ms INTEGER NOT NULL, seq INTEGER NOT NULL, total_cents INTEGER NOT NULL)`);
  // In receipt and line order, as the texts were first sold: line_texts numbers them in that order.
  // OR IGNORE drops the lines without a text (NOT NULL), with the text extracted once per line: a
  // tenth less time for this step than a WHERE that extracts it a second time (300 k and 1.5 M receipts).
  // jsonb_each hands each line over in SQLite's parsed form, where json_each writes it out as JSON text
  // that ->> then parses again: the same text (the same NULL for a line without one) for less CPU. The
  // journal-scale bench times the whole migration against the released one and prints the ratio.
  const collect = db.prepare(`INSERT OR IGNORE INTO temp.backfill_lines (text, created_ms, seq, total_cents)
    SELECT l.value ->> 'text', r.created_ms, r.seq, r.total_cents
    FROM receipts r, jsonb_each(r.sale, '$.lines') l WHERE r.seq BETWEEN ? AND ?`);
  const texts = db.prepare(
    'INSERT OR IGNORE INTO line_texts (text) SELECT text FROM temp.backfill_lines ORDER BY rowid',
  );
  const rows = db.prepare(`INSERT OR IGNORE INTO receipt_line_texts (text_id, created_ms, seq, total_cents)
    SELECT t.id, b.created_ms, b.seq, b.total_cents FROM temp.backfill_lines b JOIN line_texts t ON t.text = b.text`);
  const clear = db.prepare('DELETE FROM temp.backfill_lines');
  // The shells learn at once how long this will be.
  if (receipts > 0) yield { fraction: 0, receipts };
  for (let from = first; from <= last; from += chunkReceipts) {
    const to = Math.min(last, from + chunkReceipts - 1);
    collect.run(from, to);
    texts.run();
    rows.run();
    clear.run();
    yield { fraction: (WALK_SHARE * (to - first + 1)) / (last - first + 1), receipts };
  }
  db.exec('DROP TABLE temp.backfill_lines');
  // A text at one amount, newest first (every entry ends in the key's created_ms, seq): a text and an
  // amount range together are a merge of these walks, however rarely the two meet.
  db.exec('CREATE INDEX receipt_line_texts_amount ON receipt_line_texts (text_id, total_cents)');
  yield { fraction: 1, receipts };
}
