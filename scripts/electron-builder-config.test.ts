// electron-builder only reads its configuration when packaging, which CI does not do; this checks the
// file against electron-builder's own schema and the settings the security checklist asks for.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { REPO_ROOT } from './electron-binary.ts';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  /** electron-builder normalizes the list into file sets. */
  files?: { filter?: string[] }[];
  electronFuses?: Record<string, boolean>;
  win?: { target?: { target: string }[] };
  linux?: { target?: string[] };
}

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, extra: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, log: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

test('electron-builder.yml is valid and packages the app with the risky fuses off', async () => {
  const config = await getConfig(REPO_ROOT, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  assert.equal(config.productName, 'Kassen-Companion');
  assert.ok(config.appId);
  assert.deepEqual(
    config.win?.target?.map((t) => t.target),
    ['nsis'],
  );
  assert.deepEqual(config.linux?.target, ['AppImage', 'deb']);
  const files = config.files?.flatMap((set) => set.filter ?? []) ?? [];
  for (const pattern of ['dist/renderer/**/*', 'dist-electron/**/*', '!node_modules/**/*']) {
    assert.ok(files.includes(pattern), pattern);
  }
  assert.equal(config.electronFuses?.runAsNode, false);
  assert.equal(config.electronFuses?.enableNodeOptionsEnvironmentVariable, false);
  assert.equal(config.electronFuses?.onlyLoadAppFromAsar, true);
});
