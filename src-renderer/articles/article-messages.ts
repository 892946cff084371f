// The strings of the article list (settings), its CSV import report, the till's favourite pages and what
// a scanned or typed code did, German first; src-renderer/i18n/de.ts and en.ts carry them as `articles`.
import type { ArticleColumn, FileProblem, RowProblemCode } from '../../src-shared/article-import.ts';

const columnDe: Record<ArticleColumn, string> = {
  name: 'Name',
  price: 'Preis',
  vatRate: 'USt',
  plu: 'PLU',
  ean: 'EAN',
  category: 'Kategorie',
  favourite: 'Favorit',
};

const rowProblemDe: Record<RowProblemCode, string> = {
  required: 'fehlt',
  too_long: 'zu lang',
  control_characters: 'enthält Steuerzeichen',
  price_invalid: 'kein Preis (z. B. 3,80; höchstens 2 Nachkommastellen)',
  price_negative: 'darf nicht negativ sein',
  price_too_large: 'zu groß (höchstens 10.000.000,00 €)',
  vat_rate_invalid: 'kein österreichischer USt-Satz (20, 10, 13, 19, 4,9 oder 0)',
  plu_invalid: '1 bis 6 Ziffern, nicht 0',
  ean_length:
    'eine EAN hat 8, 12 oder 13 Ziffern (führende Null verloren? Spalte in Excel als Text formatieren)',
  ean_check_digit: 'Prüfziffer stimmt nicht (Tippfehler?)',
  ean_excel_number:
    'Excel hat die EAN als Zahl gekürzt, die Ziffern sind verloren: Spalte als Text formatieren und EANs neu eingeben',
  favourite_invalid: '„ja“ oder „nein“',
  duplicate_in_file: 'steht schon in einer anderen Zeile',
  taken: 'hat schon ein anderer Artikel der Liste',
};

