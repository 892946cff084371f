// BrowserWindow (electronjs.org/docs/latest/api/browser-window): a Chromium tab with main's view of its
// state. The stand-in takes only the options it honours or that change nothing without a screen; any
// other option, or a setting it cannot reproduce (an unsandboxed or non-isolated preload, a <webview>),
// fails like an unknown API rather than being quietly ignored.
import type { Page } from 'playwright-core';
import { app, sandboxEnabled } from './app-module.ts';
import { openPage } from './chromium-host.ts';
import { isReady, windowClosed, windowOpened, type OpenWindow } from './lifecycle.ts';
import { notImplemented, preventableEvent, strict, StrictEmitter } from './strict-surface.ts';
import { currentUrl, loadedUrls, markDestroyed, WebContents } from './web-contents.ts';
import type { WindowState } from './observations.ts';
import { decideWindowOpen } from './window-open.ts';

const EVENTS = ['ready-to-show', 'close', 'closed', 'show', 'focus', 'minimize', 'restore'];

/** Options without effect in a harness that has no screen, title bar or menu bar. */
const COSMETIC = new Set(['minWidth', 'minHeight', 'title', 'autoHideMenuBar', 'backgroundColor']);
const HONOURED = new Set(['width', 'height', 'show', 'webPreferences', 'kiosk']);
/** webPreferences the stand-in reproduces, with the only values it can. */
const PREFERENCES: Record<string, (value: unknown) => boolean> = {
  preload: (value) => typeof value === 'string',
  contextIsolation: (value) => value !== false,
  nodeIntegration: (value) => value !== true,
  nodeIntegrationInSubFrames: (value) => typeof value === 'boolean',
  nodeIntegrationInWorker: (value) => value !== true,
  sandbox: (value) => typeof value === 'boolean',
  javascript: (value) => typeof value === 'boolean',
  webSecurity: (value) => value !== false,
  allowRunningInsecureContent: (value) => value !== true,
  webviewTag: (value) => value !== true,
  // Electron's default is already false; the harness has no drag and drop.
  navigateOnDragDrop: (value) => value !== true,
  spellcheck: (value) => typeof value === 'boolean',
  safeDialogs: (value) => typeof value === 'boolean',
  devTools: (value) => typeof value === 'boolean',
};

interface WindowOptions {
  width?: number;
  height?: number;
  show?: boolean;
  kiosk?: boolean;
  webPreferences?: Record<string, unknown>;
  [option: string]: unknown;
}

function checkOptions(options: WindowOptions): void {
  for (const key of Object.keys(options)) {
    if (!HONOURED.has(key) && !COSMETIC.has(key)) throw notImplemented(`BrowserWindow option ${key}`);
  }
  const preferences = options.webPreferences ?? {};
  for (const [key, value] of Object.entries(preferences)) {
    const accepts = PREFERENCES[key];
    if (!accepts?.(value)) throw notImplemented(`webPreferences.${key} = ${JSON.stringify(value)}`);
  }
  // Sandboxed if app.enableSandbox() or sandbox: true (electronjs.org/docs/latest/api/app#appenablesandbox).
  if (preferences.preload !== undefined && !sandboxEnabled() && preferences.sandbox !== true) {
    throw notImplemented('a preload in an unsandboxed renderer');
  }
}

let nextWindowId = 1;
let adopting: Page | null = null;
const everyWindow: BrowserWindow[] = [];
let windowCreated: (window: BrowserWindow) => void = () => {};

/** For the harness: called with each new window. */
export function onWindowCreated(listener: (window: BrowserWindow) => void): void {
  windowCreated = listener;
}

export class BrowserWindow extends StrictEmitter {
  readonly id: number;
  readonly webContents: WebContents;
  private visible: boolean;
  private minimized = false;
  private focused = false;
  private destroyed = false;
  /** Kiosk mode: the harness has no screen to fill; it keeps the state for the spec to check. */
  private kiosk: boolean;
  /** webPreferences.devTools, "Whether to enable DevTools … Default is true." */
  private readonly devTools: boolean;
  private readonly history: string[] = [];
  private readonly page: Promise<Page>;
  private readonly handle: OpenWindow;

