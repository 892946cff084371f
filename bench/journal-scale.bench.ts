// Issue 6, part 3: the journal of a till after years of use. 1.5 M receipts are seeded through the
// journal's own schema (cached), then: searches as the journal screen sends them, through createApp's
// searchJournal handler with the contract's input parsing (p99 goal 50 ms), and app start-up to the
// first screen's data (status and recent receipts) in a fresh process (goal 1 s): once bundled into one
// file as `vite build --mode electron` bundles the Electron main, once from the .ts sources as the
// headless shell (`npm run serve`) runs. And once, the first start after an update whose migration
// indexes the line texts of every journaled receipt (schema 3 → 4): a one-time cost, reported apart.
import { spawn } from 'node:child_process';
import { symlink, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JournalQuery } from '../src-shared/journal-query.ts';
import { createApp, JOURNAL_FILE } from '../src-main/app.ts';
import { createDataFolderHost } from '../src-main/host/data-folder-host.ts';
import type { Logger } from '../src-main/host/app-host.ts';
import { CoreSettingsStore } from '../src-main/settings/core-settings-store.ts';
import { DEMO_COMPANY } from '../src-main/onboarding/demo-company.ts';
import { MIGRATIONS } from '../src-main/journal/migrations.ts';
import { numberFlag, type BenchContext, type BenchReport, type Benchmark, type Figure } from './benchmark.ts';
import {
  BENCH_KASSEN_ID,
  BENCH_REGISTER_ID,
  journalFixture,
  type JournalFixture,
} from './journal-fixture.ts';
import { copyOnDisk, journalFixtureAtSchema3 } from './journal-fixture-at-schema-3.ts';
import { migration4Figures, timeMigration4 } from './migration-4-timing.ts';
import { distribution, median, medianOfRuns, type Distribution } from './stats.ts';

const PROBE = fileURLToPath(new URL('./app-start-probe.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const DAY_MS = 86_400_000;
const silent: Logger = { info() {}, warn() {}, error() {} };
const LATEST_SCHEMA = MIGRATIONS.at(-1)?.version ?? 0;

interface SearchKind {
  label: string;
  /** Queries per run; a full scan gets few. */
  count: number;
  query(next: () => number): Record<string, unknown>;
}

function searchKinds(fixture: JournalFixture, quick: boolean): SearchKind[] {
  const many = quick ? 20 : 100;
  const span = fixture.lastCreatedMs - fixture.firstCreatedMs;
  const pick = <T>(list: readonly T[], next: () => number): T => list[Math.floor(next() * list.length)] as T;
  const iso = (ms: number) => new Date(ms).toISOString();
  return [
    {
      label: 'by receipt number',
      count: many,
      query: (next) => ({ query: String(1 + Math.floor(next() * fixture.receipts)) }),
    },
    {
      label: 'by date, one day',
      count: many,
      query: (next) => {
        const from = fixture.firstCreatedMs + Math.floor(next() * (span - DAY_MS));
        return { from: iso(from), to: iso(from + DAY_MS) };
      },
    },
    {
      label: 'by date, 30 days',
      count: many,
      query: (next) => {
        const from = fixture.firstCreatedMs + Math.floor(next() * (span - 30 * DAY_MS));
        return { from: iso(from), to: iso(from + 30 * DAY_MS) };
      },
    },
    {
      label: 'by exact amount',
      count: many,
      query: (next) => {
        const cents = pick(fixture.sampleTotals, next);
        return { minCents: cents, maxCents: cents };
      },
    },
    {
      label: 'by amount, 5 € range',
      count: many,
      query: (next) => {
        const cents = pick(fixture.sampleTotals, next);
        return { minCents: cents, maxCents: cents + 500 };
      },
    },
    {
      label: 'by amount + one day',
      count: many,
      query: (next) => {
        const from = fixture.firstCreatedMs + Math.floor(next() * (span - DAY_MS));
        const cents = pick(fixture.sampleTotals, next);
        return { from: iso(from), to: iso(from + DAY_MS), minCents: cents, maxCents: cents + 500 };
      },
    },
    {
      label: 'by amount, 0–1000 € range',
      count: many,
      query: () => ({ minCents: 0, maxCents: 100_000 }),
    },
    {
      label: 'by amount, 5 € range, from a cursor',
      count: many,
      query: (next) => {
        const cents = pick(fixture.sampleTotals, next);
        // Paging on from somewhere in the journal's history.
        const cursorMs = fixture.firstCreatedMs + Math.floor(next() * span);
        return { minCents: cents, maxCents: cents + 500, cursor: `${cursorMs}.${Number.MAX_SAFE_INTEGER}` };
      },
    },
    { label: 'by line text, common', count: many, query: () => ({ query: 'Melange' }) },
    { label: 'by line text, substring', count: many, query: () => ({ query: 'KÄS' }) },
    { label: 'by line text, one letter', count: many, query: () => ({ query: 'e' }) },
    {
      label: 'by line text + amount',
      count: many,
      query: (next) => {
        const cents = pick(fixture.sampleTotals, next);
        return { query: 'mela', minCents: cents, maxCents: cents + 500 };
      },
    },
    { label: 'by line text, no match', count: quick ? 2 : 5, query: () => ({ query: 'Kaiserschmarrn' }) },
  ];
}

/** A data dir whose journal is the cached fixture (read only here: nothing in these steps writes). */
async function dataDirWith(fixture: JournalFixture | null): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kassen-bench-journal-'));
  if (fixture !== null) await symlink(fixture.path, join(dataDir, JOURNAL_FILE));
  // A configured till in live mode whose SIGN AT does not answer: start-up never waits for the network.
  const host = createDataFolderHost(dataDir, silent);
  new CoreSettingsStore(host.settings).update({
    mode: 'live',
    company: DEMO_COMPANY,
    credentials: {
      baseUrl: 'http://127.0.0.1:9/api/v1',
      apiKey: 'bench-offline',
      apiSecretSealed: host.secrets.encrypt('bench-offline-secret'),
      env: 'TEST',
    },
    register: {
      environment: 'TEST',
      scuId: 'a3d1b6c0-7e2f-4f8a-9b3c-5d6e7f8a9b0c',
      registerId: BENCH_REGISTER_ID,
      kassenId: BENCH_KASSEN_ID,
      description: 'Kasse 1 (Bench)',
    },
  });
  return dataDir;
}

interface ProbeResult {
  bootMs: number;
  importMs: number;
  createAppMs: number;
  firstDataMs: number;
  readyMs: number;
  /** Spawn to the answer, measured by this process. */
  spawnToReadyMs: number;
}

/** The probe bundled with its whole import graph, Node built-ins external, as the Electron main is. */
async function bundleProbe(outDir: string): Promise<string> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: REPO_ROOT,
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      ssr: PROBE,
      rolldownOptions: {
        external: [/^node:/],
        output: { format: 'esm', entryFileNames: 'app-start-probe.mjs' },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  return join(outDir, 'app-start-probe.mjs');
}

async function probeStart(probe: string, dataDir: string): Promise<ProbeResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [probe, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const spawnToReadyMs = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (output.includes('\n')) resolve(performance.now() - started);
    });
    child.once('exit', (code) => {
      if (!output.includes('\n')) reject(new Error(`start-up probe exited with ${code}`));
    });
  });
  await new Promise((resolve) => child.once('exit', resolve));
  const parsed = JSON.parse(output.split('\n')[0] ?? '') as Omit<ProbeResult, 'spawnToReadyMs'>;
  return { ...parsed, spawnToReadyMs };
}

