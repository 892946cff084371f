// What the stand-in saw that a spec checks and a user would see or suffer: which windows exist and
// their state, what window.open asked and how main answered, the dialogs shown, the application menu,
// preload failures, and every API the shell used that the stand-in does not know.

interface WindowOpenDecision {
  /** The URL the page asked for, as Electron reports it. */
  url: string;
  action: 'allow' | 'deny';
}

export interface ShownDialog {
  kind: 'error-box' | 'message-box';
  title: string;
  message: string;
  detail?: string;
  buttons?: string[];
  type?: string;
}

export interface WindowState {
  id: number;
  /** The URL of the main frame, as Electron reports it. */
  url: string;
  /** Every URL main loaded into the window (loadURL), in order, also after it was destroyed. */
  loads: string[];
  visible: boolean;
  minimized: boolean;
  focused: boolean;
  destroyed: boolean;
  /** In kiosk mode (the option at creation, then setKiosk). */
  kiosk: boolean;
  /** webPreferences.devTools: whether developer tools can open in it at all. */
  devTools: boolean;
  /** What happened to the window in order ('show', 'focus', 'minimize', 'restore', 'closed (…)'). */
  history: string[];
}

export interface Observations {
  unknownApi: string[];
  preloadErrors: string[];
  windowOpens: WindowOpenDecision[];
  dialogs: ShownDialog[];
  /** `null` after Menu.setApplicationMenu(null); undefined while never set (Electron's default menu). */
  applicationMenu: null | undefined;
  handledChannels: string[];
  /** Every ipcRenderer.invoke that reached main, by channel: how often the page asked main that way. */
  invokedChannels: Record<string, number>;
  windows: WindowState[];
  /** Whether main refused permissions (request and check handlers) and rewrote response headers. */
  sessionHardening: { permissionHandlers: boolean; headersReceived: boolean };
}

const windowOpenWaiters = new Set<() => void>();

/** Resolves once `count` window.open requests have been answered. */
export function windowOpensAnswered(count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (recorded.windowOpens.length < count) return;
      windowOpenWaiters.delete(check);
      resolve();
    };
    windowOpenWaiters.add(check);
    check();
  });
}

export function recordWindowOpen(decision: WindowOpenDecision): void {
  recorded.windowOpens.push(decision);
  for (const check of [...windowOpenWaiters]) check();
}

export const recorded = {
  preloadErrors: [] as string[],
  windowOpens: [] as WindowOpenDecision[],
  dialogs: [] as ShownDialog[],
  applicationMenu: undefined as null | undefined,
};
