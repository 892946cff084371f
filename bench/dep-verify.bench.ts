// Issue 6, part 4: receipts per second verifying a DEP of 1.5 M really signed receipts with every core,
// through the verifier the app uses: src-main/archive/parallel-dep-verifier.ts, one worker thread per
// core, each running src-main/archive/dep-verifier.ts on its piece. Measured in the same run, so that a
// busy machine hits all alike: the same verifier with one worker on part of the DEP (the rate per core),
// and ES256 alone per CPU second, as node:crypto does it with an options object (how es256.ts called it
// before) and as es256.ts calls it now: the ceiling a verifier is held to.
import { generateKeyPairSync, verify } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { ChainPosition, DepCheck } from '../src-main/archive/dep-verifier.ts';
import { verifyDepExportInParallel } from '../src-main/archive/parallel-dep-verifier.ts';
import type { DepExport } from '../src-main/fiskaly/sign-at-resources.ts';
import { signEs256, verifyEs256 } from '../src-main/rksv/es256.ts';
import { numberFlag, type BenchContext, type BenchReport, type Benchmark, type Figure } from './benchmark.ts';
import { scanDepGroups } from './dep-byte-scanner.ts';
import { depFixture, type DepFixture } from './dep-fixture.ts';
import { receiptsOf } from './dep-segment-receipts.ts';
import { median } from './stats.ts';

const GOAL_PER_SECOND = 25_000;

type Es256Way = 'options object' | 'es256.ts';

/** ES256 verifications per CPU second of this thread. */
function es256Rate(way: Es256Way, seconds: number): number {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const text =
    'eyJhbGciOiJFUzI1NiJ9.X1IxLUFUMTAwX0JFTkNILUtBU1NFLTFfMV8yMDI0LTA1LTAxVDEwOjAwOjAwXzEyLDMwXzAsMDBfMCwwMF8wLDAwXzAsMDBfQUFBQUFBQUFBQUE9XzFhMmIzYzRkNWU2ZjdhOGJfQUFBQUFBQUFBQUE9';
  const signature = signEs256(privateKey, text);
  const data = Buffer.from(text, 'utf8');
  const once =
    way === 'es256.ts'
      ? () => verifyEs256(publicKey, text, signature)
      : () => verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  if (!once()) throw new Error('the ES256 probe signature does not verify');
  const rates: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    // Thread CPU time, not wall time: other processes on the machine must not lower the ceiling.
    const started = process.threadCpuUsage();
    for (let index = 0; index < 500; index++) once();
    const used = process.threadCpuUsage(started);
    rates.push(500 / ((used.user + used.system) / 1e6));
  }
  return median(rates);
}

async function warmPageCache(path: string): Promise<void> {
  const file = await open(path, 'r');
  const chunk = Buffer.allocUnsafe(1 << 24);
  try {
    let position = 0;
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
    }
  } finally {
    await file.close();
  }
}

/** The export as the archiver hands it to the verifier, read from the file without one 400 MB string. */
async function readDep(path: string): Promise<DepExport> {
  const bytes = await readFile(path);
  return {
    'Belege-Gruppe': scanDepGroups(bytes).map((group, index) => ({
      Signaturzertifikat: group.certificateBase64,
      Zertifizierungsstellen: [],
      'Belege-kompakt': receiptsOf(bytes, { group: index, start: group.start, end: group.end }),
    })),
  };
}

function firstReceipts(dep: DepExport, count: number): DepExport {
  const group = dep['Belege-Gruppe'][0];
  if (group === undefined) throw new Error('the DEP has no group');
  return { 'Belege-Gruppe': [{ ...group, 'Belege-kompakt': group['Belege-kompakt'].slice(0, count) }] };
}

interface Run {
  receipts: number;
  /** Reading and splitting the file into receipts, then the verification. */
  readMs: number;
  verifyMs: number;
  /** CPU time of the whole process (every thread) during the verification. */
  cpuMs: number;
}

