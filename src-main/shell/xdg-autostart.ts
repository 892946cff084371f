// Start at login on a Linux desktop. Electron's app.setLoginItemSettings covers only macOS and Windows
// (electronjs.org/docs/latest/api/app#appsetloginitemsettingssettings-macos-windows); Linux desktops
// (GNOME, KDE, Xfce) start what the XDG autostart folder lists
// (specifications.freedesktop.org/autostart-spec/latest/): one desktop entry file per program.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const ENTRY_NAME = 'kassen-companion.desktop';

/** `$XDG_CONFIG_HOME/autostart`, `~/.config/autostart` when it is unset or empty. */
export function autostartDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'autostart');
}

/**
 * An Exec argument as the Desktop Entry spec wants it ("The Exec key"): quoted when it holds a reserved
 * character, with ", `, $ and \ escaped inside the quotes; then the string escape (\ as \\) applies
 * on top, which is why a literal backslash ends up as four.
 */
function execArgument(argument: string): string {
  if (!/[\s"'`$\\<>~|&;*?#()]/.test(argument)) return argument;
  return `"${argument.replace(/(["`$\\])/g, '\\$1')}"`.replace(/\\/g, '\\\\');
}

function autostartEntry(name: string, command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${name}`,
    `Exec=${command.map(execArgument).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes or removes the entry; `command` is what starts the app (the AppImage, or the executable). */
export function setXdgAutostart(
  open: boolean,
  name: string,
  command: readonly string[],
  dir = autostartDir(),
): string {
  const file = join(dir, ENTRY_NAME);
  if (open) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, autostartEntry(name, command));
  } else {
    rmSync(file, { force: true });
  }
  return file;
}
