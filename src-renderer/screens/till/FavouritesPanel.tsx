// One touch (or Ctrl + its number) puts a favourite on the Bon, with the quantity in the Menge field.
// "+ neu" keeps what stands in the entry fields as a new favourite.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { formatEuro } from '../../../src-shared/money.ts';
import { VAT_RATE_INFO } from '../../../src-shared/vat.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { useFavouritesStore } from '../../stores/favourites-store.ts';
import { parseAmountInput } from '../../till/amount-input.ts';

export function FavouritesPanel() {
  const t = useMessages();
  const { sale } = useAppStores();
  const favourites = useFavouritesStore((s) => s.favourites);
  const { add, remove } = useFavouritesStore.getState();
  const entry = useStore(sale, (s) => s.entry);
  const unitPriceCents = parseAmountInput(entry.amount);
  const canSave = unitPriceCents !== null && unitPriceCents >= 0 && entry.text.trim() !== '';

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!event.ctrlKey || event.altKey || event.metaKey) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      if (!digit || sale.getState().phase.kind !== 'entry') return;
      const favourite = useFavouritesStore.getState().favourites[Number(digit) - 1];
      if (!favourite) return;
      event.preventDefault();
      sale.getState().addFavourite(favourite);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sale]);

  function saveEntry() {
    if (!canSave || unitPriceCents === null) return;
    add({ text: entry.text.trim(), unitPriceCents, vatRate: entry.rate });
  }

  return (
    <section className="favourites" aria-label={t.till.favourites} data-testid="favourites">
      <h2>{t.till.favourites}</h2>
      <div className="favourite-buttons">
        {favourites.map((favourite, index) => (
          <span key={favourite.text} className="favourite">
            <button
              type="button"
              tabIndex={-1}
              onClick={() => sale.getState().addFavourite(favourite)}
              title={`Ctrl+${index + 1}`}
              data-testid="favourite"
            >
              <kbd>{index + 1}</kbd> {favourite.text} {formatEuro(favourite.unitPriceCents)}{' '}
              {VAT_RATE_INFO[favourite.vatRate].letter}
            </button>
            <button
              type="button"
              tabIndex={-1}
              className="favourite-remove"
              aria-label={t.till.removeFavourite(favourite.text)}
              onClick={() => remove(index)}
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
          onClick={saveEntry}
          data-testid="favourite-new"
        >
          {t.till.addFavourite}
        </button>
      </div>
    </section>
  );
}
