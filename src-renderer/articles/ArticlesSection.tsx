// F12 → Artikel: the article list main keeps in the data folder, searched, edited one by one, imported
// from and exported to a CSV file. The list follows every change, wherever it came from (another window,
// the POS API, an import), because main announces each one with the new favourites.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Article } from '../../src-shared/article.ts';
import { formatEuro } from '../../src-shared/money.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { VAT_RATE_INFO } from '../../src-shared/vat.ts';
import { downloadExportedFile } from '../components/download-file.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { ArticleForm } from './ArticleForm.tsx';
import { ArticleImport } from './ArticleImport.tsx';
import './articles.css';

const PAGE_SIZE = 100;
const SEARCH_DELAY_MS = 250;

export function ArticlesSection() {
  const t = useMessages().articles;
  const { client, favourites } = useAppStores();
  // Any change of the list comes with new favourites: the list is read again then.
  const listChanged = useStore(favourites, (s) => s.favourites);
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Article[]>([]);
  const [total, setTotal] = useState(0);
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const generation = useRef(0);
  const addRef = useRef<HTMLButtonElement>(null);

  async function load(text: string, offset: number) {
    const mine = ++generation.current;
    try {
      const page = await client.api.searchArticles({
        limit: PAGE_SIZE,
        offset,
        ...(text.trim() === '' ? {} : { query: text.trim() }),
      });
      if (mine !== generation.current) return;
      setItems((current) => (offset === 0 ? page.items : [...current, ...page.items]));
      setTotal(page.total);
      setFailure(null);
    } catch (error) {
      if (mine === generation.current) setFailure(error instanceof PosError ? error.message : String(error));
    }
  }

  useEffect(() => {
    const timer = window.setTimeout(() => void load(query, 0), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
    // Read again when the query or main's list changes (`load` itself is new on every render).
  }, [client, query, listChanged]);

  function finished(message: string) {
    setEditing(null);
    setDone(message);
    void load(query, 0);
    addRef.current?.focus();
  }

  async function exportCsv() {
    try {
      const file = await client.api.exportArticles(undefined);
      downloadExportedFile(file);
    } catch (error) {
      setFailure(error instanceof PosError ? error.message : String(error));
    }
  }

  function onSearchKey(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void load(query, 0);
    }
  }

  return (
    <section className="settings-card articles-card" data-testid="settings-articles">
      <h2>{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <div className="articles-toolbar">
        <input
          type="search"
          value={query}
          placeholder={t.search}
          aria-label={t.search}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          data-testid="article-search"
        />
        <button
          ref={addRef}
          type="button"
          onClick={() => {
            setDone(null);
            setEditing('new');
          }}
          data-testid="article-add"
        >
          {t.add}
        </button>
        <button type="button" onClick={() => void exportCsv()} data-testid="article-export">
          {t.export}
        </button>
      </div>
      {editing !== null && (
        <ArticleForm
          key={editing === 'new' ? 'new' : editing.id}
          article={editing === 'new' ? null : editing}
          onDone={finished}
          onCancel={() => setEditing(null)}
        />
      )}
      {done && (
        <p className="saved" role="status">
          {done}
        </p>
      )}
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}
      <p className="hint" data-testid="article-count">
        {total === 0 ? t.empty : t.count(items.length, total)}
      </p>
      {items.length > 0 && (
        <table className="articles-table" data-testid="article-table">
          <thead>
            <tr>
              <th>{t.columns.name}</th>
              <th className="num">{t.columns.price}</th>
              <th>{t.columns.vatRate}</th>
              <th>{t.columns.plu}</th>
              <th>{t.columns.ean}</th>
              <th>{t.columns.category}</th>
              <th aria-label={t.columns.favourite}>{t.favouriteMark}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((article) => (
              <tr key={article.id} data-testid="article-row" data-article-id={article.id}>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setDone(null);
                      setEditing(article);
                    }}
                  >
                    {article.name}
                  </button>
                </td>
                <td className="num">{formatEuro(article.priceCents)}</td>
                <td>
                  {VAT_RATE_INFO[article.vatRate].letter} {VAT_RATE_INFO[article.vatRate].label}
                </td>
                <td>{article.plu ?? t.none}</td>
                <td>{article.ean ?? t.none}</td>
                <td>{article.category ?? t.none}</td>
                <td>{article.favourite ? t.favouriteMark : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.length < total && (
        <button type="button" onClick={() => void load(query, items.length)}>
          {t.more}
        </button>
      )}
      <ArticleImport onApplied={finished} />
    </section>
  );
}
