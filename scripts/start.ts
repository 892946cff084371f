// `npm start`: builds what is missing or stale, then opens the desktop app in demo mode. Where Electron
// cannot run (binary not downloadable, no display), it says so in one line and starts the headless
// shell instead, which prints the URL to open in a browser. Demo data lives in .data/ of this checkout,
// never in the merchant's real data folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary, REPO_ROOT } from './electron-binary.ts';
import { main as serve } from '../src-main/headless/serve.ts';

const DOWNLOAD_TIMEOUT_MS = 20_000;
const DATA_DIR = join(REPO_ROOT, '.data');
const VITE = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

/** True when `output` is missing or older than any of `sources`. */
function stale(output: string, sources: string[]): boolean {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((source) => newestChange(join(REPO_ROOT, source)) > built);
}

function viteBuild(args: string[]): void {
  const result = spawnSync(process.execPath, [VITE, 'build', ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} ist fehlgeschlagen`);
}

function launchElectron(binary: string): void {
  const child = spawn(binary, [REPO_ROOT, '--demo', `--data-dir=${DATA_DIR}`], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

const renderer = join(REPO_ROOT, 'dist', 'renderer', 'index.html');
if (stale(renderer, ['src-renderer', 'src-shared'])) viteBuild([]);

const electron = findElectronBinary(DOWNLOAD_TIMEOUT_MS);
if (electron.ok) {
  const bundle = join(REPO_ROOT, 'dist-electron', 'main.cjs');
  if (
    stale(bundle, ['src-main', 'src-shared']) ||
    !existsSync(join(REPO_ROOT, 'dist-electron', 'preload.cjs'))
  ) {
    viteBuild(['--mode', 'electron']);
  }
  launchElectron(electron.path);
} else {
  process.stdout.write(
    `Electron ist hier nicht verfügbar (${electron.reason}); starte die Oberfläche im Browser.\n`,
  );
  await serve(['--demo', '--data-dir', DATA_DIR, ...process.argv.slice(2)]);
}
