// The till's favourite items (the sketch's [Melange 3,80] buttons). They are a preference of this
// till's screen, made by the cashier, so the renderer keeps them itself; what is read back from
// storage is checked like any other input, because a damaged entry must not reach a receipt.
import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { VAT_RATES } from '../../src-shared/vat.ts';
import type { BonLine } from '../till/bon-line.ts';

const MAX_FAVOURITES = 9;

const Favourite = z.object({
  text: z.string().trim().min(1).max(120),
  unitPriceCents: z.number().int().min(0).max(1_000_000_000),
  vatRate: z.enum(VAT_RATES),
});
type Favourite = Omit<BonLine, 'quantityMilli'>;

interface FavouritesState {
  favourites: Favourite[];
  add(favourite: Favourite): void;
  remove(index: number): void;
}

export const useFavouritesStore = create<FavouritesState>()(
  persist(
    (set) => ({
      favourites: [],
      add: (favourite) =>
        set((state) => ({
          favourites: [...state.favourites.filter((f) => f.text !== favourite.text), favourite].slice(
            -MAX_FAVOURITES,
          ),
        })),
      remove: (index) => set((state) => ({ favourites: state.favourites.filter((_, i) => i !== index) })),
    }),
    {
      name: 'kassen-companion.favourites',
      storage: createJSONStorage(() => window.localStorage),
      partialize: (state) => ({ favourites: state.favourites }),
      merge: (persisted, current) => {
        const parsed = z.object({ favourites: z.array(Favourite).max(MAX_FAVOURITES) }).safeParse(persisted);
        return parsed.success ? { ...current, favourites: parsed.data.favourites } : current;
      },
    },
  ),
);
