import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distPlan } from './dist.ts';

test('with KASSEN_UPDATE_URL the package names its update feed and electron-builder writes the feed files', () => {
  const plan = distPlan({ KASSEN_UPDATE_URL: 'https://updates.example.at/kassen/', CSC_LINK: 'cert.p12' });
  assert.deepEqual(plan.args, [
    '--publish',
    'never',
    '--config.extraMetadata.updateUrl=https://updates.example.at/kassen/',
    '--config.publish.provider=generic',
    '--config.publish.url=https://updates.example.at/kassen/',
  ]);
  assert.deepEqual(plan.notes, ['Updates von https://updates.example.at/kassen/']);
});

test('without an update address or a certificate, the build says both: no updates, and unsigned', () => {
  const plan = distPlan({});
  assert.deepEqual(plan.args, ['--publish', 'never']);
  assert.match(plan.notes[0] ?? '', /Keine automatischen Updates/);
  assert.match(plan.notes[1] ?? '', /^UNSIGNIERT: CSC_LINK/);
});

test('an update address over plain http to another machine stops the build', () => {
  assert.throws(
    () => distPlan({ KASSEN_UPDATE_URL: 'http://updates.example.at/', CSC_LINK: 'c' }),
    /KASSEN_UPDATE_URL: Update-Adresse muss https sein/,
  );
});
