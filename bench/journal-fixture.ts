// A journal with `size` signed receipts, seeded through the journal's own schema (openJournalDatabase
// runs the app's migrations) in one transaction with one prepared statement, and cached under the temp
// dir. The cache key carries the schema version, so a new migration makes a new fixture. The journal's
// own trigger fills the line-text index of the search as the rows go in, as it does for every sale.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from '../src-main/emulator/seeded-random.ts';
import { MIGRATIONS } from '../src-main/journal/migrations.ts';
import { openJournalDatabase } from '../src-main/journal/open-journal-database.ts';
import { BENCH_CACHE_DIR } from './dep-fixture.ts';

// 3: schema 4 as finally released (its line index carries the total).
const FIXTURE_VERSION = 3;
const FIRST_CREATED_MS = Date.UTC(2023, 0, 2, 7, 0, 0);
const CREATED_SPACING_MS = 61_000;
export const BENCH_REGISTER_ID = '6f1c8a2e-3b7d-4c59-9e10-8a4b2c6d7e01';
export const BENCH_KASSEN_ID = 'BENCH-KASSE-1';

/** What a bakery-café till sells: (text, gross cents, VAT rate). */
const ARTICLES: ReadonlyArray<readonly [string, number, '20' | '10' | '13']> = [
  ['Melange', 420, '10'],
  ['Verlängerter', 380, '10'],
  ['Semmel', 55, '10'],
  ['Kornspitz', 95, '10'],
  ['Topfengolatsche', 290, '10'],
  ['Apfelstrudel', 450, '10'],
  ['Zeitung', 250, '10'],
  ['Mineralwasser 0,5 l', 290, '20'],
  ['Almdudler 0,35 l', 360, '20'],
  ['Blumenstrauß', 1490, '13'],
  ['Geschenkkarton', 390, '20'],
  ['Leberkässemmel', 450, '10'],
];

export interface JournalFixture {
  /** The cached journal; copy it before anything writes to it. */
  path: string;
  receipts: number;
  bytes: number;
  cached: boolean;
  seedSeconds: number;
  firstCreatedMs: number;
  lastCreatedMs: number;
  /** The totals (cents) that occur, for amount searches that find something. */
  sampleTotals: number[];
}

interface FixtureMeta {
  receipts: number;
  bytes: number;
  seedSeconds: number;
  sampleTotals: number[];
}

function netOf(gross: number, rate: '20' | '10' | '13'): number {
  const permille = rate === '20' ? 200 : rate === '10' ? 100 : 130;
  return Math.round((gross * 1000) / (1000 + permille));
}

/** One sale of 1 to 6 lines. */
function saleOf(next: () => number) {
  const count = 1 + Math.floor(next() * next() * 6);
  const lines = [];
  for (let line = 0; line < count; line++) {
    const article = ARTICLES[Math.floor(next() * ARTICLES.length)] ?? ARTICLES[0];
    if (article === undefined) throw new Error('no articles');
    const [text, unitPriceCents, vatRate] = article;
    const quantityMilli = 1000 * (1 + Math.floor(next() * next() * 4));
    lines.push({
      text,
      quantityMilli,
      unitPriceCents,
      amountCents: (unitPriceCents * quantityMilli) / 1000,
      vatRate,
    });
  }
  const byRate = new Map<'20' | '10' | '13', number>();
  for (const line of lines) byRate.set(line.vatRate, (byRate.get(line.vatRate) ?? 0) + line.amountCents);
  const totalsPerRate = [...byRate].map(([vatRate, grossCents]) => ({
    vatRate,
    grossCents,
    netCents: netOf(grossCents, vatRate),
    vatCents: grossCents - netOf(grossCents, vatRate),
  }));
  const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const cash = next() < 0.4;
  const given = cash ? Math.ceil(totalCents / 1000) * 1000 : totalCents;
  return {
    lines,
    totalsPerRate,
    totalCents,
    payments: [{ type: cash ? 'CASH' : 'NON_CASH', amountCents: given }],
    changeCents: given - totalCents,
  };
}

function euro(cents: number): string {
  return (cents / 100).toFixed(2);
}

