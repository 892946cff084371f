// Every way the service can fail to start, as the merchant meets it: the process ends with a message on
// stderr that names the cause and the next step, the log file has the line, and the journal with its
// receipt is exactly as it was.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { JOURNAL_FILE } from '../app.ts';
import { Journal } from '../journal/journal.ts';
import { newReceipt } from '../journal/new-receipt.test-support.ts';
import { MIGRATIONS } from '../journal/migrations.ts';
import { killed, lockHolderProcess } from '../shell/lock-holder.test-support.ts';
import { LOG_DIR, LOG_FILE_NAME } from '../shell/log-file.ts';
import {
  killServeRuns,
  mountNamespaceUnavailable,
  serve,
  serveInMountNamespace,
  type ServeRun,
} from './serve-process.test-support.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-startfail-'));
after(() => {
  killServeRuns();
  rmSync(root, { recursive: true, force: true });
});

/** A data folder whose journal holds one sale, as a till that ran before leaves it. */
function dataDirWithOneSale(name: string): { dataDir: string; receiptId: string } {
  const dataDir = join(root, name);
  mkdirSync(dataDir, { recursive: true });
  const journal = Journal.open(join(dataDir, JOURNAL_FILE));
  const receipt = newReceipt();
  journal.accept(receipt);
  journal.close();
  return { dataDir, receiptId: receipt.id };
}

function fingerprint(journalPath: string): string {
  return createHash('sha256').update(readFileSync(journalPath)).digest('hex');
}

/** The sale is still there, read without any of the app's code that could change the file. */
function saleStillThere(journalPath: string, receiptId: string): void {
  const db = new DatabaseSync(journalPath, { readOnly: true });
  try {
    assert.ok(
      db.prepare('SELECT 1 FROM receipts WHERE id = ?').get(receiptId),
      'the sale is still journaled',
    );
  } finally {
    db.close();
  }
}

function logLines(dataDir: string): string {
  const path = join(dataDir, LOG_DIR, LOG_FILE_NAME);
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

async function failed(run: ServeRun): Promise<string> {
  assert.equal(await run.exit, 1, `the start fails with exit code 1:\n${run.output()}`);
  return run.stderr();
}

test('the data folder in use by another running app: refused, with what to do, and nothing written', async () => {
  const { dataDir, receiptId } = dataDirWithOneSale('locked');
  const journal = join(dataDir, JOURNAL_FILE);
  const before = fingerprint(journal);
  const other = await lockHolderProcess(dataDir);
  try {
    const stderr = await failed(serve(['--port', '0', '--data-dir', dataDir]));
    assert.match(stderr, /Kassen-Companion läuft schon: Der Datenordner .* wird schon von einer laufenden/);
    assert.match(stderr, /Im schon laufenden Programm weiterarbeiten, oder es beenden und dann neu starten/);
    assert.match(logLines(dataDir), /ERROR Start fehlgeschlagen: Kassen-Companion läuft schon/);
    assert.equal(existsSync(join(dataDir, 'config.json')), false, 'the refused app wrote no settings');
  } finally {
    await killed(other, 'SIGKILL');
  }
  assert.equal(fingerprint(journal), before);
  saleStillThere(journal, receiptId);
});

test('a journal from a newer version: refused in the chosen language, the journal untouched', async () => {
  const { dataDir, receiptId } = dataDirWithOneSale('newer');
  const journal = join(dataDir, JOURNAL_FILE);
  const newest = MIGRATIONS.at(-1)?.version ?? 0;
  const db = new DatabaseSync(journal);
  db.exec(`PRAGMA user_version = ${newest + 1}`);
  db.close();
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ core: { language: 'en' } }));
  const before = fingerprint(journal);

  const stderr = await failed(serve(['--port', '0', '--data-dir', dataDir]));
  assert.match(stderr, /Journal of a newer version: The journal in the data folder .* newer version/);
  assert.match(stderr, new RegExp(`schema ${newest + 1}; this version knows up to ${newest}`));
  assert.match(stderr, /Install the latest version of Kassen-Companion.*Nothing in the journal/);
  // The log file stays German, as every log line does.
  assert.match(logLines(dataDir), /Start fehlgeschlagen: Journal einer neueren Version/);
  assert.equal(fingerprint(journal), before);
  saleStillThere(journal, receiptId);
});

