// Issue 6, part 4 and issue 17, part 2: how fast `npm run dep:verify` checks a DEP of really signed
// receipts, as a whole process (start, streamed reading, both cores, the AES counter checked with the
// crypto material, the verdict), and how much memory it needs for 200 000 and for 1.5 million receipts.
// Next to it, measured in the same run so that a busy machine hits all alike: ES256 alone per CPU second
// of a thread, as node:crypto does it with an options object (how es256.ts called it before) and as
// es256.ts calls it now: the ceiling any verifier is held to.
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DepVerifyReport } from '../src-shared/dep-verify-report.ts';
import { signEs256, verifyEs256 } from '../src-main/rksv/es256.ts';
import { numberFlag, type BenchContext, type BenchReport, type Benchmark, type Figure } from './benchmark.ts';
import { depFixture, type DepFixture } from './dep-fixture.ts';
import { median } from './stats.ts';

const GOAL_PER_SECOND = 25_000;
const SECONDS_SIZE = 200_000;
const CLI = fileURLToPath(new URL('../src-main/archive/dep-verify-cli.ts', import.meta.url));

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

/** Clock ticks per second of /proc/<pid>/stat (100 on Linux almost everywhere). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Peak memory (VmHWM) of a running process, from /proc; null off Linux. */
function peakKbOf(pid: number): number | null {
  try {
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(peakKb) ? peakKb : null;
  } catch {
    return null;
  }
}

/**
 * CPU time (ms) of this process's children that have exited and been waited for, every thread included
 * (cutime + cstime of /proc/self/stat); null off Linux. Read before and after one child, it is that
 * child's whole CPU time, to its last instruction, which a poll of its own /proc entry cannot see.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // After the command name in parentheses: fields 16 (cutime) and 17 (cstime) are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? (ticks / CLOCK_TICKS) * 1000 : null;
  } catch {
    return null;
  }
}

interface Run {
  receipts: number;
  workers: number;
  /** From spawning the command to its exit. */
  ms: number;
  /** Peak resident memory of the process as last seen before its exit, and its CPU time (every thread). */
  peakMiB: number | null;
  cpuMs: number | null;
}

/** `npm run dep:verify -- <dep> --crypto <material> --json --workers <n>` as its own process. */
async function runCommand(fixture: DepFixture, workers: number): Promise<Run> {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, fixture.depPath, '--crypto', fixture.materialPath, '--json', '--workers', String(workers)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let peakKb: number | null = null;
  const poll = setInterval(() => {
    if (child.pid !== undefined) peakKb = peakKbOf(child.pid) ?? peakKb;
  }, 50);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  clearInterval(poll);
  const ms = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  const report = DepVerifyReport.parse(JSON.parse(stdout));
  if (code !== 0 || report.verdict !== 'valid' || report.summary?.receipts !== fixture.receipts) {
    throw new Error(`dep:verify did not find the DEP valid (exit ${code}): ${report.message}`);
  }
  if (report.summary.turnoverCounter === null) throw new Error('dep:verify did not check the counter');
  const peak = peakKb as number | null;
  return {
    receipts: fixture.receipts,
    workers,
    ms,
    peakMiB: peak === null ? null : peak / 1024,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
  };
}

const perSecond = (receipts: number, ms: number): number => receipts / (ms / 1000);