export const benchmark: Benchmark = {
  name: 'journal-scale',
  title: 'Journal at scale',
  async run(context: BenchContext): Promise<BenchReport> {
    const size = numberFlag(context, 'journal-size', context.quick ? 50_000 : 1_500_000);
    const runs = numberFlag(context, 'journal-runs', context.quick ? 1 : 3);
    const fixture = await journalFixture(size, context.log);
    context.log(
      `journal: ${fixture.receipts} receipts, ${(fixture.bytes / 2 ** 30).toFixed(2)} GiB, ${fixture.cached ? 'cached' : 'seeded'} (seeding took ${fixture.seedSeconds.toFixed(0)} s)`,
    );
    const schema3 = await journalFixtureAtSchema3(fixture, context.log);
    const figures: Figure[] = [];
    const raw: Record<string, unknown> = { receipts: fixture.receipts, bytes: fixture.bytes };

    // Start-up first, before this process's searches have warmed anything more than a restart would.
    const startRuns = context.quick ? 2 : 5;
    const bundleDir = await mkdtemp(join(tmpdir(), 'kassen-bench-probe-'));
    const startUps: Record<string, ProbeResult[]> = {};
    try {
      const probes = { bundled: await bundleProbe(bundleDir), sources: PROBE };
      for (const [journalName, journal] of [
        ['full', fixture],
        ['empty', null],
      ] as const) {
        const dataDir = await dataDirWith(journal);
        try {
          for (const [probeName, probe] of Object.entries(probes)) {
            await probeStart(probe, dataDir); // warm-up: the OS file cache, the journal's pages
            const results: ProbeResult[] = [];
            for (let run = 0; run < startRuns; run++) results.push(await probeStart(probe, dataDir));
            startUps[`${probeName}, ${journalName} journal`] = results;
            context.log(
              `start-up ${probeName}, ${journalName} journal: ${median(results.map((result) => result.spawnToReadyMs)).toFixed(0)} ms spawn to first screen data (createApp + data ${median(results.map((result) => result.createAppMs + result.firstDataMs)).toFixed(0)} ms)`,
            );
          }
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      }
      const updateDir = await dataDirWith(null);
      try {
        await copyOnDisk(schema3, join(updateDir, JOURNAL_FILE));
        const first = await probeStart(probes.bundled, updateDir);
        const second = await probeStart(probes.bundled, updateDir);
        startUps['bundled, first start after the update'] = [first];
        startUps['bundled, second start after the update'] = [second];
        context.log(
          `start-up bundled, first after the update (migrations 3 → ${LATEST_SCHEMA}): ${first.spawnToReadyMs.toFixed(0)} ms; the next: ${second.spawnToReadyMs.toFixed(0)} ms`,
        );
      } finally {
        await rm(updateDir, { recursive: true, force: true });
      }
    } finally {
      await rm(bundleDir, { recursive: true, force: true });
    }
    const spawnToReady = (name: string) =>
      median((startUps[name] ?? []).map((result) => result.spawnToReadyMs));
    const appPart = (name: string) =>
      median((startUps[name] ?? []).map((result) => result.createAppMs + result.firstDataMs));
    figures.push(
      {
        label: 'start-up to first screen data, bundled',
        value: spawnToReady('bundled, full journal'),
        unit: 'ms',
        goal: { op: '<', value: 1000 },
        detail:
          'fresh Node process on the bundled core (as the Electron main): createApp, status + 20 recent receipts',
      },
      {
        label: 'start-up to first screen data, .ts sources',
        value: spawnToReady('sources, full journal'),
        unit: 'ms',
        goal: { op: '<', value: 1000 },
        detail: 'the same from the .ts sources with type stripping, as `npm run serve` runs',
      },
      {
        label: 'of which createApp + first data',
        value: appPart('bundled, full journal'),
        unit: 'ms',
        detail: 'journal open, settings, status, recent receipts (bundled run)',
      },
      {
        label: `first start-up after the update (migrations 3 → ${LATEST_SCHEMA}), bundled`,
        value: spawnToReady('bundled, first start after the update'),
        unit: 'ms',
        detail: `once, from a journal made by migrations 1–3: migration 4 indexes the line texts of every journaled receipt; the start after it: ${spawnToReady('bundled, second start after the update').toFixed(0)} ms`,
      },
      {
        label: 'start-up bundled, empty journal',
        value: spawnToReady('bundled, empty journal'),
        unit: 'ms',
      },
      {
        label: 'start-up .ts sources, empty journal',
        value: spawnToReady('sources, empty journal'),
        unit: 'ms',
      },
    );
    raw['startUp'] = startUps;

    const dataDir = await dataDirWith(fixture);
    const host = createDataFolderHost(dataDir, silent);
    const app = await createApp(host, { mode: 'live' });
    const notes: string[] = [];
    try {
      let seed = 42;
      const next = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed / 2_147_483_648;
      };
      const search = async (query: Record<string, unknown>) => {
        const started = performance.now();
        const page = await app.handlers.searchJournal(JournalQuery.parse(query));
        return { ms: performance.now() - started, found: page.items.length };
      };
      const searches: Record<string, Distribution[]> = {};
      for (const kind of searchKinds(fixture, context.quick)) {
        for (let index = 0; index < Math.min(5, kind.count); index++) await search(kind.query(next));
        const perRun: Distribution[] = [];
        let found = 0;
        for (let run = 0; run < runs; run++) {
          const samples: number[] = [];
          for (let index = 0; index < kind.count; index++) {
            const result = await search(kind.query(next));
            samples.push(result.ms);
            found += result.found;
          }
          perRun.push(distribution(samples));
        }
        const summary = medianOfRuns(perRun);
        searches[kind.label] = perRun;
        context.log(
          `search ${kind.label}: p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms (${(found / (kind.count * runs)).toFixed(1)} hits per page)`,
        );
        figures.push({
          label: `search ${kind.label} p99`,
          value: summary.p99,
          unit: 'ms',
          goal: { op: '<', value: 50 },
          detail: `p50 ${summary.p50.toFixed(2)} ms; ${kind.count} queries × ${runs} runs, page of 50`,
        });
      }
      raw['searches'] = searches;
      notes.push(
        `journal of ${fixture.receipts} receipts (${(fixture.bytes / 2 ** 30).toFixed(2)} GiB, ~${Math.round(fixture.bytes / fixture.receipts)} bytes per receipt), in the page cache: a cold disk after a reboot is slower.`,
      );
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
    // Last: its copy of the journal would push the fixture's pages out of the cache the searches use.
    const migration = await timeMigration4(schema3, runs, context.log);
    figures.push(...migration4Figures(migration));
    raw['migration4'] = migration;
    return { figures, notes, raw };
  },
};
