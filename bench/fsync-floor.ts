// What one durable SQLite commit costs on this disk: WAL with synchronous=FULL, as the journal runs, one
// small row per transaction. Architecture rule 4 puts at least one such commit on every sale's path, so
// this is the floor under the sign overhead; the benchmark measures it in the same run.
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { distribution, type Distribution } from './stats.ts';

/**
 * `pauseMs` between commits (untimed), as sales come at a counter: on this machine's virtual disk a sync
 * after a pause costs more than one right after another.
 */
export async function measureFsyncFloor(
  directory: string,
  commits: number,
  pauseMs = 0,
): Promise<Distribution> {
  const dir = await mkdtemp(join(directory, 'fsync-floor-'));
  const db = new DatabaseSync(join(dir, 'floor.sqlite'));
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    const body = 'x'.repeat(600);
    const samples: number[] = [];
    for (let index = 0; index < commits + 10; index++) {
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const started = performance.now();
      insert.run(body);
      if (index >= 10) samples.push(performance.now() - started);
    }
    return distribution(samples);
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
