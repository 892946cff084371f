// Renderer build. The Electron main and preload bundles are built by `vite build --mode electron`
// (see the electron section below): main as one CommonJS file, the sandboxed preload as one CommonJS file.
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';

const renderer: UserConfig = {
  root: 'src-renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
  },
};

// ── electron ──────────────────────────────────────────────────────────────────────────────────────
// main.cjs: the Electron main process with the whole core bundled in, so the packaged app needs no
// node_modules. Node built-ins (node:sqlite among them) and electron stay external: the runtime has them.
// Both Node bundles target Node 24, the Node that Electron 45 embeds.
// preload.cjs: a sandboxed preload may only require('electron'), so everything else is bundled into
// this one file. It is a separate build because two entries in one build would share chunks.
// electron-updater.cjs: see updaterBundle below.
// dep-verify-worker.cjs and journal-check-worker.cjs: the worker threads of the DEP check
// (src-main/archive/parallel-dep-verifier.ts) and of a backup's journal check
// (src-main/backup/journal-check-thread.ts); each is looked for next to main.cjs (and the work runs on
// the main thread when it cannot start).
const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/** One more file in dist-electron, made by a build of its own once main.cjs is written. */
function separateBundle(name: string, config: UserConfig): Plugin {
  return {
    name: `kassen-companion:${name}`,
    apply: 'build',
    async writeBundle() {
      await build({
        configFile: false,
        root: projectRoot,
        publicDir: false,
        logLevel: 'warn',
        mode: 'production',
        ...config,
      });
    },
  };
}

const preloadBundle = separateBundle('preload-bundle', {
  build: {
    outDir: 'dist-electron',
    emptyOutDir: false,
    minify: false,
    lib: { entry: 'src-main/electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rolldownOptions: { external: ['electron'] },
  },
});

// electron-updater.cjs: electron-updater and its dependencies, apart from main.cjs (which requires it as
// ./electron-updater.cjs): what the harness replaces with its stand-in, as it replaces Electron.
const updaterBundle = separateBundle('electron-updater-bundle', {
  build: {
    outDir: 'dist-electron',
    emptyOutDir: false,
    target: 'node24',
    minify: false,
    ssr: 'node_modules/electron-updater/out/main.js',
    rolldownOptions: {
      external: ['electron', /^node:/],
      output: { format: 'cjs', entryFileNames: 'electron-updater.cjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});

/** A worker thread's entry as one CommonJS file beside main.cjs. */
function workerBundle(entry: string, fileName: string): Plugin {
  return separateBundle(`${fileName}-bundle`, {
    build: {
      outDir: 'dist-electron',
      emptyOutDir: false,
      target: 'node24',
      minify: false,
      ssr: entry,
      rolldownOptions: {
        external: [/^node:/],
        output: { format: 'cjs', entryFileNames: fileName },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  });
}

const electron: UserConfig = {
  root: projectRoot,
  publicDir: false,
  build: {
    outDir: 'dist-electron',
    emptyOutDir: true,
    target: 'node24',
    minify: false,
    sourcemap: true,
    ssr: 'src-main/electron/main.ts',
    rolldownOptions: {
      external: ['electron', 'electron-updater', /^node:/],
      output: {
        format: 'cjs',
        entryFileNames: 'main.cjs',
        paths: { 'electron-updater': './electron-updater.cjs' },
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
  plugins: [
    preloadBundle,
    updaterBundle,
    workerBundle('src-main/archive/dep-verify-worker.ts', 'dep-verify-worker.cjs'),
    workerBundle('src-main/backup/journal-check-worker.ts', 'journal-check-worker.cjs'),
  ],
};

export default defineConfig(({ mode }) => (mode === 'electron' ? electron : renderer));