  constructor(options: WindowOptions = {}) {
    super('BrowserWindow', EVENTS);
    if (!isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    checkOptions(options);
    const self = strict('BrowserWindow', this);
    this.id = nextWindowId++;
    this.visible = options.show !== false;
    this.kiosk = options.kiosk === true;
    const preferences = options.webPreferences ?? {};
    this.devTools = preferences.devTools !== false;
    this.page = adopting ? Promise.resolve(adopting) : openPage(options.width ?? 800, options.height ?? 600);
    adopting = null;
    this.webContents = new WebContents(
      this.page,
      {
        preloadPath: typeof preferences.preload === 'string' ? preferences.preload : null,
        inSubFrames: preferences.nodeIntegrationInSubFrames === true,
        javascript: preferences.javascript !== false,
      },
      decideWindowOpen,
    );
    this.handle = { requestClose: () => self.closeAndWait(), discard: () => self.discard() };
    windowOpened(this.handle);
    everyWindow.push(self);
    app.emit('web-contents-created', preventableEvent(), this.webContents);
    app.emit('browser-window-created', preventableEvent(), self);
    this.webContents.once('did-finish-load', () => {
      // "emitted when the renderer process has rendered the page for the first time if the window has not been shown yet"
      if (!self.visible && !self.destroyed) self.emit('ready-to-show', preventableEvent());
    });
    void this.page.then((page) => page.on('close', () => self.closedBy('page')));
    if (this.visible) void self.show();
    windowCreated(self);
    return self;
  }

  loadURL(url: string, options?: object): Promise<void> {
    return this.webContents.loadURL(url, options);
  }

  /** "Shows and gives focus to the window." */
  show(): void {
    this.visible = true;
    this.note('show');
    this.emit('show', preventableEvent());
    this.focus();
  }

  focus(): void {
    this.focused = true;
    this.note('focus');
    void this.page.then((page) => page.bringToFront()).catch(() => {});
    this.emit('focus', preventableEvent());
  }

  minimize(): void {
    this.minimized = true;
    this.focused = false;
    this.note('minimize');
    this.emit('minimize', preventableEvent());
  }

  /** "Restores the window from minimized state to its previous state." */
  restore(): void {
    if (!this.minimized) return;
    this.minimized = false;
    this.note('restore');
    this.emit('restore', preventableEvent());
  }

  /** Enters or leaves kiosk mode (electronjs.org/docs/latest/api/browser-window#winsetkioskflag). */
  setKiosk(flag: boolean): void {
    if (typeof flag !== 'boolean') throw new TypeError('Insufficient number of arguments.');
    this.kiosk = flag;
    this.note(flag ? 'kiosk' : 'kiosk off');
  }

  isKiosk(): boolean {
    return this.kiosk;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isVisible(): boolean {
    return this.visible && !this.minimized;
  }

  isFocused(): boolean {
    return this.focused;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** "Same effect as a user manually clicking the close button … The web page may cancel the close." */
  close(): void {
    void this.closeAndWait();
  }

  /** Force closing: no close event, no beforeunload, but 'closed' is guaranteed. */
  destroy(): void {
    if (this.destroyed) return;
    void this.page.then((page) => page.close()).catch(() => {});
    this.closedBy('destroy');
  }

  private async closeAndWait(): Promise<boolean> {
    if (this.destroyed) return true;
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    const page = await this.page;
    // A beforeunload handler that returns a value cancels the close silently, as in Electron.
    const cancelled = new Promise<boolean>((resolve) =>
      page.once('dialog', (dialog) => {
        if (dialog.type() !== 'beforeunload') return;
        void dialog.dismiss();
        resolve(true);
      }),
    );
    const closed = new Promise<boolean>((resolve) => page.once('close', () => resolve(false)));
    await page.close({ runBeforeUnload: true });
    if (await Promise.race([cancelled, closed])) return false;
    this.closedBy('close');
    return true;
  }

  private discard(): void {
    this.destroyed = true;
    void this.page.then((page) => page.close()).catch(() => {});
  }

  private closedBy(how: string): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.note(`closed (${how})`);
    markDestroyed(this.webContents);
    this.emit('closed', preventableEvent());
    windowClosed(this.handle);
  }

  private note(step: string): void {
    this.history.push(step);
  }
}

/** Every window made since start, closed ones included, for the harness. */
export function windowsSoFar(): readonly BrowserWindow[] {
  return everyWindow;
}

/** For the harness: the window as the person at the till would describe it. */
export function describeWindow(window: BrowserWindow): WindowState {
  return {
    id: window.id,
    url: currentUrl(window.webContents),
    loads: loadedUrls(window.webContents),
    visible: window['visible'],
    minimized: window['minimized'],
    focused: window['focused'],
    destroyed: window['destroyed'],
    kiosk: window['kiosk'],
    devTools: window['devTools'],
    history: [...window['history']],
  };
}

/** For the harness: the tab behind a window. */
export function pageOf(window: BrowserWindow): Promise<Page> {
  return window['page'];
}

/** Makes a tab the renderer opened (and main allowed) a BrowserWindow, as Electron creates one. */
export function adoptWindow(page: Page, opener: WebContents, url: string): void {
  adopting = page;
  const window = new BrowserWindow({ show: true });
  opener.emit('did-create-window', window, { url, frameName: '', options: {}, disposition: 'new-window' });
}
