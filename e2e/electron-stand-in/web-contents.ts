// WebContents (electronjs.org/docs/latest/api/web-contents): a window's page as main sees it. Its
// renderer is a Chromium tab (renderer-process.ts); main's view of URLs stays Electron's (app://…).
import type { WebContents as ElectronWebContents, PrinterInfo } from 'electron';
import type { Page } from 'playwright-core';
import { invokeFromRenderer, nextRendererProcessId } from './ipc-main.ts';
import { recorded } from './observations.ts';
import { RendererProcess, type RendererOptions, type WindowOpenRequest } from './renderer-process.ts';
import { toChromiumUrl, toElectronUrl } from './scheme-address.ts';
import { notImplemented, preventableEvent, strict, StrictEmitter } from './strict-surface.ts';
import type { WebFrameMain } from './web-frame-main.ts';

// 'will-attach-webview' is never emitted: with webviewTag off (the only setting the stand-in takes)
// a page cannot create a <webview>.
const EVENTS = [
  'will-navigate',
  'will-redirect',
  'will-attach-webview',
  'did-finish-load',
  'did-create-window',
  'destroyed',
];

type WindowOpenHandler = Parameters<ElectronWebContents['setWindowOpenHandler']>[0];

interface ContentsState {
  id: number;
  processId: number;
  renderer: Promise<RendererProcess>;
  current: RendererProcess | null;
  destroyed: boolean;
  windowOpenHandler: WindowOpenHandler | null;
  /** The Chromium URL a loadURL is navigating to: that navigation is main's, not the page's. */
  programmaticLoad: string | null;
  /** Every URL main loaded, in order: what a window showed, even one closed again at once. */
  loads: string[];
}

const states = new WeakMap<object, ContentsState>();
const byPage = new Map<Page, WebContents>();
let nextId = 1;

function stateOf(contents: object): ContentsState {
  const state = states.get(contents);
  if (!state) throw new Error('Electron stand-in: not a webContents');
  return state;
}

interface PdfOptions {
  landscape?: boolean;
  printBackground?: boolean;
  scale?: number;
  pageSize?: string | { width: number; height: number };
  margins?: { top?: number; bottom?: number; left?: number; right?: number };
  pageRanges?: string;
  preferCSSPageSize?: boolean;
}
const PDF_OPTIONS = new Set([
  'landscape',
  'printBackground',
  'scale',
  'pageSize',
  'margins',
  'pageRanges',
  'preferCSSPageSize',
]);
/** print-to-pdf-margins: each margin "defaults to 1cm (~0.4 inches)". */
const DEFAULT_MARGIN_INCHES = 1 / 2.54;

export class WebContents extends StrictEmitter {
  constructor(
    page: Promise<Page>,
    options: RendererOptions,
    onWindowOpen: (contents: WebContents, request: WindowOpenRequest) => void,
  ) {
    super('webContents', EVENTS);
    const self = strict('webContents', this);
    const processId = nextRendererProcessId();
    const state: ContentsState = {
      id: nextId++,
      processId,
      current: null,
      destroyed: false,
      windowOpenHandler: null,
      programmaticLoad: null,
      loads: [],
      renderer: page.then((opened) =>
        RendererProcess.start(opened, options, {
          invoke: (source, channel, args) => invokeFromRenderer(self, processId, source, channel, args),
          windowOpen: (request) => onWindowOpen(self, request),
          report: (kind, text) => {
            if (kind === 'unknown-api') notImplemented(text);
            else recorded.preloadErrors.push(text);
          },
        }),
      ),
    };
    state.renderer.then(
      (renderer) => {
        state.current = renderer;
        byPage.set(renderer.page, self);
      },
      () => {},
    );
    states.set(self, state);
    return self;
  }

  get id(): number {
    return stateOf(this).id;
  }

  /** The WebFrameMain of the top frame; the same object for as long as the page lives. */
  get mainFrame(): WebFrameMain {
    const renderer = stateOf(this).current;
    if (!renderer) throw new Error('Electron stand-in: the page is not open yet');
    return renderer.mainFrame();
  }

