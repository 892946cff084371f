// The folder the merchant picks for a copy (usually a USB stick) is checked before anything is written:
// an absolute path, no ".." anywhere in it, an existing folder we may write to, and not inside the
// archive itself.
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { PosError } from '../../src-shared/pos-error.ts';

function refuse(message: string): PosError {
  return new PosError('invalid_input', message, 'targetDir');
}

/** Returns the folder's real path (symlinks resolved). */
export function checkCopyTarget(input: string, archiveRoot: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(input)) throw refuse('Der Pfad enthält Steuerzeichen.');
  if (!isAbsolute(input))
    throw refuse('Bitte einen vollständigen Pfad angeben (z. B. E:\\ oder /media/usb).');
  if (input.split(/[\\/]+/).includes('..')) throw refuse('Der Pfad darf kein „..“ enthalten.');
  let real: string;
  try {
    real = realpathSync(input);
  } catch {
    throw refuse('Diesen Ordner gibt es nicht. Ist der USB-Stick angesteckt?');
  }
  if (!statSync(real).isDirectory()) throw refuse('Das ist kein Ordner.');
  try {
    accessSync(real, constants.W_OK);
  } catch {
    throw refuse('In diesen Ordner darf nicht geschrieben werden (schreibgeschützt?).');
  }
  // Inside the archive the relative path goes down (no ".." first); elsewhere it climbs out or, on
  // another Windows drive, is absolute.
  const inside = relative(realpathSync(archiveRoot), real);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw refuse('Das Ziel liegt im Archiv selbst; bitte einen anderen Ordner wählen.');
  }
  return real;
}
