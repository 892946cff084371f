// Both shells on one data folder, as when a merchant moves from the service to the desktop app and
// back: what one writes in the settings the other reads, and secrets are read where the other shell
// can open them (the service's key file, from the desktop app) or the shell says it cannot (the OS
// keychain behind Electron's safeStorage, from the service).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createConfSettingsStore } from '../src-main/host/conf-settings-store.ts';
import { PORT_SETTING } from '../src-main/pos-api/switchable-pos-api.ts';
import { createDesktopMachine, startDesktopApp } from './support/desktop-app.ts';
import { startHeadlessApp } from './support/headless-app.ts';
import { startDemo } from './support/till-page.ts';

test('the service, the desktop app and the service again each read what the other wrote', async () => {
  const machine = await createDesktopMachine();
  // The POS API follows the shared settings; on a free port, never 8420.
  createConfSettingsStore(machine.dataDir).set(PORT_SETTING, 0);
  try {
    // The service first: it sets up the demo (its secret sealed under the key file) and names the business.
    const service = await startHeadlessApp({ dataDir: machine.dataDir });
    try {
      await service.api.updateSettings({
        company: { name: 'Café Dienst', address: 'Dienstgasse 1, 1010 Wien', vatId: null },
      });
    } finally {
      await service.stop();
    }

    let tokenShownByDesktop = '';
    const desktop = await startDesktopApp({ machine });
    try {
      const { page } = desktop;
      // The demo runs on the secret the service sealed: the desktop app opened the key file.
      await startDemo(page);
      await page.keyboard.press('F12');
      const company = page.getByTestId('settings-company');
      const name = company.getByLabel('Name');
      await name.waitFor();
      assert.equal(await name.inputValue(), 'Café Dienst');
      await name.fill('Café Fenster');
      await company.getByRole('button', { name: 'Speichern' }).click();
      await company.getByText('Gespeichert.').waitFor();

      const posApi = page.getByTestId('settings-pos-api');
      // A controlled checkbox: it shows the new state once main has switched the API on.
      await posApi.getByLabel('POS-API eingeschaltet').click();
      const token = posApi.getByTestId('pos-api-token');
      // Masked until asked for.
      await posApi.getByTestId('pos-api-token-show').click();
      tokenShownByDesktop = (await token.textContent()) ?? '';
      assert.match(tokenShownByDesktop, /^\S{24,}$/);
      assert.deepEqual((await desktop.standIn.observations()).unknownApi, []);
    } finally {
      await desktop.stop();
    }

    const again = await startHeadlessApp({ dataDir: machine.dataDir });
    try {
      assert.equal((await again.api.getSettings(undefined)).company?.name, 'Café Fenster');
      const info = await again.api.getPosApiInfo(undefined);
      assert.equal(info.enabled, true, 'the POS API the desktop app switched on stays on');
      // The desktop app sealed the token with safeStorage (the OS keychain), which the service has no
      // way to open: it may not hand out another token without saying so.
      assert.ok(
        info.token === tokenShownByDesktop ||
          /POS-API-Token nicht lesbar, ein neues wird erzeugt/.test(again.output()),
        `token ${info.token} vs ${tokenShownByDesktop}\n${again.output()}`,
      );
    } finally {
      await again.stop();
    }
  } finally {
    await machine.remove();
  }
});
