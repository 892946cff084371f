// The DEP archive against the emulator: exports pulled, checked and stored with a SHA-256 manifest,
// continued without gap or overlap, tampering found, and copies that equal the originals byte for byte.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PosError } from '../../src-shared/pos-error.ts';
import { control } from '../emulator/emulator-client.test-support.ts';
import {
  verifyDep,
  type CryptoMaterialContainer,
} from '../emulator/independent-dep-verifier.test-support.ts';
import { startEmulator, type RunningEmulator } from '../emulator/sign-at-emulator.ts';
import { sha256Hex } from './archive-manifest.ts';
import { Archiver, OVERDUE_AFTER_MS } from './archiver.ts';
import { registeredTill, type RegisteredTill } from './registered-till.test-support.ts';

let emulator: RunningEmulator;
let clockMs = Date.parse('2026-03-10T09:00:00+01:00');

before(async () => {
  emulator = await startEmulator({ now: () => new Date(clockMs) });
});
after(() => emulator.close());

function archiverFor(setup: RegisteredTill, now: () => number = () => clockMs): Archiver {
  return new Archiver({
    dataDir: setup.till.dir,
    settings: setup.till.settings,
    target: () => setup.target,
    log: setup.till.log,
    now,
  });
}

async function sellSome(setup: RegisteredTill, amounts: string[]): Promise<void> {
  for (const amount of amounts) {
    clockMs += 60_000;
    await setup.sell(amount);
  }
}

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

test('archiving a register with sales: the export is verified and its SHA-256 is in the manifest', async (t) => {
  const setup = await registeredTill(emulator);
  t.after(() => setup.till.close());
  await sellSome(setup, ['3.80', '12.50', '0.90']);
  const archiver = archiverFor(setup);
  const status = await archiver.archiveNow();

  assert.equal(status.entries, 1);
  assert.equal(status.receipts, 4, 'start receipt and three sales');
  assert.equal(status.lastReceiptNumber, '4');
  assert.equal(status.verification?.ok, true, status.verification?.errors.join('\n'));
  assert.equal(status.lastError, null);
  assert.equal(status.nextDueAt, new Date(clockMs + 24 * 3600_000).toISOString());

  const [entry] = archiver.entries();
  assert.ok(entry);
  const bytes = readFileSync(join(archiver.archiveDir, entry.file));
  assert.equal(sha256Hex(bytes), entry.sha256, 'the manifest names the exact bytes');
  assert.equal(bytes.length, entry.bytes);

  // The stored record passes a verifier that shares no code with the app, counter included.
  const material = (
    await control(emulator, 'GET', `/cash-register/${setup.target.registerId}/crypto-material`)
  ).body as unknown as CryptoMaterialContainer;
  const report = verifyDep(JSON.parse(bytes.toString('utf8')), material);
  assert.deepEqual(report.errors, []);
  assert.equal(report.receipts.length, 4);
});

test('the next export continues after the last archived receipt, across a monthly close', async (t) => {
  const setup = await registeredTill(emulator);
  t.after(() => setup.till.close());
  const archiver = archiverFor(setup);
  await sellSome(setup, ['1.00', '2.00']);
  await archiver.archiveNow();
  clockMs = Date.parse('2026-04-01T08:00:00+02:00');
  await sellSome(setup, ['5.00']);
  const nothingNew = archiver.entries().length;
  assert.equal(nothingNew, 1);

  const status = await archiver.archiveNow();
  const entries = archiver.entries();
  assert.equal(entries.length, 2);
  assert.equal(entries[1]?.firstReceiptNumber, (entries[0]?.lastReceiptNumber ?? 0) + 1);
  assert.equal(entries[1]?.receipts, 2, 'the monthly receipt and the sale');
  assert.equal(status.verification?.ok, true, status.verification?.errors.join('\n'));

  // Nothing new: no empty file, the check still runs.
  const again = await archiver.archiveNow({ fullCheck: true });
  assert.equal(again.entries, 2);
  assert.equal(again.verification?.ok, true, again.verification?.errors.join('\n'));
  assert.equal(again.verification?.receipts, 5, 'the full check verified every stored receipt again');
});

