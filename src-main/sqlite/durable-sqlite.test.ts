import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openDurableSqlite, relaxedTransaction } from './durable-sqlite.ts';

const dir = mkdtempSync(join(tmpdir(), 'durable-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function synchronous(db: ReturnType<typeof openDurableSqlite>): unknown {
  return db.prepare('PRAGMA synchronous').get()?.['synchronous'];
}

test('a relaxed transaction commits at synchronous=NORMAL and leaves the connection at FULL', () => {
  const db = openDurableSqlite(join(dir, 'relaxed.sqlite'));
  db.exec('CREATE TABLE t (v INTEGER)');
  assert.equal(synchronous(db), 2, 'FULL');
  const seen = relaxedTransaction(db, () => {
    db.prepare('INSERT INTO t (v) VALUES (1)').run();
    return synchronous(db);
  });
  assert.equal(seen, 1, 'NORMAL inside');
  assert.equal(synchronous(db), 2, 'FULL again');
  assert.throws(() =>
    relaxedTransaction(db, () => {
      db.prepare('INSERT INTO t (v) VALUES (2)').run();
      throw new Error('no');
    }),
  );
  assert.equal(synchronous(db), 2, 'FULL again after a rollback');
  assert.deepEqual(
    db
      .prepare('SELECT v FROM t')
      .all()
      .map((row) => row['v']),
    [1],
  );
  db.close();
});
