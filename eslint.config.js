// Lint rules, including the layering the architecture depends on (VS Code style):
// src-shared is pure, only src-main/electron may touch Electron, the renderer never reaches into main.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  paths: [
    {
      name: 'electron',
      message: 'Electron belongs in src-main/electron/ only; the core runs in plain Node.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnlyInShell],
    },
  },
  {
    files: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-shared/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'react', 'react-dom'],
              message: 'src-shared is pure TypeScript: no Node, no DOM.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'src-shared depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    // Unit tests of the renderer's pure logic run in Node (node:test), like every other unit test.
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'electron'], message: 'The renderer runs sandboxed: no Node, no Electron.' },
            {
              group: ['**/src-main/**'],
              message: 'The renderer talks to main only through the PosApi contract.',
            },
          ],
        },
      ],
    },
  },
);
