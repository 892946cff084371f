// What one benchmark file exports and what it reports. Every figure is a row with its unit and, where
// the issue sets one, its goal; the runner decides met / missed from the goal, never the benchmark.

type GoalOperator = '<' | '<=' | '>=' | '>';

interface Goal {
  op: GoalOperator;
  value: number;
}

export interface Figure {
  /** Short label for the table, e.g. "added p50 @ 0 ms". */
  label: string;
  value: number;
  unit: string;
  goal?: Goal;
  /** One line of context: what was measured against what. */
  detail?: string;
}

export interface BenchReport {
  figures: Figure[];
  /** What dominates, caveats, the sizes used: printed under the table and kept in results.json. */
  notes: string[];
  /** Raw numbers per run, for anyone who wants more than the table. */
  raw?: Record<string, unknown>;
}

export interface BenchContext {
  quick: boolean;
  /** `--name=value` flags from the command line, e.g. `--dep-size=200000`. */
  flags: ReadonlyMap<string, string>;
  log(message: string): void;
}

export interface Benchmark {
  name: string;
  title: string;
  run(context: BenchContext): Promise<BenchReport>;
}

export function goalMet(value: number, goal: Goal): boolean {
  switch (goal.op) {
    case '<':
      return value < goal.value;
    case '<=':
      return value <= goal.value;
    case '>=':
      return value >= goal.value;
    case '>':
      return value > goal.value;
  }
}

/** A numeric flag, or its default when absent. */
export function numberFlag(context: BenchContext, name: string, fallback: number): number {
  const text = context.flags.get(name);
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isFinite(value)) throw new RangeError(`--${name}=${text} is not a number`);
  return value;
}
