// Renderer build. The Electron main and preload bundles are built by `vite build --mode electron`
// (see the electron section below): main as one CommonJS file, the sandboxed preload as one CommonJS file.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
  },
});
