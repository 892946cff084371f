// Migration 4 as released (commit 9411149 and before): its walk over the old receipts in one statement.
// What any faster walk must make exactly (line-text-backfill.test.ts), and what the journal bench
// measures it against in the same run.
import { MIGRATIONS, type Migration } from './migrations.ts';

const RELEASED_BACKFILL_SQL = `
  CREATE TEMP TABLE backfill_lines AS
    SELECT l.value ->> 'text' AS text, r.created_ms, r.seq, r.total_cents
    FROM receipts r, json_each(r.sale, '$.lines') l
    WHERE l.value ->> 'text' IS NOT NULL;
  INSERT OR IGNORE INTO line_texts (text) SELECT text FROM backfill_lines;
  INSERT OR IGNORE INTO receipt_line_texts (text_id, created_ms, seq, total_cents)
    SELECT t.id, b.created_ms, b.seq, b.total_cents FROM backfill_lines b JOIN line_texts t ON t.text = b.text;
  DROP TABLE backfill_lines;
  CREATE INDEX receipt_line_texts_amount ON receipt_line_texts (text_id, total_cents);`;

const migration4 = MIGRATIONS.find((migration) => migration.version === 4);
if (migration4 === undefined) throw new Error('migration 4 is gone');
export const MIGRATION_4: Migration = migration4;

/** Migration 4 with the released walk: its tables, then the one statement. */
export const RELEASED_MIGRATION_4: Migration = {
  version: 4,
  description: migration4.description,
  sql: `${migration4.sql}\n${RELEASED_BACKFILL_SQL}`,
};
