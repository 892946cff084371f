// The layering table in eslint.config.js, checked through ESLint itself: a probe file in every folder of
// the table imports every other folder, and exactly the pairs the table does not list must fail. Probes
// are linted in memory under a path inside the folder, so the repository holds no broken file.
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { LAYERS as TABLE } from '../eslint.config.js';

const ROOT = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });
interface LayerRule {
  imports: readonly string[];
  tests?: readonly string[];
}
const LAYERS: Readonly<Record<string, LayerRule>> = TABLE;
const NAMES = Object.keys(LAYERS);

/** A file path inside a layer (src-main/app also holds src-main/app.ts). */
const fileIn = (layer: string, name: string) => join(ROOT, layer, name);

async function layeringErrors(filePath: string, code: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result, 'ESLint returned a result');
  return result.messages.filter((m) => m.ruleId === 'local/layering').map((m) => m.line);
}

function importsOf(from: string, targets: readonly string[]): string {
  return targets
    .map((target, i) => {
      let path = relative(join(ROOT, from), fileIn(target, 'probe-target.ts')).split('\\').join('/');
      if (!path.startsWith('.')) path = `./${path}`;
      return `export { x as x${i} } from '${path}';`;
    })
    .join('\n');
}

for (const layer of NAMES) {
  test(`${layer}: imports of exactly the folders not in its row fail lint`, async () => {
    const others = NAMES.filter((name) => name !== layer);
    const rule = LAYERS[layer];
    assert.ok(rule);
    const failing = await layeringErrors(fileIn(layer, 'probe.ts'), importsOf(layer, others));
    const expected = others.flatMap((name, i) => (rule.imports.includes(name) ? [] : [i + 1]));
    assert.deepEqual(failing, expected, `lines that fail for ${layer}: ${failing.map((l) => others[l - 1])}`);
    // Test files follow the same table, with the row's test column added.
    const testFailing = await layeringErrors(fileIn(layer, 'probe.test.ts'), importsOf(layer, others));
    const allowedInTests = [...rule.imports, ...(rule.tests ?? [])];
    const expectedInTests = others.flatMap((name, i) => (allowedInTests.includes(name) ? [] : [i + 1]));
    assert.deepEqual(testFailing, expectedInTests);
  });
}

test('the directions the architecture names are refused, in both directions between the shells', async () => {
  const refused: [string, string][] = [
    ['src-main/electron/probe.ts', "import { x } from '../headless/start-headless.ts';"],
    ['src-main/headless/probe.ts', "import { x } from '../electron/main.ts';"],
    ['src-main/signing/probe.ts', "import { x } from '../electron/main.ts';"],
    ['src-main/signing/probe.ts', "import { x } from '../headless/serve.ts';"],
    ['src-main/journal/probe.ts', "import { x } from '../../src-renderer/App.tsx';"],
    ['src-main/app.ts', "import { x } from './shell/data-dir-lock.ts';"],
    ['src-main/onboarding/probe.test-support.ts', "import { x } from '../headless/serve.ts';"],
    ['src-main/pos-api/probe.test.ts', "import { x } from '../shell/renderer-files.ts';"],
    ['src-shared/probe.ts', "import { x } from '../src-main/rksv/jws.ts';"],
    ['src-renderer/probe.tsx', "import { x } from '../src-main/app.ts';"],
    ['src-shared/probe.ts', "import { readFileSync } from 'node:fs';"],
    ['src-renderer/probe.tsx', "import { join } from 'path';"],
    ['src-shared/probe.ts', "import { create } from 'zustand';"],
    ['src-main/printing/probe.ts', "import { app } from 'electron';"],
    ['src-main/headless/probe.ts', "import { app } from 'electron';"],
    ['src-main/journal/probe.ts', "import { useState } from 'react';"],
    ['e2e/electron-stand-in/probe.ts', "import { app } from 'electron';"],
    ['e2e/electron-stand-in/probe.ts', "import { type App, app } from 'electron';"],
    ['e2e/electron-stand-in/probe.ts', "import { x } from '../../src-main/electron/ipc.ts';"],
    ['e2e/electron-stand-in/probe.ts', "import { x } from '../support/launch.ts';"],
    ['e2e/probe.ts', "import type { App } from 'electron';"],
  ];
  for (const [file, code] of refused) {
    assert.deepEqual(await layeringErrors(join(ROOT, file), code), [1], `${file}: ${code}`);
  }
  const allowed: [string, string][] = [
    ['src-main/electron/probe.ts', "import { app } from 'electron';"],
    ['src-main/electron/probe.ts', "import { x } from '../shell/data-dir-lock.ts';"],
    ['src-shared/probe.ts', "import { z } from 'zod';"],
    ['src-shared/probe.test.ts', "import { test } from 'node:test';"],
    ['src-renderer/probe.tsx', "import { useState } from 'react';"],
    ['e2e/electron-stand-in/probe.ts', "import type { App } from 'electron';"],
    ['e2e/electron-stand-in/probe.ts', "import { type App } from 'electron';"],
    ['e2e/electron-stand-in/probe.ts', "import { chromium } from 'playwright-core';"],
    ['e2e/support/probe.ts', "import { x } from '../electron-stand-in/stand-in-application.ts';"],
  ];
  for (const [file, code] of allowed) {
    assert.deepEqual(await layeringErrors(join(ROOT, file), code), [], `${file}: ${code}`);
  }
});
