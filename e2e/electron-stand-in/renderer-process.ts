// The renderer side of one window, driven over the DevTools protocol: Chromium's frames (for
// WebFrameMain), the preload's isolated world in each document and the IPC between that world and
// main. Electron runs a sandboxed preload in an isolated world of the renderer before the page's
// scripts (electronjs.org/docs/latest/tutorial/process-model#preload-scripts); so does this: a script
// for a world of its own that Chromium evaluates at the start of every new document, with a binding
// only that world can call. The page's own world never sees ipcRenderer.
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { runMainWorldBridge } from './main-world-script.ts';
import { runPreloadWorld, type PreloadWorldConfig } from './preload-world-script.ts';
import { WebFrameMain, type FrameRecord } from './web-frame-main.ts';
import { createWireCodec } from './wire-codec.ts';
import { createWorldLink } from './world-link.ts';

const PRELOAD_WORLD = 'electron-stand-in-preload';
const BINDING = '__electronStandInIpc';
const GLOBAL_KEY = '__electronStandInPreload';
const EVENT_PREFIX = 'electron-stand-in:';

export interface RendererOptions {
  preloadPath: string | null;
  /** webPreferences.nodeIntegrationInSubFrames */
  inSubFrames: boolean;
  /** webPreferences.javascript */
  javascript: boolean;
}

/** Where an IPC message came from: the frame, and the document (its isolated context) that sent it. */
export interface IpcSource {
  frame: WebFrameMain;
  /** False once that frame has navigated to another document or is gone (senderFrame turns null). */
  isCurrent(): boolean;
}

export interface WindowOpenRequest {
  url: string;
  frameName: string;
  features: string;
  userGesture: boolean;
}

interface RendererHooks {
  invoke(
    source: IpcSource,
    channel: string,
    args: unknown[],
  ): Promise<{ error: string | null; result: unknown }>;
  windowOpen(request: WindowOpenRequest): void;
  report(kind: 'unknown-api' | 'preload-error', text: string): void;
}

const ipcCodec = createWireCodec({});

function preloadScript(config: PreloadWorldConfig, preloadCode: string): string {
  const preload = `function (require, process, exports, module, Buffer, global, setImmediate, clearImmediate) {\n${preloadCode}\n}`;
  return `(${runPreloadWorld})(${JSON.stringify(config)}, ${createWireCodec}, ${createWorldLink}, ${preload});`;
}

function mainWorldScript(inSubFrames: boolean): string {
  const config = { eventPrefix: EVENT_PREFIX, inSubFrames };
  return `(${runMainWorldBridge})(${JSON.stringify(config)}, ${createWireCodec}, ${createWorldLink});`;
}

interface FrameTree {
  frame: { id: string; parentId?: string; url: string; urlFragment?: string; name?: string };
  childFrames?: FrameTree[];
}

export class RendererProcess {
  readonly page: Page;
  private readonly session: CDPSession;
  private readonly hooks: RendererHooks;
  private readonly preloadCode: string | null;
  private readonly preloadPath: string | null;
  private readonly records = new Map<string, FrameRecord & { name: string }>();
  private readonly frames = new Map<string, WebFrameMain>();
  /** Per frame, the preload world's context of its current document; and each context's frame. */
  private readonly preloadContexts = new Map<string, number>();
  private readonly mainContexts = new Map<string, number>();
  private readonly frameOfContext = new Map<number, string>();

  private constructor(page: Page, session: CDPSession, options: RendererOptions, hooks: RendererHooks) {
    this.page = page;
    this.session = session;
    this.hooks = hooks;
    this.preloadPath = options.preloadPath;
    this.preloadCode = options.preloadPath ? readFileSync(options.preloadPath, 'utf8') : null;
  }

  /** The DevTools target of this tab, by which the spec finds the same page. */
  async targetId(): Promise<string> {
    const { targetInfo } = await this.session.send('Target.getTargetInfo');
    return targetInfo.targetId;
  }

  static async start(page: Page, options: RendererOptions, hooks: RendererHooks): Promise<RendererProcess> {
    const session = await page.context().newCDPSession(page);
    const renderer = new RendererProcess(page, session, options, hooks);
    await renderer.listen(options);
    return renderer;
  }

