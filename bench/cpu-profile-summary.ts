// `node bench/cpu-profile-summary.ts <file.cpuprofile> [top]`: where a profile (from `npm run bench --
// --profile`, which passes --cpu-prof to each benchmark's process) spent its time, by self time per
// function and per file. This is how the notes on a missed goal name what dominates.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface ProfileLine {
  name: string;
  selfMs: number;
  share: number;
}

interface ProfileSummary {
  totalMs: number;
  byFunction: ProfileLine[];
  byFile: ProfileLine[];
  /** Inclusive time: the function and everything it called. */
  byFunctionTotal: ProfileLine[];
}

function shortUrl(url: string): string {
  if (url === '') return '(native)';
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  return path.startsWith('/') ? relative(process.cwd(), path) : path;
}

function frameName(frame: ProfileNode['callFrame']): string {
  const file = shortUrl(frame.url);
  return `${frame.functionName || '(anonymous)'} ${file}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
}

function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const frame = nodes.get(at)?.callFrame;
      if (frame === undefined || frame.functionName === '(root)') continue;
      const name = frameName(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  });
  const selfById = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of selfById) {
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined) continue;
    totalMs += ms;
    const file = shortUrl(frame.url);
    const name = frameName(frame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const lines = (map: Map<string, number>): ProfileLine[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, selfMs]) => ({ name, selfMs, share: totalMs === 0 ? 0 : selfMs / totalMs }));
  return {
    totalMs,
    byFunction: lines(byFunction),
    byFile: lines(byFile),
    byFunctionTotal: lines(inclusive),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: node bench/cpu-profile-summary.ts <file.cpuprofile> [top]');
  const summary = summarizeProfile(
    JSON.parse(await readFile(file, 'utf8')) as CpuProfile,
    Number(process.argv[3] ?? 15),
  );
  const print = (title: string, lines: ProfileLine[]) => {
    process.stdout.write(`${title}\n`);
    for (const line of lines) {
      process.stdout.write(
        `${line.selfMs.toFixed(0).padStart(8)} ms ${(line.share * 100).toFixed(1).padStart(5)} %  ${line.name}\n`,
      );
    }
  };
  process.stdout.write(`total ${summary.totalMs.toFixed(0)} ms\n`);
  print('self time by function:', summary.byFunction);
  print('self time by file:', summary.byFile);
  print('total (inclusive) time by function:', summary.byFunctionTotal);
}