export const benchmark: Benchmark = {
  name: 'dep-verify',
  title: 'DEP verification rate (npm run dep:verify, whole process)',
  async run(context: BenchContext): Promise<BenchReport> {
    const size = numberFlag(context, 'dep-size', context.quick ? 50_000 : 1_500_000);
    const runs = numberFlag(context, 'dep-runs', context.quick ? 1 : 3);
    const workers = numberFlag(context, 'workers', availableParallelism());
    const secondsSize = Math.min(
      size,
      numberFlag(context, 'dep-seconds-size', context.quick ? 20_000 : SECONDS_SIZE),
    );
    const big = await depFixture(size, context.log);
    const small = await depFixture(secondsSize, context.log);
    for (const fixture of [big, small]) {
      context.log(
        `DEP: ${fixture.receipts} receipts, ${(fixture.bytes / 2 ** 20).toFixed(0)} MiB, ${fixture.cached ? 'cached' : 'generated'} (made in ${fixture.generationSeconds.toFixed(0)} s)`,
      );
    }

    // Warm-up: the files into the page cache, and one run of the command (its modules into the OS cache).
    await warmPageCache(big.depPath);
    await warmPageCache(small.depPath);
    await runCommand(await depFixture(2_000, context.log), workers);

    const ceilings = new Map<Es256Way, number>();
    for (const way of ['options object', 'es256.ts'] as const)
      ceilings.set(way, es256Rate(way, context.quick ? 1 : 3));

    const bigRuns: Run[] = [];
    const smallRuns: Run[] = [];
    const singleRuns: Run[] = [];
    const describe = (run: Run) =>
      `${run.receipts} receipts, ${run.workers} worker(s): ${Math.round(perSecond(run.receipts, run.ms))} receipts/s, ${(run.ms / 1000).toFixed(1)} s, peak ${run.peakMiB?.toFixed(0) ?? '?'} MiB`;
    for (let run = 0; run < runs; run++) {
      const whole = await runCommand(big, workers);
      bigRuns.push(whole);
      context.log(`run ${run + 1}/${runs}: ${describe(whole)}`);
      const seconds = await runCommand(small, workers);
      smallRuns.push(seconds);
      context.log(`run ${run + 1}/${runs}: ${describe(seconds)}`);
    }
    const single = await runCommand(small, 1);
    singleRuns.push(single);
    context.log(`one worker: ${describe(single)}`);

    const headline = median(bigRuns.map((run) => perSecond(run.receipts, run.ms)));
    const cpuRuns = bigRuns.filter((run) => run.cpuMs !== null);
    // Receipts over the CPU seconds of the whole process per worker: the rate with a core to each worker.
    const cpuBound =
      cpuRuns.length === 0
        ? null
        : median(cpuRuns.map((run) => perSecond(run.receipts, (run.cpuMs ?? 0) / workers)));
    const smallSeconds = median(smallRuns.map((run) => run.ms / 1000));
    const perCore =
      single.cpuMs === null
        ? perSecond(single.receipts, single.ms)
        : perSecond(single.receipts, single.cpuMs);
    const peak = (list: Run[]) => {
      const known = list.map((run) => run.peakMiB).filter((value): value is number => value !== null);
      return known.length === 0 ? null : Math.max(...known);
    };
    const bigPeak = peak(bigRuns);
    const smallPeak = peak(smallRuns);
    const es256 = ceilings.get('es256.ts') ?? 0;
    const before = ceilings.get('options object') ?? 0;
    const label = 'npm run dep:verify';
    const figures: Figure[] = [
      {
        label: `${label}: receipts/s, ${workers} workers, whole process`,
        value: headline,
        unit: '/s',
        goal: { op: '>=', value: GOAL_PER_SECOND },
        detail: `${big.receipts} receipts with the AES counter, process start to exit, median of ${bigRuns.length}`,
      },
      ...(cpuBound === null
        ? []
        : [
            {
              label: `${label}: receipts/s, CPU-bound`,
              value: cpuBound,
              unit: '/s',
              detail:
                'receipts over the CPU time of all its threads divided by the workers: the rate with a core to each',
            },
          ]),
      ...(cpuBound === null
        ? []
        : [
            {
              label: `${label}: CPU-bound rate / ES256 ceiling`,
              value: cpuBound / (es256 * workers),
              unit: '×',
              detail: 'both per CPU second, measured in the same run: what the rest of the check costs',
            },
          ]),
      {
        label: `${label}: seconds for ${small.receipts.toLocaleString('en-US')} receipts`,
        value: smallSeconds,
        unit: 's',
        detail: `process start to exit, ${workers} workers, median of ${smallRuns.length}`,
      },
      {
        label: `${label}: receipts/s, 1 worker (per core)`,
        value: perCore,
        unit: '/s',
        detail: `${single.receipts} receipts, receipts per CPU second of the process (${Math.round(perSecond(single.receipts, single.ms))}/s wall clock)`,
      },
      ...(bigPeak === null || smallPeak === null
        ? []
        : [
            {
              label: `${label}: peak memory, ${big.receipts.toLocaleString('en-US')} receipts`,
              value: bigPeak,
              unit: 'MiB',
              detail: `resident set of the whole process; ${smallPeak.toFixed(0)} MiB for ${small.receipts.toLocaleString('en-US')} receipts`,
            },
          ]),
      {
        label: `ES256 ceiling (${workers} × 1 core), as es256.ts calls node:crypto`,
        value: es256 * workers,
        unit: '/s',
        detail: `signature checks alone per CPU second of one thread, times the workers: ${Math.round(before * workers)} with { key, dsaEncoding: 'ieee-p1363' }, ${Math.round(es256 * workers)} as es256.ts calls node:crypto`,
      },
    ];
    const notes = [
      // The ceiling counts CPU seconds of a thread, so it is held against the CPU-bound rate: the wall
      // clock rate also holds what the machine's other processes took from the command.
      `${Math.round(headline)}/s for ${big.receipts} receipts as a whole process with ${workers} workers, wall clock; ${cpuBound === null ? '?' : Math.round(cpuBound)}/s CPU-bound, ${cpuBound === null ? '?' : Math.round((cpuBound / (es256 * workers)) * 100)} % of the ES256 ceiling of ${Math.round(es256 * workers)}/s in the same run (both per CPU second); ${Math.round(perCore)}/s per core with 1 worker, ${Math.round((perCore / es256) * 100)} % of ${Math.round(es256)}/s.`,
      `${small.receipts} receipts take ${smallSeconds.toFixed(1)} s from start to verdict. Peak memory ${bigPeak?.toFixed(0) ?? '?'} MiB for ${big.receipts} receipts and ${smallPeak?.toFixed(0) ?? '?'} MiB for ${small.receipts}: the file is read as a stream, a few pieces at a time.`,
      `The goal of ${GOAL_PER_SECOND}/s needs ${Math.round(GOAL_PER_SECOND / workers)}/s per core: ES256 verification alone reaches ${Math.round(es256)}/s here (\`openssl speed ecdsap256\` is the floor to compare with).`,
      `DEPs of ${big.receipts} and ${small.receipts} receipts (${(big.bytes / 2 ** 20).toFixed(0)} and ${(small.bytes / 2 ** 20).toFixed(0)} MiB, cached in the temp dir).`,
    ];
    return {
      figures,
      notes,
      raw: {
        receipts: big.receipts,
        bytes: big.bytes,
        workers,
        runs,
        es256PerCore: Object.fromEntries(ceilings),
        whole: bigRuns,
        seconds: smallRuns,
        single: singleRuns,
      },
    };
  },
};
