// One article, new or changed: every field checked as the import checks it, main's answer (a name, PLU
// or EAN another article has) shown at its field. Enter saves, Esc goes back to the list.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Article } from '../../src-shared/article.ts';
import type { ArticleColumn, RowProblemCode } from '../../src-shared/article-import.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { VAT_RATE_INFO, VAT_RATES } from '../../src-shared/vat.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import {
  EMPTY_ARTICLE_FORM,
  formOf,
  readArticleForm,
  type ArticleForm as Form,
  type FormProblems,
} from './article-form.ts';

const FIELD_COLUMNS: Partial<Record<string, ArticleColumn>> = {
  name: 'name',
  priceCents: 'price',
  plu: 'plu',
  ean: 'ean',
  category: 'category',
};

interface Props {
  article: Article | null;
  onDone(message: string): void;
  onCancel(): void;
}

export function ArticleForm({ article, onDone, onCancel }: Props) {
  const t = useMessages().articles;
  const { client } = useAppStores();
  const [form, setForm] = useState<Form>(article ? formOf(article) : EMPTY_ARTICLE_FORM);
  const [problems, setProblems] = useState<FormProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [working, setWorking] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => nameRef.current?.focus(), []);

  function change(patch: Partial<Form>) {
    setForm((current) => ({ ...current, ...patch }));
    setConfirmDelete(false);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const read = readArticleForm(form);
    if ('problems' in read) {
      setProblems(read.problems);
      return;
    }
    setProblems({});
    setFailure(null);
    setWorking(true);
    try {
      const saved = article
        ? await client.api.updateArticle({ ...read.input, id: article.id })
        : await client.api.createArticle(read.input);
      onDone(t.form.saved(saved.name));
    } catch (error) {
      const column = error instanceof PosError && error.field ? FIELD_COLUMNS[error.field] : undefined;
      if (error instanceof PosError && error.code === 'conflict' && column)
        setProblems({ [column]: 'taken' });
      else setFailure(error instanceof PosError ? error.message : String(error));
    } finally {
      setWorking(false);
    }
  }

  async function remove() {
    if (!article) return;
    if (!confirmDelete) {
      setConfirmDelete(true);
      return;
    }
    setWorking(true);
    try {
      await client.api.deleteArticle({ id: article.id });
      onDone(t.form.deleted(article.name));
    } catch (error) {
      setFailure(error instanceof PosError ? error.message : String(error));
      setWorking(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    // Esc leaves the form, not the settings screen.
    event.preventDefault();
    event.stopPropagation();
    event.nativeEvent.stopImmediatePropagation();
    onCancel();
  }

  const problemOf = (column: ArticleColumn): RowProblemCode | undefined => problems[column];
  const field = (column: ArticleColumn, label: string, input: ReactNode, hint?: string) => (
    <label className={problemOf(column) ? 'invalid' : undefined}>
      {label}
      {input}
      {problemOf(column) && (
        <span className="field-problem" role="alert" data-testid={`article-problem-${column}`}>
          {t.rowProblem[problemOf(column) ?? 'required']}
        </span>
      )}
      {hint && !problemOf(column) && <span className="hint">{hint}</span>}
    </label>
  );

  return (
    <form
      className="settings-form article-form"
      onSubmit={(e) => void save(e)}
      onKeyDown={onKeyDown}
      data-testid="article-form"
    >
      <h3>{article ? t.form.editTitle(article.name) : t.form.newTitle}</h3>
      {field(
        'name',
        t.columns.name,
        <input
          ref={nameRef}
          value={form.name}
          maxLength={120}
          onChange={(e) => change({ name: e.target.value })}
          data-testid="article-name"
        />,
      )}
      {field(
        'price',
        t.columns.price,
        <input
          inputMode="decimal"
          value={form.price}
          onChange={(e) => change({ price: e.target.value })}
          data-testid="article-price"
        />,
        t.form.priceHint,
      )}
      {field(
        'vatRate',
        t.columns.vatRate,
        <select
          value={form.vatRate}
          onChange={(e) => change({ vatRate: e.target.value as Form['vatRate'] })}
          data-testid="article-vat-rate"
        >
          {VAT_RATES.map((rate) => (
            <option key={rate} value={rate}>
              {VAT_RATE_INFO[rate].letter} {VAT_RATE_INFO[rate].label}
            </option>
          ))}
        </select>,
      )}
      {field(
        'plu',
        t.columns.plu,
        <input
          inputMode="numeric"
          value={form.plu}
          onChange={(e) => change({ plu: e.target.value })}
          data-testid="article-plu"
        />,
      )}
      {field(
        'ean',
        t.columns.ean,
        <input
          inputMode="numeric"
          value={form.ean}
          onChange={(e) => change({ ean: e.target.value })}
          data-testid="article-ean"
        />,
      )}
      {field(
        'category',
        t.columns.category,
        <input
          value={form.category}
          maxLength={40}
          placeholder={t.form.noCategory}
          onChange={(e) => change({ category: e.target.value })}
          data-testid="article-category"
        />,
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.favourite}
          onChange={(e) => change({ favourite: e.target.checked })}
          data-testid="article-favourite"
        />
        {t.form.favourite}
      </label>
      <div className="article-form-buttons">
        <button type="submit" disabled={working} data-testid="article-save">
          {t.form.save}
        </button>
        <button type="button" onClick={onCancel}>
          {t.form.cancel} <kbd>Esc</kbd>
        </button>
        {article && (
          <button
            type="button"
            className="danger"
            disabled={working}
            onClick={() => void remove()}
            data-testid="article-delete"
          >
            {confirmDelete ? t.form.deleteConfirmed : t.form.delete}
          </button>
        )}
      </div>
      {confirmDelete && article && (
        <p className="notice bad" role="alert">
          {t.form.confirmDelete(article.name)}
        </p>
      )}
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