async function verifyRun(dep: DepExport, fixture: DepFixture, workers: number, readMs: number): Promise<Run> {
  const start: ChainPosition = {
    kassenId: fixture.kassenId,
    lastJws: null,
    lastReceiptNumber: null,
    lastDateTime: null,
    openOutage: false,
  };
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const check: DepCheck = await verifyDepExportInParallel(dep, start, {
    expectStartReceipt: true,
    workers,
  });
  const verifyMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const total = dep['Belege-Gruppe'].reduce((sum, group) => sum + group['Belege-kompakt'].length, 0);
  if (check.errors.length > 0 || check.receipts !== total) {
    throw new Error(
      `the DEP did not verify (${check.receipts} of ${total} receipts, ${check.errors.length} errors): ${check.errors.slice(0, 5).join('; ')}`,
    );
  }
  return { receipts: check.receipts, readMs, verifyMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** File to verdict with every worker; `part`, the first receipts for the one-worker run, keeps the rest collectable. */
async function parallelRun(
  fixture: DepFixture,
  workers: number,
  partSize: number,
): Promise<{ parallel: Run; part: DepExport }> {
  const started = performance.now();
  const dep = await readDep(fixture.depPath);
  const parallel = await verifyRun(dep, fixture, workers, performance.now() - started);
  return { parallel, part: firstReceipts(dep, partSize) };
}

const perSecond = (receipts: number, ms: number): number => receipts / (ms / 1000);

export const benchmark: Benchmark = {
  name: 'dep-verify',
  title: 'DEP verification rate',
  async run(context: BenchContext): Promise<BenchReport> {
    const size = numberFlag(context, 'dep-size', context.quick ? 50_000 : 1_500_000);
    const runs = numberFlag(context, 'dep-runs', context.quick ? 1 : 3);
    const workers = numberFlag(context, 'workers', availableParallelism());
    // The one-worker run: enough receipts for a steady rate, few enough not to double the bench's time.
    const singleSize = Math.min(
      size,
      numberFlag(context, 'dep-single-size', context.quick ? 20_000 : 150_000),
    );
    const fixture = await depFixture(size, context.log);
    context.log(
      `DEP: ${fixture.receipts} receipts, ${(fixture.bytes / 2 ** 20).toFixed(0)} MiB, ${fixture.cached ? 'cached' : 'generated'} (made in ${fixture.generationSeconds.toFixed(0)} s)`,
    );

    // Warm-up: the file into the page cache, and one small verification (JIT).
    await warmPageCache(fixture.depPath);
    const small = await depFixture(2_000, context.log);
    await verifyRun(await readDep(small.depPath), small, workers, 0);

    const ceilings = new Map<Es256Way, number>();
    for (const way of ['options object', 'es256.ts'] as const)
      ceilings.set(way, es256Rate(way, context.quick ? 1 : 3));

    const parallelRuns: Run[] = [];
    const singleRuns: Run[] = [];
    for (let run = 0; run < runs; run++) {
      const { parallel, part } = await parallelRun(fixture, workers, singleSize);
      parallelRuns.push(parallel);
      context.log(
        `run ${run + 1}/${runs}, ${workers} workers: ${Math.round(perSecond(parallel.receipts, parallel.readMs + parallel.verifyMs))} receipts/s file to verdict (read ${(parallel.readMs / 1000).toFixed(1)} s, verify ${(parallel.verifyMs / 1000).toFixed(1)} s)`,
      );
      const single = await verifyRun(part, fixture, 1, 0);
      singleRuns.push(single);
      context.log(
        `run ${run + 1}/${runs}, 1 worker: ${Math.round(perSecond(single.receipts, single.verifyMs))} receipts/s on ${single.receipts} receipts`,
      );
    }

    const headline = median(parallelRuns.map((run) => perSecond(run.receipts, run.readMs + run.verifyMs)));
    const verifyOnly = median(parallelRuns.map((run) => perSecond(run.receipts, run.verifyMs)));
    // Receipts over CPU seconds per worker: the rate if each worker had a core to itself.
    const cpuBound = median(parallelRuns.map((run) => perSecond(run.receipts, run.cpuMs / workers)));
    const perCore = median(singleRuns.map((run) => perSecond(run.receipts, run.cpuMs)));
    const perCoreWall = median(singleRuns.map((run) => perSecond(run.receipts, run.verifyMs)));
    const es256 = ceilings.get('es256.ts') ?? 0;
    const before = ceilings.get('options object') ?? 0;
    const label = 'archive/parallel-dep-verifier.ts';
    const figures: Figure[] = [
      {
        label: `${label}: receipts/s, ${workers} workers`,
        value: headline,
        unit: '/s',
        goal: { op: '>=', value: GOAL_PER_SECOND },
        detail: `${fixture.receipts} receipts, file to verdict, median of ${parallelRuns.length}`,
      },
      {
        label: `${label}: receipts/s, ${workers} workers, verification only`,
        value: verifyOnly,
        unit: '/s',
        detail: 'without reading the file and splitting it into receipts',
      },
      {
        label: `${label}: receipts/s, CPU-bound`,
        value: cpuBound,
        unit: '/s',
        detail:
          'receipts over the CPU time of all threads divided by the workers: the rate with a core to each',
      },
      {
        label: `${label}: receipts/s, 1 worker (per core)`,
        value: perCore,
        unit: '/s',
        detail: `${singleSize} receipts, receipts per CPU second of the process (${Math.round(perCoreWall)}/s wall clock)`,
      },
      {
        label: `ES256 ceiling (${workers} × 1 core), as es256.ts calls node:crypto`,
        value: es256 * workers,
        unit: '/s',
        detail: `signature checks alone per CPU second of one thread, times the workers: ${Math.round(before * workers)} with { key, dsaEncoding: 'ieee-p1363' }, ${Math.round(es256 * workers)} as es256.ts calls node:crypto`,
      },
    ];
    const notes = [
      `${Math.round(headline)}/s file to verdict with ${workers} workers (${Math.round(verifyOnly)}/s verification only, ${Math.round(cpuBound)}/s CPU-bound); ${Math.round(perCore)}/s per core with 1 worker, ${Math.round((perCore / es256) * 100)} % of the ES256 ceiling of ${Math.round(es256)}/s per core. ES256 is ${Math.round(before)}/s per core through an options object (how es256.ts called node:crypto before).`,
      `The goal of ${GOAL_PER_SECOND}/s needs ${Math.round(GOAL_PER_SECOND / workers)}/s per core: ES256 verification alone reaches ${Math.round(es256)}/s here (\`openssl speed ecdsap256\` is the floor to compare with).`,
      `DEP of ${fixture.receipts} receipts (${(fixture.bytes / 2 ** 20).toFixed(0)} MiB, cached in the temp dir; generating it took ${fixture.generationSeconds.toFixed(0)} s).`,
    ];
    return {
      figures,
      notes,
      raw: {
        receipts: fixture.receipts,
        bytes: fixture.bytes,
        workers,
        runs,
        es256PerCore: Object.fromEntries(ceilings),
        parallel: parallelRuns,
        single: singleRuns,
      },
    };
  },
};