export const articlesDe = {
  title: 'Artikel',
  intro:
    'Die Artikelliste liegt im Datenordner dieser Kasse. An der Kasse bucht ein gescannter Strichcode (EAN) oder eine eingetippte PLU den Artikel; Favoriten erscheinen als Tasten.',
  search: 'Artikel suchen (Name, Kategorie, PLU, EAN)',
  count: (shown: number, total: number) =>
    shown < total ? `${shown} von ${total} Artikeln` : `${total} Artikel`,
  empty: 'Noch keine Artikel.',
  more: 'Weitere laden',
  add: 'Neuer Artikel',
  columns: columnDe,
  favouriteMark: '★',
  none: '—',
  form: {
    newTitle: 'Neuer Artikel',
    editTitle: (name: string) => `Artikel „${name}“ bearbeiten`,
    priceHint: 'Brutto, z. B. 3,80',
    noCategory: 'ohne Kategorie',
    favourite: 'Als Favoritentaste an der Kasse',
    save: 'Speichern',
    cancel: 'Abbrechen',
    delete: 'Löschen',
    deleteConfirmed: 'Ja, löschen',
    confirmDelete: (name: string) =>
      `„${name}“ löschen? Belege behalten ihre Positionen; nur die Kasse kennt den Artikel nicht mehr.`,
    saved: (name: string) => `„${name}“ gespeichert.`,
    deleted: (name: string) => `„${name}“ gelöscht.`,
    priceInvalid: 'Preis eingeben, z. B. 3,80',
  },
  importTitle: 'CSV-Datei importieren',
  importIntro:
    'Spalten Name, Preis, USt, dazu wahlweise PLU, EAN, Kategorie, Favorit (erste Zeile: Überschriften). Excel „CSV UTF-8“ oder „CSV (Trennzeichen-getrennt)“, Semikolon oder Komma, Dezimalkomma oder -punkt. Artikel mit demselben Namen werden geändert, neue angelegt; keiner wird gelöscht. Erst geprüft, dann auf Knopfdruck übernommen.',
  chooseFile: 'Datei wählen',
  tooLarge: 'Die Datei ist größer als 4 MiB.',
  checking: 'Wird geprüft …',
  reading: (encoding: string, separator: string) =>
    `Gelesen als ${encoding === 'windows-1252' ? 'ANSI (Windows-1252)' : encoding.toUpperCase()}, getrennt durch ${separator === '\t' ? 'Tabulator' : `„${separator}“`}.`,
  summary: (rows: number, created: number, updated: number, unchanged: number) =>
    `${rows} Zeilen: ${created} neu, ${updated} geändert, ${unchanged} unverändert.`,
  ignoredColumns: (names: string) => `Nicht gelesene Spalten: ${names}.`,
  fileProblem: {
    empty: 'Die Datei enthält keine Artikel.',
    missing_columns: 'Der Überschriftenzeile fehlen Spalten:',
    too_many_articles: 'Danach wären es mehr als 50.000 Artikel.',
  } satisfies Record<FileProblem, string>,
  problemsTitle: (count: number) =>
    count === 1
      ? 'Ein Problem: die Datei wurde nicht übernommen. Bitte in Excel korrigieren und erneut wählen.'
      : `${count} Probleme: die Datei wurde nicht übernommen. Bitte in Excel korrigieren und erneut wählen.`,
  moreProblems: (count: number) => `… und ${count} weitere.`,
  row: 'Zeile',
  column: 'Spalte',
  value: 'Inhalt',
  problem: 'Problem',
  rowProblem: rowProblemDe,
  otherRow: (row: number) => `(wie Zeile ${row})`,
  takenBy: (names: string) => `(„${names}“)`,
  apply: 'Übernehmen',
  applied: (created: number, updated: number) => `Übernommen: ${created} neu, ${updated} geändert.`,
  export: 'Als CSV-Datei exportieren',
  // The till.
  favouritesPage: (page: number, pages: number) => `Seite ${page}/${pages}`,
  previousPage: 'Vorige Favoriten (Bild ↑)',
  nextPage: 'Weitere Favoriten (Bild ↓)',
  favouriteExists: (name: string) =>
    `Einen Artikel „${name}“ gibt es schon: in den Einstellungen (F12 → Artikel) zum Favoriten machen.`,
  removeFavouriteKeepsArticle: (name: string) =>
    `„${name}“ von den Favoriten nehmen (bleibt in der Artikelliste)`,
  code: {
    unknown: (code: string) =>
      `Unbekannter Code ${code}: kein Artikel hat diese EAN oder PLU. Es wurde nichts gebucht.`,
    checkDigit: (code: string) =>
      `Die Prüfziffer von ${code} stimmt nicht: Tippfehler oder schlecht gelesen? Es wurde nichts gebucht.`,
    failed: (message: string) => `Code nicht nachgeschlagen: ${message}. Es wurde nichts gebucht.`,
  },
};

type ArticleMessages = typeof articlesDe;

const columnEn: Record<ArticleColumn, string> = {
  name: 'Name',
  price: 'Price',
  vatRate: 'VAT',
  plu: 'PLU',
  ean: 'EAN',
  category: 'Category',
  favourite: 'Favourite',
};

const rowProblemEn: Record<RowProblemCode, string> = {
  required: 'missing',
  too_long: 'too long',
  control_characters: 'contains control characters',
  price_invalid: 'not a price (e.g. 3,80 or 3.80; at most 2 decimals)',
  price_negative: 'must not be negative',
  price_too_large: 'too large (at most 10,000,000.00 €)',
  vat_rate_invalid: 'not an Austrian VAT rate (20, 10, 13, 19, 4.9 or 0)',
  plu_invalid: '1 to 6 digits, not 0',
  ean_length: 'an EAN has 8, 12 or 13 digits (leading zero lost? Format the column as text in Excel)',
  ean_check_digit: 'wrong check digit (typo?)',
  ean_excel_number:
    'Excel shortened the EAN to a number and its digits are lost: format the column as text and enter the EANs again',
  favourite_invalid: '“yes” or “no” (ja/nein)',
  duplicate_in_file: 'is in another row already',
  taken: 'belongs to another article of the list',
};

