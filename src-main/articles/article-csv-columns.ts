// Which column of the file holds what, found by its heading. The export writes the German headings; the
// import also takes the English ones and the usual variants ("Artikel", "VK-Preis", "MwSt", "GTIN"), in any
// case and with or without a unit ("Preis (EUR)", "USt %").
import type { ArticleColumn } from '../../src-shared/article-import.ts';

/** The headings the export writes, in its column order. */
export const EXPORT_HEADINGS: ReadonlyArray<{ column: ArticleColumn; heading: string }> = [
  { column: 'name', heading: 'Name' },
  { column: 'price', heading: 'Preis' },
  { column: 'vatRate', heading: 'USt' },
  { column: 'plu', heading: 'PLU' },
  { column: 'ean', heading: 'EAN' },
  { column: 'category', heading: 'Kategorie' },
  { column: 'favourite', heading: 'Favorit' },
];

const HEADINGS: Record<ArticleColumn, readonly string[]> = {
  name: ['name', 'bezeichnung', 'artikel', 'artikelname', 'artikelbezeichnung', 'text', 'article', 'item'],
  price: ['preis', 'vkpreis', 'verkaufspreis', 'bruttopreis', 'vk', 'price', 'grossprice', 'unitprice'],
  vatRate: ['ust', 'ustsatz', 'mwst', 'mwstsatz', 'steuersatz', 'vat', 'vatrate', 'tax', 'taxrate'],
  plu: ['plu', 'artikelnummer', 'artnr', 'nummer', 'itemnumber'],
  ean: ['ean', 'gtin', 'barcode', 'strichcode', 'eancode', 'upc'],
  category: ['kategorie', 'warengruppe', 'gruppe', 'category', 'group'],
  favourite: ['favorit', 'favourite', 'favorite', 'schnelltaste'],
};

/** "VK-Preis (EUR)" → "vkpreis": the heading without case, unit, spaces and punctuation. */
function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\((.*?)\)|€|%|\beur\b|\bin\b/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export interface ColumnMap {
  /** The index of each column the heading names (the first, if it names one twice). */
  index: Partial<Record<ArticleColumn, number>>;
  /** Headings that name no column: their cells are not read. */
  ignored: string[];
}

export function mapColumns(headings: readonly string[]): ColumnMap {
  const index: Partial<Record<ArticleColumn, number>> = {};
  const ignored: string[] = [];
  headings.forEach((heading, i) => {
    const key = headingKey(heading);
    const column = (Object.keys(HEADINGS) as ArticleColumn[]).find((c) => HEADINGS[c].includes(key));
    if (column !== undefined && index[column] === undefined) index[column] = i;
    else if (heading.trim() !== '') ignored.push(heading.trim());
  });
  return { index, ignored };
}
