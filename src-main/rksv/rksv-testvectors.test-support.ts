import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * The shared RKSV test vectors, read in place (never copied into the repo). Resolves to
 * ../shared/testvectors/rksv/ next to the project root.
 */
const TESTVECTORS_DIR = new URL('../../../shared/testvectors/rksv/', import.meta.url);

export const TESTVECTORS_ABSENT =
  'skipped: ../shared/testvectors/rksv/ is absent (the shared test vectors are not checked out next to the repo)';

export function testvectorsPresent(): boolean {
  return existsSync(TESTVECTORS_DIR);
}

export function readTestvector(name: string): Promise<string> {
  return readFile(new URL(name, TESTVECTORS_DIR), 'utf8');
}
