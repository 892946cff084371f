// "DEP-Datei prüfen" on the closing screen (F6): the till's own DEP, taken from its archive, is valid
// (with the emulator's crypto material the counter is checked too); a copy with a receipt taken out is
// invalid and the screen names the receipt after the gap by its number and place; a file that is no DEP
// cannot be checked, and says why.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { payWithEnter, ringUp, waitForSaleFinished } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile({}, async ({ page }) => {
  await ringUp(page, { amount: '3,80', quantity: '1', rate: '10', text: 'Melange' });
  await payWithEnter(page);
  await waitForSaleFinished(page);
  await page.keyboard.press('Enter'); // next sale
  await ringUp(page, { amount: '2,90', quantity: '2', rate: '10', text: 'Topfengolatsche' });
  await payWithEnter(page);
  await waitForSaleFinished(page);
});

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dep-check-e2e-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('F6 → "DEP-Datei prüfen": the own DEP is valid, a copy without a receipt names the gap, a non-DEP says why', async () => {
  const { page, app } = till();
  const archived = await app.api.archiveNow({});
  const files = await readdir(join(archived.archiveDir, 'dep7'));
  assert.equal(files.length, 1, files.join(', '));
  const depFile = join(archived.archiveDir, 'dep7', files[0] ?? '');
  const register = (await app.api.status(undefined)).register;
  assert.ok(register);
  const cryptoFile = join(dir, 'crypto.json');
  await writeFile(cryptoFile, JSON.stringify(await app.emulatorCryptoMaterial(register.id)));

  await page.keyboard.press('F6');
  const section = page.getByTestId('closings-dep-check');
  const verdict = section.getByTestId('dep-check-verdict');
  const check = async (path: string, crypto = '') => {
    await section.getByTestId('dep-check-path').fill(path);
    await section.getByTestId('dep-check-crypto').fill(crypto);
    await section.getByTestId('dep-check-submit').click();
    await verdict.waitFor();
    return verdict;
  };

  // Startbeleg and two sales; 3,80 € + 5,80 € on the counter.
  await check(depFile, cryptoFile);
  assert.equal(await verdict.getAttribute('data-verdict'), 'valid');
  assert.equal(await verdict.innerText(), 'Gültig: 3 Belege ohne Fehler.');
  assert.equal(await section.getByTestId('dep-check-not-checked').count(), 0);
  assert.equal(await section.getByTestId('dep-check-counter').innerText(), '9,60 €');

  // Without the material the counter is said to be unchecked.
  await check(depFile);
  assert.match(
    await verdict.innerText(),
    /^Gültig: 3 Belege ohne Fehler\.\s+Nicht geprüft: der Umsatzzähler \(kein AES-Schlüssel\)\.$/,
  );

  const dep = JSON.parse(await readFile(depFile, 'utf8')) as {
    'Belege-Gruppe': Array<{ 'Belege-kompakt': string[] }>;
  };
  dep['Belege-Gruppe'][0]?.['Belege-kompakt'].splice(1, 1);
  const gapFile = join(dir, 'ohne-beleg-2.json');
  await writeFile(gapFile, JSON.stringify(dep));
  await check(gapFile, cryptoFile);
  assert.equal(await verdict.getAttribute('data-verdict'), 'invalid');
  const findings = await section.getByTestId('dep-check-findings').innerText();
  assert.match(
    findings,
    /Beleg Nr\. 3 \(Position 2 in der Datei, Gruppe 1 Nr\. 2\): Lücke, es fehlen die Belege 2–2/,
  );
  assert.match(
    findings,
    /Beleg Nr\. 3 \(Position 2 in der Datei, Gruppe 1 Nr\. 2\): Umsatzzähler 9,60 € statt 5,80 €/,
  );

  await check(join(archived.archiveDir, 'manifest.jsonl'));
  assert.equal(await verdict.getAttribute('data-verdict'), 'unusable');
  assert.match(await verdict.innerText(), /^Nicht prüfbar: keine DEP-Datei: /);

  // A path the screen cannot mean: said, nothing checked.
  await section.getByTestId('dep-check-path').fill('dep.json');
  await section.getByTestId('dep-check-submit').click();
  assert.match(await section.getByTestId('dep-check-problem').innerText(), /vollständigen Pfad/);
  assert.equal(await verdict.count(), 0);
});
