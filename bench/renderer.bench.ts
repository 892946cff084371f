// Issue 6, part 5: the renderer. Its production bundle (built by vite into a temp dir, so that the shared
// dist/ is never touched) gzipped, and the time from navigation to the first till screen (the amount
// field of the till) in Debian's Chromium, against the headless shell in demo mode. Each run opens a
// new browser context (empty cache); the browser itself is started once and not timed.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync, brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/support/launch.ts';
import { numberFlag, type BenchContext, type BenchReport, type Benchmark, type Figure } from './benchmark.ts';
import { median } from './stats.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const VITE = join(REPO_ROOT, 'node_modules', '.bin', 'vite');
const CHILD = fileURLToPath(new URL('./headless-demo-child.ts', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const TILL_READY = '[data-testid="entry-amount"]';

interface AssetSize {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function buildRenderer(outDir: string, log: (message: string) => void): Promise<number> {
  const started = performance.now();
  const child = spawn(VITE, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`vite build exited with ${code}`);
  const seconds = (performance.now() - started) / 1000;
  log(`renderer built in ${seconds.toFixed(1)} s`);
  return seconds;
}

async function assetSizes(outDir: string): Promise<AssetSize[]> {
  const sizes: AssetSize[] = [];
  for (const path of await filesUnder(outDir)) {
    if (extname(path) === '.map') continue;
    const bytes = await readFile(path);
    sizes.push({
      file: relative(outDir, path),
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.sort((a, b) => b.gzip - a.gzip);
}

async function startShell(
  rendererDir: string,
): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kassen-bench-renderer-'));
  const child = spawn(process.execPath, [CHILD, dataDir, rendererDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (child.stdout === null) throw new Error('no stdout from the headless shell');
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`headless shell exited with ${code}`)));
  });
  lines.close();
  return { url, child, dataDir };
}

export const benchmark: Benchmark = {
  name: 'renderer',
  title: 'Renderer: bundle size and first till screen',
  async run(context: BenchContext): Promise<BenchReport> {
    const runs = numberFlag(context, 'renderer-runs', context.quick ? 3 : 9);
    const outDir = await mkdtemp(join(tmpdir(), 'kassen-bench-renderer-build-'));
    const figures: Figure[] = [];
    const notes: string[] = [];
    const raw: Record<string, unknown> = {};
    try {
      raw['buildSeconds'] = await buildRenderer(outDir, context.log);
      const assets = await assetSizes(outDir);
      raw['assets'] = assets;
      const sum = (list: AssetSize[], key: 'bytes' | 'gzip' | 'brotli') =>
        list.reduce((total, asset) => total + asset[key], 0);
      const scripts = assets.filter((asset) => asset.file.endsWith('.js'));
      const styles = assets.filter((asset) => asset.file.endsWith('.css'));
      figures.push(
        { label: 'bundle, all assets, gzip -9', value: sum(assets, 'gzip') / 1024, unit: 'KiB' },
        { label: 'bundle, JavaScript, gzip -9', value: sum(scripts, 'gzip') / 1024, unit: 'KiB' },
        { label: 'bundle, CSS, gzip -9', value: sum(styles, 'gzip') / 1024, unit: 'KiB' },
        { label: 'bundle, all assets, raw', value: sum(assets, 'bytes') / 1024, unit: 'KiB' },
        { label: 'bundle, all assets, brotli', value: sum(assets, 'brotli') / 1024, unit: 'KiB' },
      );
      notes.push(
        `largest assets (gzip): ${assets
          .slice(0, 4)
          .map((asset) => `${asset.file} ${(asset.gzip / 1024).toFixed(1)} KiB`)
          .join(', ')}`,
      );

      const shell = await startShell(outDir);
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      });
      try {
        const times: number[] = [];
        const paints: number[] = [];
        for (let run = -1; run < runs; run++) {
          const page = await browser.newPage({
            viewport: { width: 1280, height: 900 },
            locale: 'de-AT',
            timezoneId: 'Europe/Vienna',
          });
          const started = performance.now();
          await page.goto(shell.url);
          await page.locator(TILL_READY).waitFor({ state: 'visible' });
          const elapsed = performance.now() - started;
          // In the page: a string, because the bench code is typed for Node, not the DOM.
          const paint = (await page.evaluate(
            `performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null`,
          )) as number | null;
          await page.context().close();
          if (run < 0) continue; // warm-up: the shell's first requests, the OS file cache
          times.push(elapsed);
          if (paint !== null) paints.push(paint);
        }
        raw['tillScreenMs'] = times;
        raw['firstContentfulPaintMs'] = paints;
        context.log(`first till screen: ${times.map((time) => time.toFixed(0)).join(', ')} ms`);
        figures.push({
          label: 'navigation to first till screen',
          value: median(times),
          unit: 'ms',
          detail: `Chromium ${CHROMIUM}, new context per run (empty cache), headless shell in demo mode; median of ${runs}`,
        });
        if (paints.length > 0)
          figures.push({ label: 'first contentful paint', value: median(paints), unit: 'ms' });
      } finally {
        await browser.close();
        shell.child.stdin?.end();
        await once(shell.child, 'exit');
        await rm(shell.dataDir, { recursive: true, force: true });
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
    notes.push(
      'bundle sizes exclude source maps; gzip at level 9 and brotli at quality 11, as a server would send them.',
    );
    return { figures, notes, raw };
  },
};
