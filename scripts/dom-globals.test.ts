// tsconfig.dom.json types the code that runs in the renderer's sandbox (src-shared and src-renderer):
// Node's globals must not type-check there, whatever a dependency's types reference. A probe that uses
// Buffer and process beside every src-shared module must fail with "cannot find name".
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');

test('Node globals do not type-check under tsconfig.dom.json, with all of src-shared loaded', () => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.dom.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)),
    },
  );
  assert.ok(config);
  const shared = config.fileNames.filter((file) => file.includes('/src-shared/'));
  assert.ok(
    shared.some((file) => file.endsWith('qr-matrix.ts')),
    'src-shared is in the DOM program',
  );
  const probe = join(ROOT, 'src-shared', 'node-globals-probe.ts');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) =>
    file === probe
      ? 'export const a: Buffer | undefined = undefined;\nexport const b = process.env;\n'
      : readFile(file);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === probe || fileExists(file);
  const program = ts.createProgram([...shared, probe], config.options, host);
  const probeFile = program.getSourceFile(probe);
  const missing = program
    .getSemanticDiagnostics(probeFile)
    .filter((d) => [2580, 2591].includes(d.code))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.equal(missing.length, 2, `Buffer and process must be unknown: ${missing.join(' | ')}`);
  const elsewhere = ts.getPreEmitDiagnostics(program).filter((d) => d.file && d.file !== probeFile);
  assert.deepEqual(
    elsewhere.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    [],
  );
});