  private async listen(options: RendererOptions): Promise<void> {
    const { session } = this;
    session.on('Page.frameAttached', ({ frameId, parentFrameId }) =>
      this.record(frameId, parentFrameId ?? null),
    );
    session.on('Page.frameNavigated', ({ frame }) => {
      const record = this.record(frame.id, frame.parentId ?? null);
      record.chromiumUrl = frame.url + (frame.urlFragment ?? '');
      record.name = frame.name ?? '';
    });
    session.on('Page.navigatedWithinDocument', ({ frameId, url }) => {
      const record = this.records.get(frameId);
      if (record) record.chromiumUrl = url;
    });
    session.on('Page.frameDetached', ({ frameId, reason }) => {
      // 'swap': the frame moves to another renderer process and lives on.
      if (reason !== 'swap') this.forget(frameId);
    });
    session.on('Page.windowOpen', ({ url, windowName, windowFeatures, userGesture }) =>
      this.hooks.windowOpen({ url, frameName: windowName, features: windowFeatures.join(','), userGesture }),
    );
    session.on('Runtime.executionContextCreated', ({ context }) => {
      const frameId = (context.auxData as { frameId?: string } | undefined)?.frameId;
      if (!frameId) return;
      const isDefault = (context.auxData as { isDefault?: boolean }).isDefault === true;
      if (context.name === PRELOAD_WORLD) this.preloadContexts.set(frameId, context.id);
      else if (isDefault) this.mainContexts.set(frameId, context.id);
      this.frameOfContext.set(context.id, frameId);
    });
    session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
      const frameId = this.frameOfContext.get(executionContextId);
      this.frameOfContext.delete(executionContextId);
      if (frameId === undefined) return;
      if (this.preloadContexts.get(frameId) === executionContextId) this.preloadContexts.delete(frameId);
      if (this.mainContexts.get(frameId) === executionContextId) this.mainContexts.delete(frameId);
    });
    session.on('Runtime.executionContextsCleared', () => {
      this.preloadContexts.clear();
      this.mainContexts.clear();
      this.frameOfContext.clear();
    });
    session.on('Runtime.bindingCalled', ({ name, payload, executionContextId }) => {
      if (name === BINDING) void this.fromPreload(executionContextId, payload);
    });

    await session.send('Page.enable');
    const { frameTree } = await session.send('Page.getFrameTree');
    this.recordTree(frameTree as FrameTree, null);
    await session.send('Runtime.enable');
    if (!options.javascript) await session.send('Emulation.setScriptExecutionDisabled', { value: true });
    if (this.preloadCode === null || options.preloadPath === null) return;
    await session.send('Runtime.addBinding', { name: BINDING, executionContextName: PRELOAD_WORLD });
    await session.send('Page.addScriptToEvaluateOnNewDocument', {
      source: preloadScript(this.preloadConfig(options.preloadPath, options.inSubFrames), this.preloadCode),
      worldName: PRELOAD_WORLD,
    });
    await session.send('Page.addScriptToEvaluateOnNewDocument', {
      source: mainWorldScript(options.inSubFrames),
    });
  }

  private preloadConfig(preloadPath: string, inSubFrames: boolean): PreloadWorldConfig {
    return { binding: BINDING, globalKey: GLOBAL_KEY, eventPrefix: EVENT_PREFIX, preloadPath, inSubFrames };
  }

  private recordTree(tree: FrameTree, parentId: string | null): void {
    const record = this.record(tree.frame.id, parentId);
    record.chromiumUrl = tree.frame.url + (tree.frame.urlFragment ?? '');
    record.name = tree.frame.name ?? '';
    for (const child of tree.childFrames ?? []) this.recordTree(child, tree.frame.id);
  }

  private record(id: string, parentId: string | null): FrameRecord & { name: string } {
    let record = this.records.get(id);
    if (!record) {
      record = { id, parentId, chromiumUrl: '', detached: false, name: '' };
      this.records.set(id, record);
      this.frames.set(id, new WebFrameMain(record, (other) => this.frames.get(other) ?? null));
    }
    record.parentId = parentId;
    return record;
  }

  private forget(frameId: string): void {
    const record = this.records.get(frameId);
    if (record) record.detached = true;
    this.records.delete(frameId);
    this.frames.delete(frameId);
    for (const [id, record] of this.records) if (record.parentId === frameId) this.forget(id);
  }

  /** The main frame (the one without a parent); Chromium keeps its id across navigations. */
  mainFrame(): WebFrameMain {
    for (const [id, record] of this.records) {
      if (record.parentId === null && !record.detached) return this.frames.get(id) as WebFrameMain;
    }
    throw new Error('Electron stand-in: this page has no main frame');
  }

  mainFrameChromiumUrl(): string {
    for (const record of this.records.values()) if (record.parentId === null) return record.chromiumUrl;
    return '';
  }

  private async fromPreload(contextId: number, payload: string): Promise<void> {
    const message = JSON.parse(payload) as { kind: string; id?: number; channel?: string; args?: unknown[] };
    if (message.kind === 'unknown-api')
      return this.hooks.report('unknown-api', String((message as { what?: string }).what));
    if (message.kind === 'preload-error') return this.hooks.report('preload-error', payload);
    if (message.kind !== 'invoke') return;
    const frameId = this.frameOfContext.get(contextId);
    const frame = frameId === undefined ? undefined : this.frames.get(frameId);
    let reply: { error: string | null; result: unknown };
    if (!frame || frameId === undefined) {
      reply = { error: 'Error: the sending frame is gone', result: undefined };
    } else {
      const source: IpcSource = {
        frame,
        isCurrent: () => this.preloadContexts.get(frameId) === contextId && !frame.detached,
      };
      reply = await this.hooks.invoke(
        source,
        String(message.channel),
        (message.args ?? []).map(ipcCodec.decode),
      );
    }
    const expression =
      `globalThis[${JSON.stringify(GLOBAL_KEY)}].settle(${message.id}, ${JSON.stringify(reply.error)}, ` +
      `${JSON.stringify(reply.error === null ? ipcCodec.encode(reply.result) : null)})`;
    // A document that went away meanwhile no longer waits for the answer, as in Electron.
    await this.session.send('Runtime.evaluate', { expression, contextId }).catch(() => {});
  }

  /** webContents.send: to the main frame's current document (electronjs.org/docs/latest/api/web-contents#contentssendchannel-args). */
  async send(channel: string, args: unknown[]): Promise<void> {
    const frame = [...this.records.values()].find((record) => record.parentId === null);
    const contextId = frame ? this.preloadContexts.get(frame.id) : undefined;
    if (contextId === undefined) return;
    const wire = args.map(ipcCodec.encode);
    const expression = `globalThis[${JSON.stringify(GLOBAL_KEY)}]?.deliver(${JSON.stringify(channel)}, ${JSON.stringify(wire)})`;
    await this.session.send('Runtime.evaluate', { expression, contextId }).catch(() => {});
  }

  /**
   * Runs the preload in an existing subframe, as a renderer with nodeIntegrationInSubFrames (or a
   * compromised one) would: so a spec can prove that main refuses what such a frame sends.
   */
  async runPreloadInFrame(frameName: string): Promise<void> {
    if (this.preloadCode === null || this.preloadPath === null) throw new Error('this window has no preload');
    const frameId = [...this.records.values()].find(
      (record) => record.name === frameName && record.parentId !== null,
    )?.id;
    if (frameId === undefined) throw new Error(`no subframe named ${frameName}`);
    const { executionContextId } = await this.session.send('Page.createIsolatedWorld', {
      frameId,
      worldName: PRELOAD_WORLD,
    });
    this.preloadContexts.set(frameId, executionContextId);
    this.frameOfContext.set(executionContextId, frameId);
    const mainContext = this.mainContexts.get(frameId);
    if (mainContext === undefined) throw new Error(`frame ${frameId} has no page context`);
    await this.session.send('Runtime.evaluate', {
      expression: mainWorldScript(true),
      contextId: mainContext,
    });
    await this.session.send('Runtime.evaluate', {
      expression: preloadScript(this.preloadConfig(this.preloadPath, true), this.preloadCode),
      contextId: executionContextId,
    });
  }
}
