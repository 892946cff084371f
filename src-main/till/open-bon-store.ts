// The till's open Bon in the data folder, one file per register (`open-bon/<register id>.json`),
// replaced in one step on every change, so that a reload or a restart finds the Bon as it was, never
// half written. It is no receipt and never signed: once its sale is in the journal it is dropped.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isEmptyBon, OpenBon } from '../../src-shared/open-bon.ts';
import { invalidInput, PosError } from '../../src-shared/pos-error.ts';
import type { Logger } from '../host/app-host.ts';
import { replaceFileDurably } from '../host/durable-file.ts';

export const OPEN_BON_DIR = 'open-bon';

interface OpenBonStoreDeps {
  dataDir: string;
  /** The register the till sells on; null before one is set up. */
  registerId(): string | null;
  /** Whether a sale with this id is in the journal: then its Bon was paid and is open no more. */
  journaled(id: string): boolean;
  log: Logger;
}

export class OpenBonStore {
  readonly #deps: OpenBonStoreDeps;

  constructor(deps: OpenBonStoreDeps) {
    this.#deps = deps;
  }

  /** The Bon kept for the register; null when none is, or the one kept cannot be read any more. */
  read(): OpenBon | null {
    const file = this.#file();
    if (file === null) return null;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const bon = OpenBon.safeParse(parsedJson(text), { error: germanIssueText });
    if (!bon.success) {
      // Kept by an older version whose Bon this one no longer reads: the till starts with an empty Bon.
      this.#deps.log.warn('Offener Bon aus einer früheren Version ist nicht lesbar und wurde verworfen', {
        file,
        problem: invalidInput(bon.error).message,
      });
      rmSync(file, { force: true });
      return null;
    }
    if (this.#deps.journaled(bon.data.id)) {
      rmSync(file, { force: true });
      return null;
    }
    return bon.data;
  }

  /**
   * Keeps `bon` (parsed by the contract) in place of the one kept before. An empty Bon, or one whose
   * sale is journaled already (a change that arrived after paying), removes it. Answers what is kept.
   */
  keep(bon: OpenBon): OpenBon | null {
    const file = this.#file();
    if (file === null) {
      throw new PosError(
        'register_not_set_up',
        'Die Kasse ist noch nicht eingerichtet: es gibt noch keinen Bon',
      );
    }
    if (isEmptyBon(bon) || this.#deps.journaled(bon.id)) {
      rmSync(file, { force: true });
      return null;
    }
    mkdirSync(join(this.#deps.dataDir, OPEN_BON_DIR), { recursive: true });
    replaceFileDurably(file, `${JSON.stringify(bon)}\n`);
    return bon;
  }

  /** After a sale went into the journal: the Bon kept is dropped if it was that sale's (see read). */
  dropPaid(): void {
    this.read();
  }

  #file(): string | null {
    const registerId = this.#deps.registerId();
    if (registerId === null) return null;
    // The id is a UUID from the settings; anything else would not name a file inside the folder.
    if (!/^[0-9A-Za-z-]+$/.test(registerId))
      throw new RangeError(`Register-ID ${registerId} taugt nicht als Dateiname`);
    return join(this.#deps.dataDir, OPEN_BON_DIR, `${registerId}.json`);
  }
}

/** The log is German: zod's own words (a missing field, a wrong type) too. */
const germanIssueText: z.core.$ZodErrorMap = (issue) => z.locales.de().localeError(issue);

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
