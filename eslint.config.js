// Lint rules, including the layering the architecture depends on, declared as one table as VS Code's
// code-layering does (.eslint-plugin-local/code-layering.ts): which folder may import which.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

// The core: plain Node, no shell, no renderer. Its folders from the bottom up.
const CORE = [
  'src-main/sqlite',
  'src-main/host',
  'src-main/rksv',
  'src-main/journal',
  'src-main/articles',
  'src-main/reports',
  'src-main/till',
  'src-main/fiskaly',
  'src-main/management',
  'src-main/emulator',
  'src-main/settings',
  'src-main/printing',
  'src-main/signing',
  'src-main/onboarding',
  'src-main/archive',
  'src-main/backup',
  'src-main/takeover',
  'src-main/app',
];
const SHELL_BASE = ['src-shared', ...CORE, 'src-main/pos-api', 'src-main/shell'];

/**
 * The layering table. For each folder: the folders it may import (a folder always imports itself),
 * what its tests may import besides (tests are *.test.ts, *.test-support.ts and test-support/ folders;
 * never a shell from the core), and the npm packages it may use:
 *   'pure': zod and qrcode only (src-shared: no Node, no DOM);
 *   'dom': the renderer's browser packages, no Node built-ins;
 *   'node': Node built-ins and any package but Electron and the renderer's UI packages;
 *   'electron': 'node' plus electron;
 *   'electron-types': 'node' plus electron's type declarations (`import type` only).
 * Every pair not listed is an error. Files of src-main directly (app.ts) belong to src-main/app.
 */
export const LAYERS = {
  'src-shared': { imports: [], packages: 'pure' },
  'src-renderer': { imports: ['src-shared'], packages: 'dom' },
  'src-main/sqlite': { imports: [], packages: 'node' },
  'src-main/host': { imports: [], packages: 'node' },
  'src-main/rksv': { imports: ['src-shared'], packages: 'node' },
  'src-main/journal': { imports: ['src-shared', 'src-main/sqlite'], packages: 'node' },
  'src-main/articles': {
    imports: ['src-shared', 'src-main/sqlite'],
    tests: ['src-main/journal'],
    packages: 'node',
  },
  // The Tagesbericht (X, Z), the cash drawer and the accountant's export, from the journal.
  'src-main/reports': {
    imports: ['src-shared', 'src-main/journal'],
    tests: ['src-main/sqlite', 'src-main/app', 'src-main/emulator', 'src-main/signing', 'src-main/settings'],
    packages: 'node',
  },
  // The till's open Bon in the data folder (not the journal: it is no receipt).
  'src-main/till': { imports: ['src-shared', 'src-main/host'], packages: 'node' },
  'src-main/fiskaly': {
    imports: ['src-shared', 'src-main/host'],
    tests: ['src-main/emulator'],
    packages: 'node',
  },
  'src-main/management': { imports: ['src-shared', 'src-main/host', 'src-main/fiskaly'], packages: 'node' },
  'src-main/emulator': {
    imports: ['src-shared', 'src-main/rksv', 'src-main/sqlite'],
    tests: ['src-main/fiskaly', 'src-main/host'],
    packages: 'node',
  },
  'src-main/settings': { imports: ['src-shared', 'src-main/host'], packages: 'node' },
  'src-main/printing': {
    imports: ['src-shared', 'src-main/host'],
    tests: ['src-main/rksv', 'src-main/settings', 'src-main/app', 'src-main/emulator'],
    packages: 'node',
  },
  'src-main/signing': {
    imports: [
      'src-shared',
      'src-main/host',
      'src-main/rksv',
      'src-main/journal',
      'src-main/fiskaly',
      'src-main/printing',
    ],
    tests: [
      'src-main/emulator',
      'src-main/settings',
      'src-main/onboarding',
      'src-main/archive',
      'src-main/sqlite',
    ],
    packages: 'node',
  },
  'src-main/onboarding': {
    imports: [
      'src-shared',
      'src-main/host',
      'src-main/journal',
      'src-main/fiskaly',
      'src-main/management',
      'src-main/settings',
      'src-main/signing',
    ],
    tests: ['src-main/emulator', 'src-main/app', 'src-main/rksv', 'src-main/archive'],
    packages: 'node',
  },
  'src-main/archive': {
    imports: [
      'src-shared',
      'src-main/host',
      'src-main/rksv',
      'src-main/journal',
      'src-main/fiskaly',
      'src-main/signing',
      'src-main/onboarding',
    ],
    tests: ['src-main/emulator', 'src-main/app', 'src-main/settings', 'src-main/sqlite'],
    packages: 'node',
  },
  'src-main/backup': {
    imports: ['src-shared', 'src-main/host', 'src-main/journal', 'src-main/settings', 'src-main/archive'],
    tests: [
      'src-main/emulator',
      'src-main/app',
      'src-main/fiskaly',
      'src-main/onboarding',
      'src-main/sqlite',
    ],
    packages: 'node',
  },
  'src-main/takeover': {
    imports: [
      'src-shared',
      'src-main/host',
      'src-main/journal',
      'src-main/fiskaly',
      'src-main/settings',
      'src-main/signing',
      'src-main/onboarding',
      'src-main/archive',
      'src-main/backup',
    ],
    tests: ['src-main/emulator', 'src-main/app', 'src-main/sqlite', 'src-main/rksv'],
    packages: 'node',
  },
  'src-main/app': { imports: ['src-shared', ...CORE], packages: 'node' },
  // The POS API is started by either shell; it serves the contract's handlers and knows no shell.
  'src-main/pos-api': {
    imports: ['src-shared', 'src-main/host'],
    tests: [...CORE],
    packages: 'node',
  },
  // What both shells share: the data folder, its lock, the renderer files and their CSP, and why a start
  // failed (which knows the journal's and the settings' own errors).
  'src-main/shell': {
    imports: ['src-shared', 'src-main/host', 'src-main/journal', 'src-main/settings'],
    packages: 'node',
  },
  'src-main/headless': { imports: SHELL_BASE, packages: 'node' },
  'src-main/electron': { imports: SHELL_BASE, packages: 'electron' },
  // Above everything: tests and tools that drive the whole app. They reach the shells only from outside.
  e2e: {
    imports: [...SHELL_BASE, 'src-main/headless', 'src-renderer', 'scripts', 'e2e/electron-stand-in'],
    packages: 'node',
  },
  // Electron for the harness (never shipped): the e2e specs run the built desktop shell on it. It knows
  // no app code, so it cannot bend to the shell, and it may read Electron's type declarations to be
  // checked against them, never Electron itself (whose binary is what it stands in for).
  'e2e/electron-stand-in': { imports: [], packages: 'electron-types' },
  bench: { imports: [...SHELL_BASE, 'src-main/headless', 'e2e'], packages: 'node' },
  scripts: { imports: [...SHELL_BASE, 'src-main/headless'], packages: 'node' },
  examples: { imports: ['src-shared'], packages: 'node' },
};