  isDestroyed(): boolean {
    return stateOf(this).destroyed;
  }

  /** Arguments are structured-cloned now (a function throws); delivery to the page is asynchronous. */
  send(channel: string, ...args: unknown[]): void {
    const cloned = structuredClone(args);
    const state = stateOf(this);
    void state.renderer.then((renderer) => (state.destroyed ? undefined : renderer.send(channel, cloned)));
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    stateOf(this).windowOpenHandler = handler;
  }

  /**
   * "Resolves when the page has finished loading (did-finish-load), and rejects if the page fails to
   * load … A noop rejection handler is already attached." No will-navigate: the navigation is main's.
   */
  loadURL(url: string, options?: object): Promise<void> {
    if (options !== undefined) throw notImplemented('webContents.loadURL(url, options)');
    const state = stateOf(this);
    state.loads.push(url);
    const loading = (async () => {
      const renderer = await state.renderer;
      const target = toChromiumUrl(url);
      state.programmaticLoad = new URL(target).href;
      try {
        await renderer.page.goto(target, { waitUntil: 'load', timeout: 0 });
      } catch (error) {
        const reason = /net::(ERR_[A-Z_]+)/.exec(String(error))?.[1] ?? 'ERR_FAILED';
        throw new Error(`${reason} loading '${url}'`, { cause: error });
      } finally {
        state.programmaticLoad = null;
      }
      this.emit('did-finish-load', preventableEvent());
    })();
    loading.catch(() => {});
    return loading;
  }

  async printToPDF(options: PdfOptions = {}): Promise<Buffer> {
    for (const key of Object.keys(options))
      if (!PDF_OPTIONS.has(key)) throw notImplemented(`printToPDF option ${key}`);
    const renderer = await stateOf(this).renderer;
    const size = options.pageSize ?? 'Letter';
    const inches = (value: number | undefined) => `${value ?? DEFAULT_MARGIN_INCHES}in`;
    return renderer.page.pdf({
      landscape: options.landscape ?? false,
      printBackground: options.printBackground ?? false,
      scale: options.scale ?? 1,
      ...(typeof size === 'string'
        ? { format: size }
        : { width: `${size.width}in`, height: `${size.height}in` }),
      margin: {
        top: inches(options.margins?.top),
        bottom: inches(options.margins?.bottom),
        left: inches(options.margins?.left),
        right: inches(options.margins?.right),
      },
      pageRanges: options.pageRanges ?? '',
      preferCSSPageSize: options.preferCSSPageSize ?? false,
    });
  }

  /** The system's printers: the harness machine has none that Chromium offers. */
  async getPrintersAsync(): Promise<PrinterInfo[]> {
    return [];
  }
}

export function contentsOfPage(page: Page): WebContents | null {
  return byPage.get(page) ?? null;
}

export function rendererOf(contents: object): Promise<RendererProcess> {
  return stateOf(contents).renderer;
}

export function windowOpenHandlerOf(contents: object): WindowOpenHandler | null {
  return stateOf(contents).windowOpenHandler;
}

export function processIdOf(contents: object): number {
  return stateOf(contents).processId;
}

/** True (once) when `chromiumUrl` is the navigation a loadURL started. */
export function isProgrammaticLoad(contents: object, chromiumUrl: string): boolean {
  const state = stateOf(contents);
  return state.programmaticLoad !== null && state.programmaticLoad === new URL(chromiumUrl).href;
}

/** The URL of the main frame, as Electron reports it. */
export function currentUrl(contents: object): string {
  const renderer = stateOf(contents).current;
  return renderer ? toElectronUrl(renderer.mainFrameChromiumUrl()) : '';
}

export function markDestroyed(contents: WebContents): void {
  const state = stateOf(contents);
  if (state.destroyed) return;
  state.destroyed = true;
  if (state.current) byPage.delete(state.current.page);
  contents.emit('destroyed', preventableEvent());
}

/** For the harness: every URL main loaded into `contents`, in order. */
export function loadedUrls(contents: WebContents): string[] {
  return [...stateOf(contents).loads];
}
