// `node bench/results-markdown.ts [results.json]`: the figures of a run as a Markdown table with the
// machine they came from, for the README's Performance section.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

interface ResultFigure {
  label: string;
  value: number;
  unit: string;
  goal?: { op: string; value: number };
  met: boolean | null;
}

interface Results {
  startedAt: string;
  mode: string;
  machine: {
    cpuModel: string;
    cores: number;
    node: string;
    openssl: string;
    sqlite: string;
    chromium: string | null;
    loadAverage1m: number;
    loadAverage1mAtEnd: number;
  };
  benchmarks: Array<{ name: string; error: string | null; figures: ResultFigure[] }>;
}

function number(value: number): string {
  const digits = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function resultsMarkdown(results: Results): string {
  const rows = ['| benchmark | figure | value | goal | |', '|---|---|---:|---|---|'];
  for (const benchmark of results.benchmarks) {
    if (benchmark.error !== null) rows.push(`| ${benchmark.name} | failed: ${benchmark.error} | | | |`);
    for (const figure of benchmark.figures) {
      const unit = figure.unit === '' ? '' : ` ${figure.unit}`;
      const goal = figure.goal ? `${figure.goal.op} ${number(figure.goal.value)}${unit}` : '';
      const status = figure.met === null ? '' : figure.met ? 'met' : '**missed**';
      rows.push(
        `| ${benchmark.name} | ${figure.label} | ${number(figure.value)}${unit} | ${goal} | ${status} |`,
      );
    }
  }
  const m = results.machine;
  rows.push(
    '',
    `${results.mode} run of ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel} × ${m.cores} cores, Node ${m.node}, OpenSSL ${m.openssl}, SQLite ${m.sqlite}${m.chromium ? `, ${m.chromium}` : ''}; 1-minute load average ${m.loadAverage1m} at the start, ${m.loadAverage1mAtEnd} at the end.`,
  );
  return rows.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? fileURLToPath(new URL('./results.json', import.meta.url));
  process.stdout.write(`${resultsMarkdown(JSON.parse(await readFile(file, 'utf8')) as Results)}\n`);
}
