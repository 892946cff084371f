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
// preload.cjs: a sandboxed preload may only require('electron'), so everything else is bundled into
// this one file. It is a separate build because two entries in one build would share chunks.
const projectRoot = fileURLToPath(new URL('.', import.meta.url));

function preloadBundle(): Plugin {
  return {
    name: 'kassen-companion:preload-bundle',
    apply: 'build',
    async writeBundle() {
      await build({
        configFile: false,
        root: projectRoot,
        publicDir: false,
        logLevel: 'warn',
        mode: 'production',
        build: {
          outDir: 'dist-electron',
          emptyOutDir: false,
          minify: false,
          lib: { entry: 'src-main/electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
          rolldownOptions: { external: ['electron'] },
        },
      });
    },
  };
}

const electron: UserConfig = {
  root: projectRoot,
  publicDir: false,
  build: {
    outDir: 'dist-electron',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    ssr: 'src-main/electron/main.ts',
    rolldownOptions: {
      external: ['electron', /^node:/],
      output: { format: 'cjs', entryFileNames: 'main.cjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
  plugins: [preloadBundle()],
};

export default defineConfig(({ mode }) => (mode === 'electron' ? electron : renderer));
