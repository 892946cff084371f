// Order statistics for benchmark samples. Percentiles use the nearest-rank method: p99 of 200 samples
// is the 198th smallest, a value that was actually observed, never an interpolation between two.

function sorted(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

/** Nearest-rank percentile, `p` in 0..100. */
function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('no samples');
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is not in 0..100`);
  const ordered = sorted(samples);
  const rank = Math.max(1, Math.ceil((p / 100) * ordered.length));
  return ordered[rank - 1] as number;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('no samples');
  const ordered = sorted(samples);
  const middle = ordered.length >> 1;
  return ordered.length % 2 === 1
    ? (ordered[middle] as number)
    : ((ordered[middle - 1] as number) + (ordered[middle] as number)) / 2;
}

function mean(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('no samples');
  return samples.reduce((sum, x) => sum + x, 0) / samples.length;
}

export interface Distribution {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

export function distribution(samples: readonly number[]): Distribution {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p90: percentile(samples, 90),
    p99: percentile(samples, 99),
    min: percentile(samples, 0),
    max: percentile(samples, 100),
    mean: mean(samples),
  };
}

/** The median, field by field, of several runs' distributions: "median of several runs". */
export function medianOfRuns(runs: readonly Distribution[]): Distribution {
  const field = (key: keyof Distribution) => median(runs.map((run) => run[key]));
  return {
    count: runs.reduce((sum, run) => sum + run.count, 0),
    p50: field('p50'),
    p90: field('p90'),
    p99: field('p99'),
    min: field('min'),
    max: field('max'),
    mean: field('mean'),
  };
}