export const articlesEn: ArticleMessages = {
  title: 'Articles',
  intro:
    'The article list is kept in this till’s data folder. At the till, a scanned barcode (EAN) or a typed PLU rings the article up; favourites show as buttons.',
  search: 'Search articles (name, category, PLU, EAN)',
  count: (shown, total) => (shown < total ? `${shown} of ${total} articles` : `${total} articles`),
  empty: 'No articles yet.',
  more: 'Load more',
  add: 'New article',
  columns: columnEn,
  favouriteMark: '★',
  none: '—',
  form: {
    newTitle: 'New article',
    editTitle: (name) => `Edit article “${name}”`,
    priceHint: 'Gross, e.g. 3,80',
    noCategory: 'no category',
    favourite: 'As a favourite button at the till',
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    deleteConfirmed: 'Yes, delete',
    confirmDelete: (name) =>
      `Delete “${name}”? Receipts keep their lines; only the till no longer knows the article.`,
    saved: (name) => `“${name}” saved.`,
    deleted: (name) => `“${name}” deleted.`,
    priceInvalid: 'Enter a price, e.g. 3,80',
  },
  importTitle: 'Import a CSV file',
  importIntro:
    'Columns Name, Preis (price), USt (VAT), and optionally PLU, EAN, Kategorie, Favorit (first row: headings; English headings work too). Excel “CSV UTF-8” or “CSV (comma delimited)”, semicolons or commas, decimal comma or point. Articles of the same name are changed, new ones added; none is deleted. Checked first, then applied at the press of a button.',
  chooseFile: 'Choose file',
  tooLarge: 'The file is larger than 4 MiB.',
  checking: 'Checking …',
  reading: (encoding, separator) =>
    `Read as ${encoding === 'windows-1252' ? 'ANSI (Windows-1252)' : encoding.toUpperCase()}, separated by ${separator === '\t' ? 'tabs' : `“${separator}”`}.`,
  summary: (rows, created, updated, unchanged) =>
    `${rows} rows: ${created} new, ${updated} changed, ${unchanged} unchanged.`,
  ignoredColumns: (names) => `Columns not read: ${names}.`,
  fileProblem: {
    empty: 'The file holds no articles.',
    missing_columns: 'The heading row lacks columns:',
    too_many_articles: 'There would be more than 50,000 articles afterwards.',
  },
  problemsTitle: (count) =>
    count === 1
      ? 'One problem: the file was not applied. Please correct it in Excel and choose it again.'
      : `${count} problems: the file was not applied. Please correct it in Excel and choose it again.`,
  moreProblems: (count) => `… and ${count} more.`,
  row: 'Row',
  column: 'Column',
  value: 'Content',
  problem: 'Problem',
  rowProblem: rowProblemEn,
  otherRow: (row) => `(as row ${row})`,
  takenBy: (names) => `(“${names}”)`,
  apply: 'Apply',
  applied: (created, updated) => `Applied: ${created} new, ${updated} changed.`,
  export: 'Export as CSV file',
  favouritesPage: (page, pages) => `Page ${page}/${pages}`,
  previousPage: 'Previous favourites (Page ↑)',
  nextPage: 'More favourites (Page ↓)',
  favouriteExists: (name) =>
    `An article “${name}” exists already: make it a favourite in the settings (F12 → Articles).`,
  removeFavouriteKeepsArticle: (name) => `Take “${name}” off the favourites (it stays in the article list)`,
  code: {
    unknown: (code) => `Unknown code ${code}: no article has this EAN or PLU. Nothing was rung up.`,
    checkDigit: (code) => `The check digit of ${code} is wrong: a typo or a bad read? Nothing was rung up.`,
    failed: (message) => `Code not looked up: ${message}. Nothing was rung up.`,
  },
};