const PURE_PACKAGES = ['zod', 'qrcode'];
const UI_PACKAGES = ['react', 'react-dom', 'zustand'];
const DOM_PACKAGES = [...PURE_PACKAGES, ...UI_PACKAGES];
const NODE_BUILTINS = new Set(builtinModules);

const packageName = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

/** The layer (a key of LAYERS) a path relative to the project root is in, or null outside the table. */
export function layerOf(path) {
  const parts = path.split('/');
  if (parts[0] === 'src-main') return parts.length === 2 ? 'src-main/app' : `src-main/${parts[1]}`;
  const nested = parts.slice(0, 2).join('/');
  if (parts.length > 2 && Object.hasOwn(LAYERS, nested)) return nested;
  return Object.hasOwn(LAYERS, parts[0]) ? parts[0] : null;
}

const isTestFile = (path) =>
  /\.test(-support)?\.tsx?$/.test(path) || path.split('/').includes('test-support');

/**
 * Why `specifier`, imported by the file at `path` (relative to the root), breaks the table, or null.
 * `typeOnly`: the import brings in types alone (`import type`), which leave nothing at run time.
 */
export function layeringProblem(path, specifier, typeOnly = false) {
  const layer = layerOf(path);
  if (layer === null) return null;
  const rule = LAYERS[layer];
  const test = isTestFile(path);
  if (specifier.startsWith('.')) {
    const target = relative(ROOT, resolve(ROOT, dirname(path), specifier))
      .split('\\')
      .join('/');
    const targetLayer = layerOf(target);
    if (targetLayer === null || targetLayer === layer) return null;
    const allowed = [...rule.imports, ...(test ? (rule.tests ?? []) : [])];
    if (allowed.includes(targetLayer)) return null;
    return `${layer} may not import ${targetLayer} (see LAYERS in eslint.config.js)`;
  }
  const builtin = specifier.startsWith('node:') || NODE_BUILTINS.has(specifier);
  const name = packageName(specifier);
  // Unit tests of pure code run in node:test like every other test.
  const nodePackages = ['node', 'electron', 'electron-types'].includes(rule.packages);
  if (builtin) {
    return nodePackages || test ? null : `${layer} runs without Node: no ${specifier}`;
  }
  // electron-updater runs only inside Electron (it takes `app` from it): the same rule.
  if (name === 'electron' || name === 'electron-updater') {
    if (rule.packages === 'electron' || (rule.packages === 'electron-types' && typeOnly)) return null;
    return rule.packages === 'electron-types'
      ? `${layer} stands in for Electron: it may import its types (import type), not Electron itself`
      : 'Electron belongs in src-main/electron/ only; the core runs in plain Node.';
  }
  if (rule.packages === 'pure') {
    return PURE_PACKAGES.includes(name) ? null : `${layer} is pure TypeScript: ${name} is not allowed`;
  }
  if (rule.packages === 'dom') {
    return DOM_PACKAGES.includes(name)
      ? null
      : `the renderer runs sandboxed in the browser: ${name} is not allowed`;
  }
  return UI_PACKAGES.includes(name) ? `${name} belongs to the renderer` : null;
}

const layeringRule = {
  meta: { type: 'problem', schema: [], messages: { layer: '{{problem}}' } },
  create(context) {
    const path = relative(ROOT, context.filename).split('\\').join('/');
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      const kind = node.importKind ?? node.exportKind;
      const specifiers = node.specifiers ?? [];
      const typeOnly =
        kind === 'type' ||
        (specifiers.length > 0 && specifiers.every((s) => (s.importKind ?? s.exportKind) === 'type'));
      const problem = layeringProblem(path, specifier, typeOnly);
      if (problem) context.report({ node: node.source, messageId: 'layer', data: { problem } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local: { rules: { layering: layeringRule } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'local/layering': 'error',
    },
  },
  {
    // A function a reader cannot hold in mind is split by what it does (createApp by domain); tests
    // and route tables, which are lists, are exempt.
    files: ['src-main/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-support.ts', '**/test-support/**', '**/*-routes.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 150 }] },
  },
);