test('tampering with a stored export, the manifest or its length is detected on re-verify', async (t) => {
  const setup = await registeredTill(emulator);
  t.after(() => setup.till.close());
  const archiver = archiverFor(setup);
  await sellSome(setup, ['4.20']);
  await archiver.archiveNow();
  await sellSome(setup, ['7.00']);
  await archiver.archiveNow();
  assert.equal((await archiver.verifyLocal(true)).ok, true);

  const [first] = archiver.entries();
  assert.ok(first);
  const path = join(archiver.archiveDir, first.file);
  const original = readFileSync(path);
  chmodSync(path, 0o644);
  // One changed amount digit in the sale's JWS payload, the way a manipulated record would look.
  const text = original.toString('utf8');
  const jws = (JSON.parse(text) as { 'Belege-Gruppe': Array<{ 'Belege-kompakt': string[] }> })[
    'Belege-Gruppe'
  ][0]?.['Belege-kompakt'][1];
  assert.ok(jws);
  const [header, payload, signature] = jws.split('.');
  const forged = Buffer.from(
    Buffer.from(payload ?? '', 'base64url')
      .toString('utf8')
      .replace('4,20', '0,20'),
  ).toString('base64url');
  writeFileSync(path, text.replace(jws, `${header}.${forged}.${signature}`));
  const found = await archiver.verifyLocal(true);
  assert.equal(found.ok, false);
  assert.ok(
    found.errors.some((e) => e.includes(first.file) && e.includes('verändert')),
    found.errors.join('\n'),
  );
  assert.ok(
    found.errors.some((e) => e.includes('Signatur ungültig')),
    'the full check names the broken signature',
  );
  await assert.rejects(archiver.copyTo(tempDir('kc-usb-')), /nicht fehlerfrei/);
  writeFileSync(path, original);
  assert.equal((await archiver.verifyLocal(false)).ok, true);

  const manifestPath = join(archiver.archiveDir, 'manifest.jsonl');
  const manifest = readFileSync(manifestPath, 'utf8');
  writeFileSync(
    manifestPath,
    manifest.replace(`"receipts":${first.receipts}`, `"receipts":${first.receipts + 1}`),
  );
  const edited = await archiver.verifyLocal(false);
  assert.ok(
    edited.errors.some((e) => /Verkettung|gekürzt/.test(e)),
    edited.errors.join('\n'),
  );

  writeFileSync(manifestPath, `${manifest.split('\n')[0]}\n`);
  const cut = await archiver.verifyLocal(false);
  assert.ok(
    cut.errors.some((e) => e.includes('gekürzt oder ersetzt')),
    cut.errors.join('\n'),
  );
  writeFileSync(manifestPath, manifest);
  assert.equal((await archiver.verifyLocal(true)).ok, true);
});

