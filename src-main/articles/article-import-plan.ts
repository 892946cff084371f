// What an import does to the list, worked out before anything is written. A row updates the article of
// its name; a row whose name the list does not know updates the article of its EAN, else of its PLU (a
// renamed article: the code is its identity), unless another row of the file names that article; else it
// is a new article. The file's rows are then held to the list's rules as the list will stand afterwards:
// a name, PLU or EAN twice in the file, or a code another article keeps (one the file does not change),
// is a problem of that row, and one problem stops the whole import.
import { articleNameKey, type Article, type ArticleInput } from '../../src-shared/article.ts';
import type { ArticleColumn, RowProblem } from '../../src-shared/article-import.ts';
import { rowProblem, type ArticleRow } from './article-csv-row.ts';
import type { ArticleChange } from './article-store.ts';

interface ImportPlan {
  changes: ArticleChange[];
  created: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
}

type Key = 'name' | 'plu' | 'ean';

function keysOf(input: Pick<ArticleInput, 'name' | 'plu' | 'ean'>): Record<Key, string | null> {
  return { name: articleNameKey(input.name), plu: input.plu, ean: input.ean };
}

function index(articles: readonly Article[]): Record<Key, Map<string, Article>> {
  const maps = {
    name: new Map<string, Article>(),
    plu: new Map<string, Article>(),
    ean: new Map<string, Article>(),
  };
  for (const article of articles) {
    for (const [key, value] of Object.entries(keysOf(article)) as [Key, string | null][]) {
      if (value !== null) maps[key].set(value, article);
    }
  }
  return maps;
}

function sameArticle(article: Article, input: ArticleInput): boolean {
  return (
    article.name === input.name &&
    article.priceCents === input.priceCents &&
    article.vatRate === input.vatRate &&
    article.plu === input.plu &&
    article.ean === input.ean &&
    article.category === input.category &&
    article.favourite === input.favourite
  );
}

interface Planned {
  row: ArticleRow;
  target: Article | null;
  input: ArticleInput;
}

/** The row's article as it will stand: the file's fields, and the target's where the file has no column. */
function inputOf(row: ArticleRow, target: Article | null): ArticleInput | null {
  const { name, priceCents, vatRate, plu, ean, category, favourite } = row.fields;
  if (name === undefined || priceCents === undefined || vatRate === undefined) return null;
  return {
    name,
    priceCents,
    vatRate,
    plu: plu !== undefined ? plu : (target?.plu ?? null),
    ean: ean !== undefined ? ean : (target?.ean ?? null),
    category: category !== undefined ? category : (target?.category ?? null),
    favourite: favourite ?? target?.favourite ?? false,
  };
}

export function planImport(existing: readonly Article[], rows: readonly ArticleRow[]): ImportPlan {
  const list = index(existing);
  const firstRow = {
    name: new Map<string, number>(),
    plu: new Map<string, number>(),
    ean: new Map<string, number>(),
  };
  const rowOfTarget = new Map<string, number>();
  const problems: RowProblem[] = [];
  const planned: Planned[] = [];
  // Articles a row names: no other row renames them through their code.
  const named = new Set(
    rows.flatMap((row) => {
      const article =
        row.fields.name === undefined ? undefined : list.name.get(articleNameKey(row.fields.name));
      return article ? [article.id] : [];
    }),
  );
  const byCode = (key: 'plu' | 'ean', value: string | null | undefined): Article | undefined => {
    const article = value ? list[key].get(value) : undefined;
    return article && !named.has(article.id) ? article : undefined;
  };

  for (const row of rows) {
    problems.push(...row.problems);
    const { name, plu, ean } = row.fields;
    const keys: Record<Key, string | null | undefined> = {
      name: name === undefined ? undefined : articleNameKey(name),
      plu,
      ean,
    };
    let duplicate = false;
    for (const key of ['name', 'plu', 'ean'] as const) {
      const value = keys[key];
      if (value === undefined || value === null) continue;
      const earlier = firstRow[key].get(value);
      if (earlier === undefined) firstRow[key].set(value, row.row);
      else {
        problems.push(
          rowProblem(row.row, key, 'duplicate_in_file', row.cells[key] ?? '', { otherRow: earlier }),
        );
        duplicate = true;
      }
    }
    if (row.problems.length > 0 || duplicate) continue;
    const target =
      (keys.name ? list.name.get(keys.name) : undefined) ?? byCode('ean', ean) ?? byCode('plu', plu) ?? null;
    if (target) {
      const earlier = rowOfTarget.get(target.id);
      if (earlier !== undefined) {
        // Not the same name (that is a duplicate above): the row renames an article another row keeps.
        const column: ArticleColumn = ean && target.ean === ean ? 'ean' : 'plu';
        problems.push(
          rowProblem(row.row, column, 'duplicate_in_file', row.cells[column] ?? '', { otherRow: earlier }),
        );
        continue;
      }
      rowOfTarget.set(target.id, row.row);
    }
    const input = inputOf(row, target);
    if (input) planned.push({ row, target, input });
  }

  // The codes the articles the file leaves alone keep: a row may not take one of them.
  const untouched = index(existing.filter((article) => !rowOfTarget.has(article.id)));
  const plan: ImportPlan = { changes: [], created: 0, updated: 0, unchanged: 0, problems };
  for (const { row, target, input } of planned) {
    let taken = false;
    for (const key of ['plu', 'ean'] as const) {
      const value = input[key];
      const holder = value === null ? undefined : untouched[key].get(value);
      if (holder) {
        problems.push(
          rowProblem(row.row, key, 'taken', row.cells[key] ?? value ?? '', { articles: [holder.name] }),
        );
        taken = true;
      }
    }
    if (taken) continue;
    if (target === null) {
      plan.created++;
      plan.changes.push({ id: null, input });
    } else if (sameArticle(target, input)) {
      plan.unchanged++;
    } else {
      plan.updated++;
      plan.changes.push({ id: target.id, input });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return plan;
}
