// Migration 4 (the line-text index of every journaled receipt) on the fixture's schema-3 journal, timed
// in this process against the migration as released (one statement) in the same run, alternately, so
// that the ratio holds on a loaded machine too. Each run is a transaction rolled back: both make the
// same rows, so the commit the update adds writes the same pages for both (the first start after the
// update, a whole process with its commit, is measured apart). CPU time is reported beside wall time:
// on a shared machine it moves far less with the neighbours' load.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from '../src-main/journal/migrations.ts';
import { openJournalDatabase } from '../src-main/journal/open-journal-database.ts';
import { MIGRATION_4, RELEASED_MIGRATION_4 } from '../src-main/journal/released-migration-4.test-support.ts';
import { SCHEMA_3 } from '../src-main/journal/schema-3-journal.test-support.ts';
import type { Figure } from './benchmark.ts';
import { copyOnDisk } from './journal-fixture-at-schema-3.ts';
import { median } from './stats.ts';

interface MigrationRuns {
  wallMs: number[];
  cpuMs: number[];
}

interface Migration4Timing {
  current: MigrationRuns;
  released: MigrationRuns;
  /** Distinct texts and index rows, the same for both (checked). */
  texts: number;
  rows: number;
}

/** What the migration made, to hold the two to the same work: counts and a checksum of every row. */
function made(db: DatabaseSync): string {
  const texts = db.prepare('SELECT count(*) AS n, sum(length(text) * id) AS sum FROM line_texts').get();
  const rows = db
    .prepare(
      'SELECT count(*) AS n, sum(text_id * 7 + seq * 3 + total_cents + created_ms % 1000) AS sum FROM receipt_line_texts',
    )
    .get();
  return JSON.stringify([texts, rows]);
}

function runOnce(db: DatabaseSync, migration: Migration, into: MigrationRuns): string {
  db.exec('BEGIN IMMEDIATE');
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    db.exec(migration.sql);
    for (const step of migration.backfill?.(db) ?? []) void step;
    const used = process.cpuUsage(cpu);
    into.wallMs.push(performance.now() - started);
    into.cpuMs.push((used.user + used.system) / 1000);
    return made(db);
  } finally {
    db.exec('ROLLBACK');
  }
}

export async function timeMigration4(
  schema3Path: string,
  runs: number,
  log: (message: string) => void,
): Promise<Migration4Timing> {
  const dir = await mkdtemp(join(tmpdir(), 'kassen-bench-migration-'));
  const path = join(dir, 'journal.sqlite');
  await copyOnDisk(schema3Path, path);
  const db = openJournalDatabase(path, SCHEMA_3);
  try {
    // Untimed: the copy's pages into the page cache, as for either run after the first.
    db.prepare('SELECT sum(length(sale)) FROM receipts').get();
    const current: MigrationRuns = { wallMs: [], cpuMs: [] };
    const released: MigrationRuns = { wallMs: [], cpuMs: [] };
    let expected: string | null = null;
    for (let run = 0; run < runs; run++) {
      // ABBA: neither side always runs first.
      const order: Array<[Migration, MigrationRuns, string]> = [
        [RELEASED_MIGRATION_4, released, 'as released'],
        [MIGRATION_4, current, 'now'],
      ];
      if (run % 2 === 1) order.reverse();
      for (const [migration, into, name] of order) {
        const result = runOnce(db, migration, into);
        if (expected !== null && result !== expected) {
          throw new Error(`migration 4 ${name} made other rows: ${result} instead of ${expected}`);
        }
        expected = result;
        log(
          `migration 4 ${name}: ${into.wallMs.at(-1)?.toFixed(0)} ms (CPU ${into.cpuMs.at(-1)?.toFixed(0)} ms)`,
        );
      }
    }
    const [texts, rows] = JSON.parse(expected ?? '[{},{}]') as Array<Record<string, number>>;
    return { current, released, texts: Number(texts?.['n']), rows: Number(rows?.['n']) };
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function migration4Figures(timing: Migration4Timing): Figure[] {
  const now = median(timing.current.wallMs);
  const released = median(timing.released.wallMs);
  const runs = `${timing.current.wallMs.length} runs each, alternately, rolled back; ${timing.rows} index rows, ${timing.texts} texts`;
  return [
    {
      label: 'migration 4 (line-text index), in process',
      value: now,
      unit: 'ms',
      detail: `median of ${runs}; as released (one statement): ${released.toFixed(0)} ms in the same run`,
    },
    {
      label: 'migration 4 now / as released, wall',
      value: now / released,
      unit: '×',
      detail: 'medians of the same run',
    },
    {
      label: 'migration 4 now / as released, CPU',
      value: median(timing.current.cpuMs) / median(timing.released.cpuMs),
      unit: '×',
      detail: `CPU ${median(timing.current.cpuMs).toFixed(0)} ms now, ${median(timing.released.cpuMs).toFixed(0)} ms as released`,
    },
  ];
}
