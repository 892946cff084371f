// Backups on their own: a journal that grows day by day, backed up into a folder, kept in generations,
// each checked; copies that fail their check or were damaged later are refused with a clear message.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { Archiver, type ArchiveTarget } from '../archive/archiver.ts';
import { createSignAtClient } from '../fiskaly/sign-at-client.ts';
import { checkJournalCopy } from '../journal/journal-copy-check.ts';
import { Journal } from '../journal/journal.ts';
import { newReceipt } from '../journal/new-receipt.test-support.ts';
import { CoreSettings } from '../settings/core-settings.ts';
import { memorySettingsStore } from '../settings/memory-settings-store.test-support.ts';
import { DEFAULT_PRINTER_SETTINGS } from '../../src-shared/printer-settings.ts';
import { listGenerations, verifyGeneration } from './backup-generations-on-disk.ts';
import { backupsFolderName, JOURNAL_COPY_FILE, SETTINGS_COPY_FILE } from './backup-manifest.ts';
import { Backups, type BackupsDeps } from './backups.ts';

const quiet = { info() {}, warn() {}, error() {} };
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

const DAY = 86_400_000;

function setUp(overrides: Partial<BackupsDeps> = {}, environment: ArchiveTarget['environment'] = 'TEST') {
  const dataDir = tempDir('kc-backup-data-');
  const usb = tempDir('kc-backup-usb-');
  const journal = Journal.open(join(dataDir, 'journal.sqlite'));
  const clock = { now: Date.parse('2026-09-01T10:00:00Z') };
  const target: ArchiveTarget = {
    // Never called: the archive stays empty here (the DEP copy has its own test in the app).
    client: createSignAtClient({ baseUrl: 'http://127.0.0.1:9/api/v1', apiKey: 'k', apiSecret: 's' }),
    registerId: 'reg-1',
    kassenId: 'K1',
    environment,
  };
  const settings = memorySettingsStore();
  const core = CoreSettings.parse({
    mode: 'live',
    company: { name: 'Greißlerei Gruber', address: 'Dorfplatz 2\n3500 Krems', vatId: 'ATU13585627' },
    credentials: {
      baseUrl: 'https://rksv.fiskaly.com/api/v1',
      apiKey: 'merchant-api-key',
      apiSecretSealed: 'SEALED-SECRET-BYTES',
      env: 'TEST',
    },
  });
  const archiver = new Archiver({ dataDir, settings, target: () => target, log: quiet });
  const backups = new Backups({
    journal,
    settings,
    core: () => core,
    printerSettings: () => DEFAULT_PRINTER_SETTINGS,
    archiver,
    target: () => target,
    log: quiet,
    now: () => clock.now,
    ...overrides,
  });
  const root = join(usb, backupsFolderName('K1'));
  return { journal, usb, root, clock, backups, close: () => journal.close() };
}

test('backup generations are made and checked: after 40 days, 7 daily and 4 weekly, each sound', async () => {
  const till = setUp({ checkCopy: async (path) => checkJournalCopy(path) });
  try {
    for (let day = 0; day < 40; day++) {
      till.journal.accept(newReceipt({ createdMs: till.clock.now }));
      await till.backups.runNow(day === 0 ? { targetDir: till.usb } : { reason: 'daily' });
      till.clock.now += DAY;
    }
    const status = till.backups.status();
    assert.equal(status.targetDir, till.usb);
    assert.equal(status.generations.length, 11);
    assert.deepEqual(
      status.generations.map((g) => g.kept),
      [...Array(7).fill('daily'), ...Array(4).fill('weekly')],
    );
    assert.equal(status.generations[0]?.receipts, 40, 'the newest holds every receipt');
    assert.equal(status.lastGoodReceipts, 40);
    assert.equal(status.lastError, null);
    assert.equal(readdirSync(till.root).length, 11, 'the older ones are gone, and no temporary folder stays');
    for (const generation of listGenerations(till.root)) {
      assert.deepEqual(await verifyGeneration(generation, async (p) => checkJournalCopy(p)), []);
    }
    const [newest] = listGenerations(till.root);
    assert.ok(newest?.manifest);
    assert.equal(newest.manifest.register?.kassenId, 'K1');
    const settingsText = readFileSync(join(newest.dir, SETTINGS_COPY_FILE), 'utf8');
    assert.match(settingsText, /Greißlerei Gruber/);
    assert.doesNotMatch(settingsText, /SEALED-SECRET-BYTES|merchant-api-key/, 'no secret, no key');
  } finally {
    till.close();
  }
});

