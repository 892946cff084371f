// The small window the desktop app shows while the first start after an update migrates a long
// journal (shell/journal-migration-progress.ts decides when). A static page without script, drawn
// again for each new percentage: nothing in it can run code or reach the contract.
import { BrowserWindow } from 'electron';
import { developerMode } from './developer-tools.ts';
import type { MigrationDisplay, MigrationTexts } from '../shell/journal-migration-progress.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function page(texts: MigrationTexts, percent: number): string {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(texts.title)}</title>
<style>body{font:15px system-ui,sans-serif;margin:1.2rem;color:#1d232b}h1{font-size:1.1rem;margin:0 0 .6rem}
progress{width:100%;height:1.2rem}p{margin:.4rem 0}</style></head><body>
<h1>${escapeHtml(texts.title)}</h1><p>${escapeHtml(texts.text)}</p>
<progress max="100" value="${percent}"></progress><p>${escapeHtml(texts.done(percent))}</p></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

export function migrationWindow(): MigrationDisplay {
  let window: BrowserWindow | null = null;
  let shown: MigrationTexts | null = null;
  const draw = (percent: number) => {
    if (window && shown && !window.isDestroyed()) void window.loadURL(page(shown, percent));
  };
  return {
    open(texts, percent) {
      shown = texts;
      window = new BrowserWindow({
        width: 480,
        height: 220,
        title: texts.title,
        autoHideMenuBar: true,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          devTools: developerMode,
        },
      });
      draw(percent);
    },
    update: draw,
    close() {
      if (window && !window.isDestroyed()) window.destroy();
      window = null;
    },
  };
}