async function seed(path: string, size: number, log: (message: string) => void): Promise<FixtureMeta> {
  const started = performance.now();
  const db = openJournalDatabase(path);
  // Seeding only: the app's own settings (WAL, synchronous=FULL) come back when the journal opens it.
  db.exec('PRAGMA journal_mode = DELETE');
  db.exec('PRAGMA synchronous = OFF');
  db.exec('PRAGMA cache_size = -1000000');
  const insert = db.prepare(
    `INSERT INTO receipts (id, register_id, kassen_id, environment, kind, origin, state, request_body, sale,
       total_cents, created_ms, response, signed, receipt_number, signed_at_ms, qr_code_data, hints, printed)
     VALUES (?, ?, ?, 'LIVE', ?, 'app', 'signed', ?, ?, ?, ?, ?, 1, ?, ?, ?, '[]', 1)`,
  );
  const sampleTotals = new Set<number>();
  const signature = 'x'.repeat(86);
  const next = seededRandom(size);
  db.exec('BEGIN');
  for (let index = 0; index < size; index++) {
    const id = randomUUID();
    const sale = saleOf(next);
    const createdMs = FIRST_CREATED_MS + index * CREATED_SPACING_MS;
    const receiptNumber = String(index + 1);
    const kind = index % 997 === 0 ? 'TRAINING' : 'NORMAL';
    const requestBody = JSON.stringify({
      receipt_type: kind,
      schema: {
        standard_v1: {
          amounts_per_vat_rate: sale.totalsPerRate.map((rate) => ({
            vat_rate: rate.vatRate,
            amount: euro(rate.grossCents),
          })),
          amounts_per_payment_type: [{ payment_type: sale.payments[0]?.type, amount: euro(sale.totalCents) }],
          line_items: sale.lines.map((line) => ({
            quantity: String(line.quantityMilli / 1000),
            text: line.text,
            price_per_unit: euro(line.unitPriceCents),
          })),
        },
      },
    });
    const qr = `_R1-AT1_${BENCH_KASSEN_ID}_${receiptNumber}_${new Date(createdMs).toISOString().slice(0, 19)}_${euro(sale.totalCents).replace('.', ',')}_0,00_0,00_0,00_0,00_AbCdEfGhIjA=_1a2b3c4d5e6f7a8b_QmVuY2hDaGFpbg=_${signature}`;
    const response = JSON.stringify({
      _id: id,
      _type: 'RECEIPT',
      _env: 'LIVE',
      signed: true,
      receipt_type: kind,
      receipt_number: index + 1,
      time_signature: Math.floor(createdMs / 1000) + 1,
      cash_register_id: BENCH_REGISTER_ID,
      cash_register_serial_number: BENCH_KASSEN_ID,
      signature_creation_unit_id: 'a3d1b6c0-7e2f-4f8a-9b3c-5d6e7f8a9b0c',
      qr_code_data: qr,
      schema: JSON.parse(requestBody).schema,
      metadata: {},
      hints: [],
    });
    insert.run(
      id,
      BENCH_REGISTER_ID,
      BENCH_KASSEN_ID,
      kind,
      requestBody,
      JSON.stringify(sale),
      sale.totalCents,
      createdMs,
      response,
      receiptNumber,
      createdMs + 900,
      qr,
    );
    if (index % 997 === 1) sampleTotals.add(sale.totalCents);
    if ((index + 1) % 250_000 === 0) log(`journal fixture: ${index + 1} of ${size} receipts`);
  }
  db.exec('COMMIT');
  db.exec('PRAGMA journal_mode = WAL');
  db.close();
  return {
    receipts: size,
    bytes: (await stat(path)).size,
    seedSeconds: (performance.now() - started) / 1000,
    sampleTotals: [...sampleTotals],
  };
}

export async function journalFixture(size: number, log: (message: string) => void): Promise<JournalFixture> {
  const schema = MIGRATIONS.at(-1)?.version ?? 0;
  const directory = join(BENCH_CACHE_DIR, `journal-v${FIXTURE_VERSION}-schema${schema}-${size}`);
  const path = join(directory, 'journal.sqlite');
  let cached = true;
  let meta: FixtureMeta;
  try {
    meta = JSON.parse(await readFile(join(directory, 'meta.json'), 'utf8')) as FixtureMeta;
  } catch {
    cached = false;
    // A journal of this size for an older schema or fixture version is 4 GB nobody will use again.
    for (const name of await readdir(BENCH_CACHE_DIR).catch(() => [])) {
      if (name.startsWith('journal-') && name.endsWith(`-${size}`)) {
        await rm(join(BENCH_CACHE_DIR, name), { recursive: true, force: true });
      }
    }
    log(`journal fixture: seeding ${size} receipts in ${directory} (once; cached afterwards)`);
    await rm(directory, { recursive: true, force: true });
    await mkdir(directory, { recursive: true });
    meta = await seed(path, size, log);
    // Written last: its presence marks a complete fixture.
    await writeFile(join(directory, 'meta.json'), JSON.stringify(meta));
  }
  return {
    path,
    receipts: meta.receipts,
    bytes: meta.bytes,
    cached,
    seedSeconds: meta.seedSeconds,
    firstCreatedMs: FIRST_CREATED_MS,
    lastCreatedMs: FIRST_CREATED_MS + (meta.receipts - 1) * CREATED_SPACING_MS,
    sampleTotals: meta.sampleTotals,
  };
}
