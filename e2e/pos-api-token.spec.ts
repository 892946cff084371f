// The POS API token in the settings (F12): masked until shown, copied with one click ("kopiert", and it
// is on the clipboard), and replaced after a confirmation: the screen shows the new token, and the local
// POS API refuses the old one (401) while the new one works.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile({ args: ['--pos-api'] });

async function statusWith(url: string, token: string): Promise<number> {
  const response = await fetch(`${url}/status`, { headers: { Authorization: `Bearer ${token}` } });
  return response.status;
}

test('the token is masked, copied with "kopiert", and a new one shuts the old one out of the POS API', async () => {
  const { page, app, browser } = till();
  const before = await app.api.getPosApiInfo(undefined);
  assert.ok(before.url && before.token, `the POS API is on: ${JSON.stringify(before)}`);
  assert.equal(await statusWith(before.url, before.token), 200);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });

  await page.keyboard.press('F12');
  const section = page.getByTestId('settings-pos-api');
  const shown = section.getByTestId('pos-api-token');
  await shown.waitFor();
  assert.ok(!((await shown.textContent()) ?? '').includes(before.token), 'masked until asked for');
  await section.getByTestId('pos-api-token-show').click();
  assert.equal(await shown.textContent(), before.token);

  await section.getByTestId('pos-api-token-copy').click();
  await section.getByTestId('pos-api-token-copied').filter({ hasText: 'kopiert' }).waitFor();
  const clipboard = await page.evaluate(() => {
    // Runs in the page; the e2e code is typed for Node, so the DOM is described by hand.
    const { navigator } = globalThis as unknown as {
      navigator: { clipboard: { readText(): Promise<string> } };
    };
    return navigator.clipboard.readText();
  });
  assert.equal(clipboard, before.token, 'the token is on the clipboard');

  // A confirmation first: cancelled, nothing changes.
  await section.getByTestId('pos-api-token-renew').click();
  await section.getByRole('button', { name: 'Abbrechen' }).click();
  assert.equal((await app.api.getPosApiInfo(undefined)).token, before.token);

  await section.getByTestId('pos-api-token-renew').click();
  await section.getByTestId('pos-api-token-renew-yes').click();
  await section.getByTestId('pos-api-token-renewed').waitFor();
  const after = await app.api.getPosApiInfo(undefined);
  assert.ok(after.token && after.token !== before.token, 'a new token');
  assert.equal(await shown.textContent(), after.token, 'the screen shows the new token');
  assert.equal(await section.getByTestId('pos-api-token-copied').count(), 0, '"kopiert" was the old one');

  assert.equal(await statusWith(before.url, before.token), 401, 'the old token is refused');
  assert.equal(await statusWith(before.url, after.token), 200, 'the new one works');
});
