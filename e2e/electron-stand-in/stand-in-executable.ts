// Stands in for the `electron` executable: `node stand-in-executable.ts <appPath> [args…]` runs the app
// as `electron <appPath> [args…]` does. It reads the app's package.json, makes `require('electron')`
// in the app resolve to this stand-in, runs the package's `main` (the real dist-electron/main.cjs) and,
// after that first tick, starts Chromium and emits 'ready' (electronjs.org/docs/latest/api/app#event-ready:
// "only fired after the main process has finished running the first tick of the event loop").
//
// Environment: ELECTRON_STAND_IN_CHROMIUM (JSON: executablePath, args) says which Chromium to start;
// ELECTRON_STAND_IN_KEYRING is the file that plays the desktop's secret store (safe-storage.ts).
import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { join, resolve } from 'node:path';
import { app, configureApp, emitReady, isQuitting } from './app-module.ts';
import { adoptWindow, onWindowCreated } from './browser-window.ts';
import { startChromium, devToolsEndpoint, type ChromiumLaunch } from './chromium-host.ts';
import { announceChromium, announceWindow, serveHarness } from './control-server.ts';
import { markReady } from './lifecycle.ts';
import { routeRequest } from './request-router.ts';
import { configureSafeStorage } from './safe-storage.ts';
import { newTabOpened } from './window-open.ts';

const MAIN_MODULE = new URL('./main-module.ts', import.meta.url).href;
/** main.cjs requires electron-updater as the bundle beside it (vite.config.ts). */
const UPDATER_MODULE = new URL('./electron-updater-module.ts', import.meta.url).href;

interface PackageJson {
  name: string;
  productName?: string;
  version: string;
  main?: string;
}

const [appArgument, ...appArguments] = process.argv.slice(2);
if (!appArgument) {
  process.stderr.write('usage: node stand-in-executable.ts <app folder> [arguments…]\n');
  process.exit(2);
}
const appPath = resolve(appArgument);
const packageJson = JSON.parse(readFileSync(join(appPath, 'package.json'), 'utf8')) as PackageJson;
const chromiumLaunch = JSON.parse(process.env.ELECTRON_STAND_IN_CHROMIUM ?? 'null') as ChromiumLaunch | null;
if (!chromiumLaunch) {
  process.stderr.write('Electron stand-in: ELECTRON_STAND_IN_CHROMIUM is not set\n');
  process.exit(2);
}

// What the main process sees of itself in Electron (electronjs.org/docs/latest/api/process).
process.argv = [process.execPath, appArgument, ...appArguments];
Object.defineProperty(process, 'type', { value: 'browser', enumerable: true });
configureApp({
  appPath,
  name: packageJson.name,
  productName: packageJson.productName,
  version: packageJson.version,
});
configureSafeStorage({
  keyringFile: process.env.ELECTRON_STAND_IN_KEYRING ?? null,
  applicationName: app.getName(),
});
registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'electron' || specifier === 'electron/main')
      return { url: MAIN_MODULE, shortCircuit: true };
    if (specifier === './electron-updater.cjs') return { url: UPDATER_MODULE, shortCircuit: true };
    return next(specifier, context);
  },
});
serveHarness();
onWindowCreated((window) => void announceWindow(window));

createRequire(join(appPath, 'package.json'))(join(appPath, packageJson.main ?? 'index.js'));

setImmediate(() => {
  // An app that quit during its first tick (a second instance) never becomes ready.
  if (isQuitting()) return;
  startChromium(app.getPath('sessionData'), chromiumLaunch, {
    route: routeRequest,
    popup: (page) => newTabOpened(page, adoptWindow),
  }).then(
    () => {
      announceChromium(devToolsEndpoint());
      markReady();
      emitReady();
    },
    (error: unknown) => {
      process.stderr.write(`Electron stand-in: Chromium did not start: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
