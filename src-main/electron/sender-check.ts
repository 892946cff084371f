// Which IPC messages main answers: only those from the main frame of a window main created, showing
// our own app:// page. A subframe, a navigated-away page or a foreign web contents is dropped.
// Kept free of Electron values (types only) so it is tested in plain Node.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';

export function isTrustedSender(event: IpcMainInvokeEvent, ourWindows: readonly WebContents[]): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (!ourWindows.includes(event.sender)) return false;
  if (frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}