test('a port taken with --port: refused, naming the port and the flag that picks another', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as AddressInfo).port;
  const { dataDir, receiptId } = dataDirWithOneSale('port');
  try {
    const stderr = await failed(serve(['--port', String(port), '--data-dir', dataDir]));
    assert.match(stderr, new RegExp(`Port belegt: Port ${port} auf 127.0.0.1 ist schon`));
    assert.match(stderr, /Mit --port einen anderen Port wählen \(--port 0 wählt einen freien\)/);
    assert.match(logLines(dataDir), /Start fehlgeschlagen: Port belegt/);
  } finally {
    blocker.close();
  }
  // The journal was opened (and closed again) before the port: the sale is as it was.
  saleStillThere(join(dataDir, JOURNAL_FILE), receiptId);
});

const noNamespace = mountNamespaceUnavailable();

test(
  'a read-only data folder: refused with the cause and what to check; the log goes to the temp folder',
  { skip: noNamespace ?? false },
  async () => {
    const { dataDir, receiptId } = dataDirWithOneSale('readonly');
    const journal = join(dataDir, JOURNAL_FILE);
    const before = fingerprint(journal);
    // The folder itself, mounted read-only over itself inside a namespace of the service's own.
    const run = serveInMountNamespace(
      `mount --bind "${dataDir}" "${dataDir}"\nmount -o remount,ro,bind "${dataDir}"`,
      ['--port', '0', '--data-dir', dataDir],
    );
    const stderr = await failed(run);
    assert.match(
      stderr,
      /Datenordner nicht beschreibbar: In den Datenordner .* kann nicht geschrieben werden \(EROFS\)/,
    );
    assert.match(
      stderr,
      /Schreibrechte des Ordners prüfen.*Am Journal und an der Kasse wurde nichts verändert/,
    );
    const logPath = /Protokoll: (.+)/.exec(stderr)?.[1] ?? '';
    assert.equal(logPath, join(tmpdir(), LOG_FILE_NAME), 'the data folder could not take the log');
    assert.match(
      readFileSync(logPath, 'utf8'),
      new RegExp(`Start fehlgeschlagen: Datenordner nicht beschreibbar.*${dataDir}`),
    );
    assert.equal(fingerprint(journal), before);
    saleStillThere(journal, receiptId);
  },
);

test(
  'a full disk: refused with the cause and what to do, the journal untouched',
  { skip: noNamespace ?? false },
  async () => {
    const { dataDir: prepared, receiptId } = dataDirWithOneSale('full-source');
    const mount = join(root, 'full-disk');
    const out = join(root, 'full-out');
    mkdirSync(mount);
    mkdirSync(out);
    const dataDir = join(mount, 'data');
    const run = serveInMountNamespace(
      // A small disk of its own holding the data folder, then filled to the last byte.
      `mount -t tmpfs -o size=4m tmpfs "${mount}"\ncp -a "${prepared}" "${dataDir}"\n` +
        `dd if=/dev/zero of="${mount}/filler" bs=64k 2>/dev/null || true`,
      ['--port', '0', '--data-dir', dataDir],
      // The tmpfs goes with the namespace: what the service left is copied out first.
      `cp "${dataDir}/${JOURNAL_FILE}" "${out}/"`,
    );
    const stderr = await failed(run);
    assert.match(stderr, /Datenträger voll: Auf dem Laufwerk des Datenordners .* ist kein Platz mehr/);
    assert.match(
      stderr,
      /Platz schaffen .* und dann neu starten\. Am Journal und an der Kasse wurde nichts verändert/,
    );
    const logPath = /Protokoll: (.+)/.exec(stderr)?.[1] ?? '';
    assert.equal(logPath, join(tmpdir(), LOG_FILE_NAME), 'the full disk could not take the log');
    assert.match(
      readFileSync(logPath, 'utf8'),
      new RegExp(`Start fehlgeschlagen: Datenträger voll.*${dataDir}`),
    );
    assert.equal(fingerprint(join(out, JOURNAL_FILE)), fingerprint(join(prepared, JOURNAL_FILE)));
    saleStillThere(join(out, JOURNAL_FILE), receiptId);
  },
);
