// Why CodepageEncoder.encode is replaced, and why both @point-of-sale packages are pinned to exact
// versions in package.json: the receipt printer encoder turns every printed line into bytes through
// CodepageEncoder.encode, which asks getEncoding for the code page's table, gets a fresh structuredClone
// of it on every call (so that no caller can spoil the library's tables), and looks each character up
// with a linear search: some 40 clones per receipt, on the way from SIGN AT's answer to the paper.
// Neither library has an option to change that, and the printer encoder takes CodepageEncoder only by
// its own import, so no wrapper of ours can reach it. So encode is replaced by the same mapping read
// from a lookup built once per code page: the lowest position holding the character, "?" (0x3f) when
// none does, one byte per UTF-16 unit, exactly as the library's encode does. A newer library may encode
// differently, so an update is a deliberate step: codepage-encode-cache.test.ts compares the bytes with
// the library's own encode for every character and checks the pins. getEncoding itself stays as it is:
// the library's own getCodepoints writes into the copies it gets.
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
