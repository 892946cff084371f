// The spec's handle on an app run by the stand-in executable, modelled on playwright-core's
// ElectronApplication: the app's windows as Playwright pages (attached over the DevTools protocol to
// the executable's Chromium), the process, and what a person at the PC can do to the app.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ChromiumLaunch } from './chromium-host.ts';
import type { ControlReplies, ControlRequest, FromExecutable, ToExecutable } from './control-protocol.ts';
import type { Observations } from './observations.ts';

const EXECUTABLE = fileURLToPath(new URL('./stand-in-executable.ts', import.meta.url));

interface StandInLaunchOptions {
  /** The app folder (its package.json names the main script) and the app's own arguments. */
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  chromium: ChromiumLaunch;
  /** The file that plays the desktop's secret store; null: a PC without one (safeStorage basic_text). */
  keyringFile: string | null;
}

export interface StandInWindow {
  id: number;
  page: Page;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StandInApplication {
  process: ChildProcess;
  /** Resolves with the first window once its page can be driven. */
  firstWindow(): Promise<StandInWindow>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<Exit>;
  observations(): Promise<Observations>;
  /** The person at the PC: clicks the window's close button, minimises it, quits the app. */
  closeWindow(window: StandInWindow): Promise<void>;
  minimizeWindow(window: StandInWindow): Promise<void>;
  quit(): Promise<void>;
  /** What main's webContents.loadURL would do (no will-navigate: the navigation is main's own). */
  loadURL(window: StandInWindow, url: string): Promise<void>;
  /** Runs the preload in a subframe, as nodeIntegrationInSubFrames or a compromised renderer would. */
  runPreloadInFrame(window: StandInWindow, frameName: string): Promise<void>;
  /** Resolves once main has answered `count` window.open requests since start. */
  windowOpensAnswered(count: number): Promise<void>;
  /** Whether the app got as far as starting Chromium ('ready'), and how many windows it opened. */
  started(): { chromium: boolean; windows: number };
  /** Ends the process the way a power cut would. */
  kill(): Promise<Exit>;
}

export function launchStandIn(options: StandInLaunchOptions): StandInApplication {
  const child = fork(EXECUTABLE, options.args, {
    cwd: options.cwd,
    env: {
      ...process.env,
      ...options.env,
      ELECTRON_STAND_IN_CHROMIUM: JSON.stringify(options.chromium),
      ...(options.keyringFile === null ? {} : { ELECTRON_STAND_IN_KEYRING: options.keyringFile }),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  let browser: Promise<Browser> | null = null;
  const windowTargets = new Map<number, string>();
  const windowWaiters: ((id: number) => void)[] = [];

  child.on('message', (message: FromExecutable) => {
    if (message.kind === 'reply') {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) call?.resolve(message.value);
      else call?.reject(new Error(message.error));
    } else if (message.kind === 'chromium') {
      browser = chromium.connectOverCDP(message.endpoint);
      // An app that quits right away may take its Chromium along before anyone attaches.
      browser.catch(() => {});
    } else {
      windowTargets.set(message.windowId, message.targetId);
      for (const wake of windowWaiters.splice(0)) wake(message.windowId);
    }
  });
  void exited.then(() => {
    const gone = new Error(`the app exited\n--- its output ---\n${output}`);
    for (const call of pending.values()) call.reject(gone);
    pending.clear();
  });

  function ask<M extends ControlRequest['method']>(
    request: Extract<ControlRequest, { method: M }>,
  ): Promise<ControlReplies[M]> {
    if (child.exitCode !== null || child.signalCode !== null) {
      return Promise.reject(new Error(`the app has exited\n--- its output ---\n${output}`));
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, request } satisfies ToExecutable);
    });
  }

  async function pageWithTarget(targetId: string): Promise<Page> {
    if (!browser) throw new Error('the app announced a window before its Chromium');
    const context = (await browser).contexts()[0];
    if (!context) throw new Error("no default context in the app's Chromium");
    for (;;) {
      for (const page of context.pages()) {
        const session = await context.newCDPSession(page);
        const { targetInfo } = await session.send('Target.getTargetInfo');
        await session.detach();
        if (targetInfo.targetId === targetId) return page;
      }
      await context.waitForEvent('page');
    }
  }

  const firstWindowId = new Promise<number>((resolve, reject) => {
    windowWaiters.push(resolve);
    void exited.then(() =>
      reject(new Error(`the app exited without a window\n--- its output ---\n${output}`)),
    );
  });
  // An app that quits before any window (a second instance) is no failure unless someone waits for one.
  firstWindowId.catch(() => {});

  return {
    process: child,
    async firstWindow() {
      const id = await firstWindowId;
      return { id, page: await pageWithTarget(windowTargets.get(id) ?? '') };
    },
    output: () => output,
    exited,
    observations: () => ask({ method: 'observations' }),
    closeWindow: async (window) => void (await ask({ method: 'closeWindow', windowId: window.id })),
    minimizeWindow: async (window) => void (await ask({ method: 'minimizeWindow', windowId: window.id })),
    quit: async () => void (await ask({ method: 'quit' })),
    loadURL: async (window, url) => void (await ask({ method: 'loadURL', windowId: window.id, url })),
    runPreloadInFrame: async (window, frameName) =>
      void (await ask({ method: 'runPreloadInFrame', windowId: window.id, frameName })),
    windowOpensAnswered: async (count) => void (await ask({ method: 'windowOpensAnswered', count })),
    started: () => ({ chromium: browser !== null, windows: windowTargets.size }),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}
