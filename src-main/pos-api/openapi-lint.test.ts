// The OpenAPI document as integrators' tools see it: Redocly's linter with its recommended rules finds no
// error and no warning. The linter runs as its own process (its CLI, from node_modules), offline: no
// telemetry, no update check.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildOpenApiDocument } from './openapi-document.ts';

const REDOCLY = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kc-openapi-lint-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

async function lint(document: unknown): Promise<LintReport> {
  const file = join(dir, `openapi-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(document, null, 2));
  const run = await promisify(execFile)(
    process.execPath,
    [REDOCLY, 'lint', file, '--extends', 'recommended', '--format', 'json'],
    {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true' },
      encoding: 'utf8',
    },
  ).catch((error: unknown) => {
    // Errors exit 1 with the report on stdout all the same.
    const stdout = (error as { stdout?: string }).stdout;
    if (typeof stdout === 'string' && stdout.trim().startsWith('{')) return { stdout };
    throw error;
  });
  return JSON.parse(run.stdout) as LintReport;
}

function listed(report: LintReport): string {
  return report.problems
    .map((p) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`)
    .join('\n');
}

test('redocly lint (recommended) finds nothing in the POS API document', async () => {
  const report = await lint(buildOpenApiDocument());
  assert.deepEqual(report.totals, { ...report.totals, errors: 0, warnings: 0 }, listed(report));
});

test('the linter does fail a document that breaks a recommended rule', async () => {
  const document = buildOpenApiDocument() as Record<string, unknown>;
  const { license: _license, ...info } = document.info as Record<string, unknown>;
  const report = await lint({ ...document, info, servers: [] });
  const rules = new Set(report.problems.map((p) => p.ruleId));
  assert.ok(rules.has('info-license'), listed(report));
  assert.ok(rules.has('no-empty-servers'), listed(report));
});