test('a copy to the merchant’s folder reproduces every file byte for byte; bad targets are refused', async (t) => {
  const setup = await registeredTill(emulator);
  const usb = tempDir('kc-usb-');
  t.after(() => {
    setup.till.close();
    rmSync(usb, { recursive: true, force: true });
  });
  const archiver = archiverFor(setup);
  await assert.rejects(archiver.copyTo(usb), /noch leer/);
  await sellSome(setup, ['9.99']);
  await archiver.archiveNow();
  await sellSome(setup, ['1.11']);
  await archiver.archiveNow();

  const result = await archiver.copyTo(usb);
  assert.equal(result.verified, true);
  assert.equal(result.files, 3, 'two exports and the manifest');
  const copied = result.copiedTo;
  for (const entry of archiver.entries()) {
    assert.deepEqual(
      readFileSync(join(copied, entry.file)),
      readFileSync(join(archiver.archiveDir, entry.file)),
    );
  }
  assert.deepEqual(
    readFileSync(join(copied, 'manifest.jsonl')),
    readFileSync(join(archiver.archiveDir, 'manifest.jsonl')),
  );
  assert.equal(archiver.status().lastCopy?.files, 3);

  // Later copies add what is new and keep what is there.
  await sellSome(setup, ['2.22']);
  await archiver.archiveNow();
  const second = await archiver.copyTo(usb);
  assert.equal(second.copiedTo, copied);
  assert.equal(readdirSync(join(copied, 'dep7')).length, 3);

  const refused = async (targetDir: string, pattern: RegExp) =>
    assert.rejects(
      archiver.copyTo(targetDir),
      (error: unknown) =>
        error instanceof PosError && error.field === 'targetDir' && pattern.test(error.message),
    );
  await refused('relative/folder', /vollständigen Pfad/);
  await refused(`${usb}/../${usb.split('/').pop() ?? ''}`, /„\.\.“/);
  await refused(join(usb, 'gibt-es-nicht'), /gibt es nicht/);
  writeFileSync(join(usb, 'datei.txt'), 'x');
  await refused(join(usb, 'datei.txt'), /kein Ordner/);
  await refused(join(archiver.archiveDir, 'dep7'), /im Archiv selbst/);
  const locked = join(usb, 'schreibgeschuetzt');
  mkdirSync(locked, { mode: 0o555 });
  if (process.getuid?.() !== 0) await refused(locked, /schreibgeschützt/);

  // A different archive in the same folder is never overwritten.
  const other = tempDir('kc-usb-other-');
  t.after(() => rmSync(other, { recursive: true, force: true }));
  const folder = join(other, copied.split('/').pop() ?? '');
  mkdirSync(folder);
  writeFileSync(join(folder, 'manifest.jsonl'), '{"fremd":true}\n');
  await assert.rejects(archiver.copyTo(other), /anderen Archiv/);
});

test('signatures missing during an outage are noted; the Sammelbeleg closes it and the archive verifies', async (t) => {
  const setup = await registeredTill(emulator);
  t.after(() => {
    setup.till.close();
    emulator.setFaults({ scu_outage: false });
  });
  await sellSome(setup, ['3.00']);
  emulator.setFaults({ scu_outage: true });
  await sellSome(setup, ['4.00', '5.00']);
  emulator.setFaults({ scu_outage: false });
  await sellSome(setup, ['6.00']);
  const status = await archiverFor(setup).archiveNow();
  assert.equal(status.verification?.ok, true, status.verification?.errors.join('\n'));
  assert.ok(
    status.verification?.notes.some((n) => n.includes('2 Beleg(e) mit „Sicherheitseinrichtung ausgefallen“')),
  );
  assert.equal(status.receipts, 6, 'start, sale, two failed, Sammelbeleg, sale');
});

test('without a successful export for a month the archive is overdue; an unreachable SIGN AT is reported', async (t) => {
  const setup = await registeredTill(emulator);
  t.after(() => setup.till.close());
  let now = clockMs;
  const archiver = archiverFor(setup, () => now);
  assert.equal(archiver.status().overdue, false);
  await archiver.archiveNow();
  now += OVERDUE_AFTER_MS + 60_000;
  assert.equal(archiver.status().overdue, true);
  emulator.setFaults({ error_rate: 1 });
  t.after(() => emulator.setFaults({ error_rate: 0 }));
  await assert.rejects(
    archiver.archiveNow(),
    (error: unknown) => error instanceof PosError && error.code === 'unavailable',
  );
  const status = archiver.status();
  assert.match(status.lastError ?? '', /Sicherung nicht möglich/);
  assert.equal(status.entries, 1, 'the archive is unchanged');
  assert.equal(status.overdue, true);
});

test('closing the app stops a run under way: nothing is stored, and it is no failure in the status', async (t) => {
  const setup = await registeredTill(emulator);
  t.after(() => setup.till.close());
  await sellSome(setup, ['4.20']);
  const archiver = archiverFor(setup);
  const run = archiver.archiveNow({ fullCheck: true });
  const closed = archiver.close();
  await assert.rejects(run, (error: unknown) => error instanceof PosError && error.code === 'unavailable');
  await closed;
  const status = archiver.status();
  assert.equal(status.entries, 0, 'nothing half-stored');
  assert.equal(status.lastError, null, 'the next start does not report a failed backup');
  assert.equal(status.running, false);
});
