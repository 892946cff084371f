// The receipt printer encoder turns every text item (one per printed line) into bytes through
// CodepageEncoder.encode, which first asks getEncoding for the code page's table, and getEncoding
// hands out a fresh structuredClone of it on every call (so that no caller can spoil the library's
// tables), then looks each character up with a linear search: some 40 clones, ~1.5 ms, per receipt.
// The tables never change, so encode is replaced by the same mapping read from a lookup built once
// per code page: the lowest position holding the character, "?" (0x3f) when none does, one byte per
// UTF-16 unit, exactly as the library's encode does (codepage-encode-cache.test.ts compares them).
// getEncoding itself stays as it is: the library's own getCodepoints writes into the copies it gets.
// This changes the one CodepageEncoder class in the process, the one the receipt printer encoder
// imports (npm hoists it: a second, nested copy would only stay slow, never print other bytes).
import CodepageEncoder, { type Codepage } from '@point-of-sale/codepage-encoder';

const APPLIED = Symbol.for('kassen-companion.codepage-encode-cache');

type Patchable = typeof CodepageEncoder & { [APPLIED]?: true };

/** Makes CodepageEncoder.encode read a lookup built once per code page; calling it again does nothing. */
export function cacheCodepageEncoding(): void {
  const encoder = CodepageEncoder as Patchable;
  if (encoder[APPLIED]) return;
  const lookups = new Map<Codepage, Map<number, number>>();
  const lookupOf = (codepage: Codepage): Map<number, number> => {
    let lookup = lookups.get(codepage);
    if (lookup === undefined) {
      lookup = new Map();
      const codepoints = encoder.getEncoding(codepage).codepoints;
      for (let position = 0; position < codepoints.length; position++) {
        const codepoint = codepoints[position];
        if (typeof codepoint === 'number' && !lookup.has(codepoint)) lookup.set(codepoint, position);
      }
      lookups.set(codepage, lookup);
    }
    return lookup;
  };
  encoder.encode = (input: string, codepage: Codepage): Uint8Array => {
    const lookup = lookupOf(codepage);
    const output = new Uint8Array(input.length);
    for (let index = 0; index < input.length; index++) {
      output[index] = lookup.get(input.codePointAt(index) as number) ?? 0x3f;
    }
    return output;
  };
  encoder[APPLIED] = true;
}
