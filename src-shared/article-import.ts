// Importing the article list from a CSV file, as Austrian merchants' Excel writes it. The file is first
// checked row by row; it changes the list only when every row is right (`apply`), and then all at once.
// Problems are codes, not sentences, so that the settings screen says them in the merchant's language.
import { z } from 'zod';

/** 4 MiB of CSV: some 50,000 articles. */
export const ARTICLE_CSV_MAX_BYTES = 4 * 1024 * 1024;
/** More problems than this are counted, not listed: the first ones show what is wrong with the file. */
export const LISTED_PROBLEMS_MAX = 200;

export const ArticleImportInput = z.strictObject({
  /** The file's bytes as they are on disk (any of the encodings Excel saves). */
  fileBase64: z.base64().max(Math.ceil(ARTICLE_CSV_MAX_BYTES / 3) * 4, 'Datei zu groß (höchstens 4 MiB)'),
  /** false: only check and say what would change; true: change the list, if every row is right. */
  apply: z.boolean().default(false),
});

/** The columns of the file, whatever their heading says (German or English). */
export const ARTICLE_COLUMNS = ['name', 'price', 'vatRate', 'plu', 'ean', 'category', 'favourite'] as const;
export type ArticleColumn = (typeof ARTICLE_COLUMNS)[number];
export const REQUIRED_COLUMNS = ['name', 'price', 'vatRate'] as const satisfies readonly ArticleColumn[];

const FILE_PROBLEMS = ['empty', 'missing_columns', 'too_many_articles'] as const;
/** What can be wrong with the file as a whole; the settings name each one (article-messages.ts). */
export type FileProblem = (typeof FILE_PROBLEMS)[number];

const ROW_PROBLEMS = [
  'required',
  'too_long',
  'control_characters',
  'price_invalid',
  'price_negative',
  'price_too_large',
  'vat_rate_invalid',
  'plu_invalid',
  'ean_length',
  'ean_check_digit',
  /** Excel showed the EAN as a number ("4,00638E+12") and saved that: the digits are lost. */
  'ean_excel_number',
  'favourite_invalid',
  /** The same name, PLU or EAN as an earlier row (`otherRow`). */
  'duplicate_in_file',
  /** The PLU or EAN belongs to another article of the list (`articles`), which the file leaves as it is. */
  'taken',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEMS)[number];

export const RowProblem = z.object({
  /** As Excel numbers it: the heading is row 1. */
  row: z.number().int(),
  column: z.enum(ARTICLE_COLUMNS).nullable(),
  code: z.enum(ROW_PROBLEMS),
  /** The cell as it stands in the file. */
  value: z.string(),
  /** duplicate_in_file: the earlier row. */
  otherRow: z.number().int().nullable(),
  /** taken: the article that has the code. */
  articles: z.array(z.string()),
});
export type RowProblem = z.infer<typeof RowProblem>;

export const ArticleImportReport = z.object({
  /** True only when the list was changed: `apply` was asked for and no row had a problem. */
  applied: z.boolean(),
  encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le']),
  separator: z.enum([';', ',', '\t']),
  /** Rows with an article (empty rows are skipped). */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  fileProblem: z.enum(FILE_PROBLEMS).nullable(),
  /** missing_columns: which of name, price, vatRate the heading lacks. */
  missingColumns: z.array(z.enum(ARTICLE_COLUMNS)),
  /** Headings the import does not know; their cells are not read. */
  ignoredColumns: z.array(z.string()),
  /** The first LISTED_PROBLEMS_MAX problems, in row order. */
  problems: z.array(RowProblem),
  problemCount: z.number().int(),
});
export type ArticleImportReport = z.infer<typeof ArticleImportReport>;
