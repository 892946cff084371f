// Issue 6, part 4: receipts per second verifying a DEP of 1.5 M really signed receipts with every core.
// Two verifiers run interleaved, each with one worker thread per core on its share of the receipts:
// 'app' is the app's own src-main/archive/dep-verifier.ts (src-main/rksv primitives), started in each
// worker from the ChainPosition the receipt before its share leaves; 'fast' is bench/dep-slice-verifier.ts,
// the same checks (plus the turnover counter) without the per-receipt overheads of src-main/rksv. The
// single-core ES256 rate of each, measured in the same run, is the ceiling it is held to.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { formatJws } from '../src-main/rksv/jws.ts';
import { verifyReceiptJws } from '../src-main/rksv/receipt-signature.ts';
import { numberFlag, type BenchContext, type BenchReport, type Benchmark, type Figure } from './benchmark.ts';
import { depFixture } from './dep-fixture.ts';
import { VERIFY_VARIANTS, type VerifyVariant } from './dep-verify-worker.ts';
import { derToP1363, p1363ToDer } from './ecdsa-signature-encoding.ts';
import { verifyDepFile, type DepVerdict } from './parallel-dep-verifier.ts';
import { median } from './stats.ts';

const GOAL_PER_SECOND = 25_000;

/** ES256 verifications per CPU second on this thread, the way each variant calls node:crypto. */
function singleCoreRate(variant: VerifyVariant, seconds: number): number {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const payload =
    '_R1-AT100_BENCH-KASSE-1_1_2024-05-01T10:00:00_12,30_0,00_0,00_0,00_0,00_AAAAAAAAAAA=_1a2b3c4d5e6f7a8b_AAAAAAAAAAA=';
  const jws = formatJws(payload, Buffer.alloc(64));
  const signingInput = jws.slice(0, jws.lastIndexOf('.'));
  const signature = derToP1363(sign('sha256', Buffer.from(signingInput), privateKey));
  const signed = formatJws(payload, signature);
  const once =
    variant === 'app'
      ? () => verifyReceiptJws(publicKey, signed)
      : () => verify('sha256', Buffer.from(signingInput, 'latin1'), publicKey, p1363ToDer(signature));
  if (!once()) throw new Error('the single-core probe signature does not verify');
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

function rate(verdict: DepVerdict): number {
  return verdict.receipts / (verdict.ms.total / 1000);
}

/** What the rate would be with every worker on a core of its own: receipts over the busiest worker's CPU time. */
function cpuBoundRate(verdict: DepVerdict): number {
  const busiest = Math.max(...verdict.workers.map((worker) => worker.cpuMs));
  return verdict.receipts / (busiest / 1000);
}

export const benchmark: Benchmark = {
  name: 'dep-verify',
  title: 'DEP verification rate',
  async run(context: BenchContext): Promise<BenchReport> {
    const size = numberFlag(context, 'dep-size', context.quick ? 50_000 : 1_500_000);
    const runs = numberFlag(context, 'dep-runs', context.quick ? 1 : 3);
    const workers = numberFlag(context, 'workers', availableParallelism());
    const fixture = await depFixture(size, context.log);
    context.log(
      `DEP: ${fixture.receipts} receipts, ${(fixture.bytes / 2 ** 20).toFixed(0)} MiB, ${fixture.cached ? 'cached' : 'generated'} (made in ${fixture.generationSeconds.toFixed(0)} s)`,
    );

    // Warm-up: the file into the page cache, and one small verification per variant.
    await warmPageCache(fixture.depPath);
    const small = await depFixture(2_000, context.log);
    for (const variant of VERIFY_VARIANTS)
      await verifyDepFile(small.depPath, small.material, { variant, workers });

    const ceilings = new Map<VerifyVariant, number>();
    for (const variant of VERIFY_VARIANTS)
      ceilings.set(variant, singleCoreRate(variant, context.quick ? 1 : 3));

    const verdicts = new Map<VerifyVariant, DepVerdict[]>(VERIFY_VARIANTS.map((variant) => [variant, []]));
    for (let run = 0; run < runs; run++) {
      // Interleaved, so that a busy moment on the machine hits both variants alike.
      for (const variant of VERIFY_VARIANTS) {
        const verdict = await verifyDepFile(fixture.depPath, fixture.material, { variant, workers });
        if (verdict.errorCount > 0 || verdict.receipts !== fixture.receipts) {
          throw new Error(
            `the DEP did not verify (${verdict.receipts} of ${fixture.receipts} receipts, ${verdict.errorCount} errors): ${verdict.errors.join('; ')}`,
          );
        }
        context.log(
          `run ${run + 1}/${runs} ${variant}: ${Math.round(rate(verdict))} receipts/s (${(verdict.ms.total / 1000).toFixed(1)} s; read ${verdict.ms.read.toFixed(0)} ms)`,
        );
        verdicts.get(variant)?.push(verdict);
      }
    }

    const figures: Figure[] = [];
    const notes: string[] = [];
    const raw: Record<string, unknown> = { receipts: fixture.receipts, bytes: fixture.bytes, workers, runs };
    for (const variant of VERIFY_VARIANTS) {
      const list = verdicts.get(variant) ?? [];
      const wall = median(list.map(rate));
      const cpuBound = median(list.map(cpuBoundRate));
      const ceiling = (ceilings.get(variant) ?? 0) * workers;
      const signatureShares = list.flatMap((verdict) => {
        const signatureMs = verdict.workers.reduce((sum, worker) => sum + (worker.signatureMs ?? 0), 0);
        const wallMs = verdict.workers.reduce((sum, worker) => sum + worker.wallMs, 0);
        return verdict.workers.every((worker) => worker.signatureMs !== null) ? [signatureMs / wallMs] : [];
      });
      const label = variant === 'app' ? 'archive/dep-verifier.ts' : 'bench fast verifier';
      figures.push({
        label: `${label}: receipts/s, ${workers} workers`,
        value: wall,
        unit: '/s',
        goal: { op: '>=', value: GOAL_PER_SECOND },
        detail: `${fixture.receipts} receipts, file to verdict, median of ${list.length}`,
      });
      figures.push({
        label: `${label}: receipts/s, CPU-bound`,
        value: cpuBound,
        unit: '/s',
        detail: "receipts over the busiest worker's CPU time: the rate with a core to each worker",
      });
      figures.push({
        label: `${label}: ES256 ceiling (${workers} × 1 core)`,
        value: ceiling,
        unit: '/s',
        detail: 'signature checks alone per CPU second of one thread, times the workers',
      });
      const share =
        signatureShares.length === 0
          ? ''
          : `; signature checks take ~${Math.round(median(signatureShares) * 100)} % of worker time`;
      notes.push(
        `${label}: ${Math.round(wall)}/s wall clock, ${Math.round(cpuBound)}/s if each worker had a core to itself, ES256 ceiling ${Math.round(ceiling)}/s${share}`,
      );
      raw[variant] = list.map((verdict) => ({
        ms: verdict.ms,
        workers: verdict.workers,
        unsigned: verdict.unsigned,
      }));
    }
    notes.push(
      `DEP of ${fixture.receipts} receipts (${(fixture.bytes / 2 ** 20).toFixed(0)} MiB, cached in the temp dir; generating it took ${fixture.generationSeconds.toFixed(0)} s).`,
    );
    return { figures, notes, raw };
  },
};
