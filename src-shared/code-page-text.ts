// What a receipt's text may contain so that paper and preview show the same characters. Both code pages
// the printer profiles use (CP858 and Windows-1252) hold every Latin-1 character and the euro sign, but
// CP858 lacks the typographic marks a word processor or a till's article list brings along („“ – …),
// and neither holds an emoji. The encoder would print "?" for each of them (for an emoji one per UTF-16
// unit, so the columns would shift), while the screen showed the original. So the text is brought into
// that common set once, before the layout measures it: the preview, the PDF and the paper all show the
// replacement, in the same cells.

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u201e': '"', // „
  '\u201c': '"', // “
  '\u201d': '"', // ”
  '\u201f': '"',
  '\u2033': '"', // ″
  '\u201a': "'", // ‚
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201b': "'",
  '\u2032': "'", // ′
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2015': '-',
  '\u2212': '-', // minus sign
  '\u2026': '...', // …
  '\u2022': '*', // •
  '\u2039': '<',
  '\u203a': '>',
};

/** Latin-1's printable characters and the euro sign: in every code page a profile uses. */
const IN_EVERY_CODE_PAGE = /^[\u0020-\u007e\u00a0-\u00ff\u20ac]$/u;
/** Spaces of other widths print as a space. */
const SPACE = /^[\u2000-\u200a\u202f\u205f\u3000]$/u;
/** Soft hyphen, zero-width spaces and joiners, variation selectors: nothing on paper. */
function invisible(segment: string): boolean {
  return Array.from(segment).every((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (
      code === 0xad ||
      (code >= 0x200b && code <= 0x200d) ||
      code === 0x2060 ||
      (code >= 0xfe00 && code <= 0xfe0f)
    );
  });
}

const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });

/** `text` (NFC) with each character outside the common set replaced; an emoji becomes one "?". */
export function inCodePage(text: string): string {
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (IN_EVERY_CODE_PAGE.test(segment)) out += segment;
    else if (REPLACEMENTS[segment] !== undefined) out += REPLACEMENTS[segment];
    else if (SPACE.test(segment)) out += ' ';
    else if (!invisible(segment)) out += '?';
  }
  return out;
}
