// One touch (or Ctrl + its number) puts a favourite on the Bon, with the quantity in the Menge field. The
// favourites are articles of main's list, in pages of nine: Bild ↑ / Bild ↓ (PageUp / PageDown) turn
// the page, so every favourite is reachable from the keyboard however many there are.
// "+ neu" makes what stands in the entry fields a new favourite article.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Article } from '../../../src-shared/article.ts';
import { formatEuro } from '../../../src-shared/money.ts';
import { VAT_RATE_INFO } from '../../../src-shared/vat.ts';
import { articleLine } from '../../till/article-line.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { FAVOURITES_PER_PAGE, pageCount } from '../../stores/favourites-store.ts';
import { parseAmountInput } from '../../till/amount-input.ts';

export function FavouritesPanel() {
  const t = useMessages();
  const { sale, favourites: store, screen } = useAppStores();
  const favourites = useStore(store, (s) => s.favourites);
  const page = useStore(store, (s) => s.page);
  const problem = useStore(store, (s) => s.problem);
  const entry = useStore(sale, (s) => s.entry);
  const unitPriceCents = parseAmountInput(entry.amount);
  const canSave = unitPriceCents !== null && unitPriceCents >= 0 && entry.text.trim() !== '';
  const pages = pageCount(favourites);
  const shown = favourites.slice(page * FAVOURITES_PER_PAGE, (page + 1) * FAVOURITES_PER_PAGE);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (sale.getState().phase.kind !== 'entry' || screen.getState().dialog !== null) return;
      if (!event.ctrlKey && !event.altKey && !event.metaKey && /^Page(Up|Down)$/.test(event.key)) {
        event.preventDefault();
        store.getState().turnPage(event.key === 'PageDown' ? 1 : -1);
        return;
      }
      if (!event.ctrlKey || event.altKey || event.metaKey) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      if (!digit) return;
      const { favourites: all, page: current } = store.getState();
      const favourite = all[current * FAVOURITES_PER_PAGE + Number(digit) - 1];
      if (!favourite) return;
      event.preventDefault();
      sale.getState().addFavourite(articleLine(favourite));
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sale, store, screen]);

  async function saveEntry() {
    if (!canSave || unitPriceCents === null) return;
    await store
      .getState()
      .addArticle({ name: entry.text.trim(), priceCents: unitPriceCents, vatRate: entry.rate });
  }

  function problemText(): string | null {
    if (problem === null) return null;
    if (problem.code === 'conflict' && problem.field === 'name') {
      return t.articles.favouriteExists(entry.text.trim());
    }
    return problem.message;
  }

  return (
    <section className="favourites" aria-label={t.till.favourites} data-testid="favourites">
      <h2>
        {t.till.favourites}
        {pages > 1 && (
          <span className="favourite-pages">
            <button
              type="button"
              tabIndex={-1}
              aria-label={t.articles.previousPage}
              title={t.articles.previousPage}
              onClick={() => store.getState().turnPage(-1)}
            >
              ◀
            </button>
            <span data-testid="favourite-page">{t.articles.favouritesPage(page + 1, pages)}</span>
            <button
              type="button"
              tabIndex={-1}
              aria-label={t.articles.nextPage}
              title={t.articles.nextPage}
              onClick={() => store.getState().turnPage(1)}
            >
              ▶
            </button>
          </span>
        )}
      </h2>
      <div className="favourite-buttons">
        {shown.map((favourite: Article, index) => (
          <span key={favourite.id} className="favourite">
            <button
              type="button"
              tabIndex={-1}
              onClick={() => sale.getState().addFavourite(articleLine(favourite))}
              title={`Ctrl+${index + 1}`}
              data-testid="favourite"
            >
              <kbd>{index + 1}</kbd> {favourite.name} {formatEuro(favourite.priceCents)}{' '}
              {VAT_RATE_INFO[favourite.vatRate].letter}
            </button>
            <button
              type="button"
              tabIndex={-1}
              className="favourite-remove"
              aria-label={t.articles.removeFavouriteKeepsArticle(favourite.name)}
              title={t.articles.removeFavouriteKeepsArticle(favourite.name)}
              onClick={() => void store.getState().remove(favourite)}
            >
              ×
            </button>
          </span>
        ))}
        <button
          type="button"
          tabIndex={-1}
          className="favourite-new"
          disabled={!canSave}
          title={t.till.addFavouriteHint}
          onClick={() => void saveEntry()}
          data-testid="favourite-new"
        >
          {t.till.addFavourite}
        </button>
      </div>
      {problem && (
        <p className="entry-problem" role="alert" data-testid="favourite-problem">
          {problemText()}
        </p>
      )}
    </section>
  );
}
