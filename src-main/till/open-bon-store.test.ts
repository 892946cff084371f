// The open Bon in the data folder: kept per register, back after a restart, dropped once its sale is in
// the journal or when it is emptied, and an unreadable one (an older version's) dropped with a log line.
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { OpenBon } from '../../src-shared/open-bon.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Logger } from '../host/app-host.ts';
import { OPEN_BON_DIR, OpenBonStore } from './open-bon-store.ts';

const REGISTER = '5b0c7a7e-6f43-4c1e-9d7a-2f4f6e0b8a11';
const OTHER_REGISTER = '0e9d4c3b-2a1f-4e5d-8c7b-6a5f4e3d2c1b';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function setUp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'open-bon-'));
  dirs.push(dataDir);
  const warnings: { message: string; fields: Record<string, unknown> | undefined }[] = [];
  const log: Logger = {
    info() {},
    error() {},
    warn: (message, fields) => warnings.push({ message, fields }),
  };
  const journal = new Set<string>();
  const register: { id: string | null } = { id: REGISTER };
  const open = () =>
    new OpenBonStore({ dataDir, registerId: () => register.id, journaled: (id) => journal.has(id), log });
  const file = (registerId = REGISTER) => join(dataDir, OPEN_BON_DIR, `${registerId}.json`);
  return { dataDir, warnings, journal, register, open, file };
}

const bon = (overrides: Partial<OpenBon> = {}): OpenBon =>
  OpenBon.parse({
    id: 'a3c1e2d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    lines: [
      {
        text: 'Kaffee Melange',
        quantity: '2',
        unitPrice: '3.80',
        vatRate: '20',
        discount: { percent: '10' },
      },
      { text: 'Kipferl', quantity: '3', unitPrice: '1.20', vatRate: '10' },
    ],
    discount: { amount: '1.00', text: 'Stammkunde' },
    payments: [{ type: 'NON_CASH', amount: '5.00' }],
    ...overrides,
  });

test('a Bon kept is read back as it was, also by the app started again on the same folder', () => {
  const { open, file, dataDir } = setUp();
  assert.equal(open().read(), null, 'nothing kept yet');
  assert.deepEqual(open().keep(bon()), bon());
  assert.ok(existsSync(file()), 'in the data folder, under the register');
  assert.deepEqual(open().read(), bon(), 'a new store (a restart) reads it');
  const changed = bon({ lines: bon().lines.slice(1) });
  open().keep(changed);
  assert.deepEqual(open().read(), changed, 'every change replaces the one kept before');
  assert.deepEqual(readdirSync(join(dataDir, OPEN_BON_DIR)), [`${REGISTER}.json`], 'no temporary file left');
});

test('an emptied Bon (the last line removed, or voided) leaves nothing kept', () => {
  const { open, file } = setUp();
  open().keep(bon());
  assert.equal(open().keep(bon({ lines: [], payments: [], discount: undefined })), null);
  assert.equal(existsSync(file()), false);
  assert.equal(open().read(), null);
});

test('once its sale is in the journal (paid), the Bon is open no more', () => {
  const { open, journal, file } = setUp();
  open().keep(bon());
  journal.add(bon().id);
  open().dropPaid();
  assert.equal(existsSync(file()), false, 'dropped when the sale was journaled');
  assert.equal(open().read(), null);
  assert.equal(open().keep(bon()), null, 'a change that arrives after paying keeps nothing');
  assert.equal(existsSync(file()), false);
});

test('a sale journaled from elsewhere (the POS API) leaves the till’s Bon alone', () => {
  const { open, journal } = setUp();
  open().keep(bon());
  journal.add('7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6');
  open().dropPaid();
  assert.deepEqual(open().read(), bon());
});

test('each register has its own Bon', () => {
  const { open, register } = setUp();
  open().keep(bon());
  register.id = OTHER_REGISTER;
  assert.equal(open().read(), null, 'a new register starts empty');
  const other = bon({ id: 'c0ffee00-1234-4567-89ab-cdef01234567' });
  open().keep(other);
  register.id = REGISTER;
  assert.deepEqual(open().read(), bon());
});

test('before a register is set up nothing is read and keeping says why', () => {
  const { open, register } = setUp();
  register.id = null;
  assert.equal(open().read(), null);
  assert.throws(
    () => open().keep(bon()),
    (error: unknown) =>
      error instanceof PosError &&
      error.code === 'register_not_set_up' &&
      error.message.includes('nicht eingerichtet'),
  );
});

test('a Bon an older version kept that no longer reads is dropped with a log line, the till starts empty', () => {
  for (const stored of [
    // A line as an older version may have kept it: the price in cents instead of a decimal string.
    JSON.stringify({
      id: bon().id,
      lines: [{ text: 'Semmel', quantity: '1', priceCents: 45 }],
      payments: [],
    }),
    '{"id": "a3c1e2d4-5f60-4a7b-8c9d-0e1f2a', // cut off
  ]) {
    const { open, file, warnings, dataDir } = setUp();
    mkdirSync(join(dataDir, OPEN_BON_DIR), { recursive: true });
    writeFileSync(file(), stored);
    assert.equal(open().read(), null);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]?.message ?? '', /Offener Bon .* nicht lesbar .* verworfen/);
    assert.match(String(warnings[0]?.fields?.['problem']), /^(Position 1, Preis: )?Ungültige Eingabe/);
    assert.equal(existsSync(file()), false, 'dropped, so the next start is quiet');
    open().keep(bon());
    assert.deepEqual(JSON.parse(readFileSync(file(), 'utf8')), bon(), 'the next Bon is kept as usual');
  }
});
