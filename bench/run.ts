// `npm run bench [-- [--quick] [names…] [--flag=value…] [--profile]]`
// Runs each benchmark in a child process of its own (a fresh heap, no JIT or GC state carried from
// one benchmark into the next), prints one table and writes the figures with the machine they came
// from. A full run writes bench/results.json; a quick or partial run writes bench/results.quick.json,
// so that development runs never overwrite the figures the README quotes.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goalMet, type BenchContext, type BenchReport, type Benchmark, type Figure } from './benchmark.ts';
import { machineInfo } from './machine-info.ts';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const RUN_SCRIPT = fileURLToPath(import.meta.url);

/** In the order of the issue. Each file default-exports nothing; it exports `benchmark`. */
const BENCHMARKS: Record<string, string> = {
  'sign-overhead': './sign-overhead.bench.ts',
  throughput: './throughput.bench.ts',
  'journal-scale': './journal-scale.bench.ts',
  'dep-verify': './dep-verify.bench.ts',
  renderer: './renderer.bench.ts',
  'answer-check': './answer-check.bench.ts',
};

interface Arguments {
  quick: boolean;
  profile: boolean;
  names: string[];
  flags: Map<string, string>;
  child: string | null;
  out: string | null;
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = {
    quick: false,
    profile: false,
    names: [],
    flags: new Map(),
    child: null,
    out: null,
  };
  for (const arg of argv) {
    if (arg === '--quick') parsed.quick = true;
    else if (arg === '--profile') parsed.profile = true;
    else if (arg.startsWith('--child=')) parsed.child = arg.slice('--child='.length);
    else if (arg.startsWith('--out=')) parsed.out = arg.slice('--out='.length);
    else if (arg.startsWith('--')) {
      const [name = '', value = 'true'] = arg.slice(2).split(/=(.*)/s);
      parsed.flags.set(name, value);
    } else parsed.names.push(arg);
  }
  for (const name of parsed.names) {
    if (!(name in BENCHMARKS)) {
      throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    }
  }
  return parsed;
}

async function runChild(args: Arguments): Promise<void> {
  const name = args.child ?? '';
  const file = BENCHMARKS[name];
  if (file === undefined || args.out === null) throw new Error(`bad child invocation for "${name}"`);
  const module = (await import(file)) as { benchmark: Benchmark };
  const context: BenchContext = {
    quick: args.quick,
    flags: args.flags,
    log: (message) => process.stderr.write(`  [${name}] ${message}\n`),
  };
  const report = await module.benchmark.run(context);
  await writeFile(args.out, JSON.stringify({ title: module.benchmark.title, ...report }));
}

interface BenchOutcome {
  name: string;
  title: string;
  seconds: number;
  report: BenchReport | null;
  error: string | null;
}

async function runInChild(name: string, args: Arguments, dir: string): Promise<BenchOutcome> {
  const out = join(dir, `${name}.json`);
  const nodeArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(BENCH_DIR, 'profiles', name)}`] : [];
  const forwarded = [...args.flags].map(([key, value]) => `--${key}=${value}`);
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...nodeArgs,
        RUN_SCRIPT,
        `--child=${name}`,
        `--out=${out}`,
        ...(args.quick ? ['--quick'] : []),
        ...forwarded,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) return { name, title: name, seconds, report: null, error: `exited with code ${code}` };
  const parsed = JSON.parse(await readFile(out, 'utf8')) as BenchReport & { title: string };
  return { name, title: parsed.title, seconds, report: parsed, error: null };
}

function formatValue(figure: Figure): string {
  const { value, unit } = figure;
  const digits = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 10 ? 2 : 3;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === '' ? text : `${text} ${unit}`;
}

function formatGoal(figure: Figure): string {
  if (figure.goal === undefined) return '';
  const text = figure.goal.value.toLocaleString('en-US');
  return `${figure.goal.op} ${text}${figure.unit === '' ? '' : ` ${figure.unit}`}`;
}

function status(figure: Figure): string {
  if (figure.goal === undefined) return '';
  return goalMet(figure.value, figure.goal) ? 'met' : 'MISSED';
}

function table(outcomes: readonly BenchOutcome[]): string {
  const rows: string[][] = [['benchmark', 'figure', 'value', 'goal', 'status']];
  for (const outcome of outcomes) {
    if (outcome.report === null) {
      rows.push([outcome.name, 'FAILED', outcome.error ?? '', '', '']);
      continue;
    }
    for (const figure of outcome.report.figures) {
      rows.push([outcome.name, figure.label, formatValue(figure), formatGoal(figure), status(figure)]);
    }
  }
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The commit the figures belong to; others edit the same working tree, so say whether it was clean. */
function gitState(): { commit: string; uncommittedFiles: number } | null {
  try {
    const run = (args: string[]) => execFileSync('git', args, { cwd: BENCH_DIR, encoding: 'utf8' });
    const changed = run(['status', '--porcelain', '--untracked-files=no']).split('\n').filter(Boolean);
    return { commit: run(['rev-parse', 'HEAD']).trim(), uncommittedFiles: changed.length };
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  if (args.child !== null) {
    await runChild(args);
    return;
  }
  const names = args.names.length > 0 ? args.names : Object.keys(BENCHMARKS);
  const partial = args.quick || args.names.length > 0;
  const machine = await machineInfo();
  process.stderr.write(
    `bench: ${names.join(', ')}${args.quick ? ' (quick)' : ''} on ${machine.cpuModel} × ${machine.cores}, Node ${machine.node}, load ${machine.loadAverage1m}\n`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'kassen-bench-run-'));
  const outcomes: BenchOutcome[] = [];
  const started = new Date();
  const git = gitState();
  try {
    for (const name of names) {
      process.stderr.write(`bench: ${name} …\n`);
      const outcome = await runInChild(name, args, dir);
      process.stderr.write(`bench: ${name} took ${outcome.seconds.toFixed(1)} s\n`);
      outcomes.push(outcome);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const finished = await machineInfo();
  const results = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    mode: args.quick ? 'quick' : 'full',
    command: ['npm run bench --', ...process.argv.slice(2)].join(' '),
    git,
    machine: { ...machine, loadAverage1mAtEnd: finished.loadAverage1m },
    benchmarks: outcomes.map((outcome) => ({
      name: outcome.name,
      title: outcome.title,
      seconds: Math.round(outcome.seconds * 10) / 10,
      error: outcome.error,
      figures: (outcome.report?.figures ?? []).map((figure) => ({
        ...figure,
        met: figure.goal === undefined ? null : goalMet(figure.value, figure.goal),
      })),
      notes: outcome.report?.notes ?? [],
      raw: outcome.report?.raw ?? {},
    })),
  };
  const file = join(BENCH_DIR, partial ? 'results.quick.json' : 'results.json');
  // Formatted as `npm run lint` (prettier --check .) expects it, so a fresh results.json never fails lint.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  await writeFile(file, await prettier.format(JSON.stringify(results), { ...options, parser: 'json' }));
  process.stdout.write(`\n${table(outcomes)}\n\n`);
  for (const outcome of outcomes) {
    for (const note of outcome.report?.notes ?? []) process.stdout.write(`- ${outcome.name}: ${note}\n`);
  }
  process.stdout.write(
    `\n${machine.cpuModel} × ${machine.cores}, Node ${machine.node}, OpenSSL ${machine.openssl}, SQLite ${machine.sqlite}; load ${machine.loadAverage1m} → ${finished.loadAverage1m}\nwritten: ${file}\n`,
  );
  if (outcomes.some((outcome) => outcome.error !== null)) process.exitCode = 1;
}

await main();