test('a copy that fails its check is thrown away; the last good backup stays', async () => {
  let damaged = false;
  const till = setUp({
    checkCopy: async (path) => {
      const check = checkJournalCopy(path);
      return damaged ? { ...check, problems: ['SQLite meldet Schäden: page 3 is never used'] } : check;
    },
  });
  try {
    till.journal.accept(newReceipt());
    const good = await till.backups.runNow({ targetDir: till.usb });
    damaged = true;
    till.clock.now += DAY;
    await assert.rejects(till.backups.runNow(), (error: Error) => {
      assert.match(error.message, /Sicherung verworfen, die Kopie ist fehlerhaft: SQLite meldet Schäden/);
      return true;
    });
    const status = till.backups.status();
    assert.equal(status.lastGoodAt, good.lastGoodAt);
    assert.match(status.lastError ?? '', /verworfen/);
    assert.deepEqual(readdirSync(till.root), [good.generations[0]?.name], 'nothing of the bad copy is left');
  } finally {
    till.close();
  }
});

test('a copy with fewer receipts than the journal held is refused', async () => {
  const till = setUp({
    checkCopy: async (path) => ({ ...checkJournalCopy(path), receipts: 1 }),
  });
  try {
    till.journal.accept(newReceipt());
    till.journal.accept(newReceipt());
    await assert.rejects(till.backups.runNow({ targetDir: till.usb }), {
      message: 'Sicherung verworfen: die Kopie hat 1 Belege, das Journal bis dahin 2',
    });
    assert.equal(till.backups.status().lastGoodAt, null);
  } finally {
    till.close();
  }
});

test('a backup damaged afterwards is refused with a clear message', async () => {
  const till = setUp();
  try {
    for (let i = 0; i < 200; i++) till.journal.accept(newReceipt({ sale: { ...newReceipt().sale } }));
    await till.backups.runNow({ targetDir: till.usb });
    const [generation] = listGenerations(till.root);
    assert.ok(generation);
    const check = async (p: string) => checkJournalCopy(p);
    assert.deepEqual(await verifyGeneration(generation, check), []);
    const journalCopy = join(generation.dir, JOURNAL_COPY_FILE);
    // The page that roots the receipts table turns to garbage, as a failing stick may leave it.
    const schema = new DatabaseSync(journalCopy, { readOnly: true });
    const root = Number(
      schema.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'receipts'`).get()?.['rootpage'],
    );
    schema.close();
    const bytes = readFileSync(journalCopy);
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65_536 : bytes.readUInt16BE(16);
    bytes.fill(0x5a, (root - 1) * pageSize, root * pageSize);
    writeFileSync(journalCopy, bytes);
    assert.deepEqual(await verifyGeneration(generation, check), [
      'journal.sqlite ist verändert oder beschädigt (Prüfsumme stimmt nicht)',
    ]);
    // Damaged before its checksum was taken: SQLite's own check names it.
    const copy = checkJournalCopy(journalCopy);
    assert.equal(copy.problems.length, 1);
    assert.match(copy.problems[0] ?? '', /^(SQLite meldet Schäden|Die Journal-Kopie ist beschädigt)/);
  } finally {
    till.close();
  }
});

test('without a folder, or with one that is not there, nothing is written and the message says why', async () => {
  const till = setUp();
  try {
    await assert.rejects(till.backups.runNow(), {
      code: 'not_ready',
      message:
        'Noch kein Sicherungsordner gewählt: bitte einen Ordner auf dem USB-Stick oder im Netzwerk angeben.',
    });
    await assert.rejects(till.backups.runNow({ targetDir: join(till.usb, 'fehlt') }), {
      code: 'invalid_input',
      message: 'Diesen Ordner gibt es nicht. Ist der USB-Stick angesteckt?',
    });
    assert.equal(till.backups.status().targetDir, null, 'a folder that failed its check is not kept');
    assert.equal(existsSync(till.root), false);
  } finally {
    till.close();
  }
});

test('the till warns after 7 days without a good backup, never in the demo', async () => {
  const live = setUp();
  const demo = setUp({}, 'DEMO');
  try {
    for (const till of [live, demo]) {
      till.backups.status();
      till.clock.now += 7 * DAY - 1000;
    }
    assert.equal(live.backups.summary().overdue, false);
    live.clock.now += 2000;
    demo.clock.now += 2000;
    assert.equal(live.backups.summary().overdue, true);
    assert.equal(demo.backups.summary().overdue, false);
    await live.backups.runNow({ targetDir: live.usb });
    assert.deepEqual(live.backups.summary(), {
      lastGoodAt: new Date(live.clock.now).toISOString(),
      overdue: false,
    });
  } finally {
    live.close();
    demo.close();
  }
});
