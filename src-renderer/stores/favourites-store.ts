// The till's favourite buttons: the favourite articles of main's article list, in their order, kept fresh
// by main's `favourites` event (an edit in the settings or over the POS API shows at once). Shown in
// pages of nine, one per Ctrl+digit; as many pages as there are favourites, so none is ever dropped.
// Favourites the till kept in the browser before (localStorage) are handed to main once.
import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import type { Article, ArticleInputRaw } from '../../src-shared/article.ts';
import { LEGACY_FAVOURITES_KEY, LegacyFavourite } from '../../src-shared/legacy-favourite.ts';
import type { PosApi } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';

export const FAVOURITES_PER_PAGE = 9;

interface FavouritesState {
  favourites: Article[];
  /** 0-based; kept within the pages there are when the favourites change. */
  page: number;
  /** Main's answer when making or removing a favourite failed. */
  problem: PosError | null;
  /** Hands the browser's old favourites to main (once), then loads the favourites. */
  start(): Promise<void>;
  apply(favourites: Article[]): void;
  turnPage(step: 1 | -1): void;
  /** A new favourite article from what stands in the entry fields; false (and `problem`) when refused. */
  addArticle(article: ArticleInputRaw): Promise<boolean>;
  /** Takes the article off the buttons; it stays in the article list. */
  remove(article: Article): Promise<void>;
}

export function pageCount(favourites: readonly Article[]): number {
  return Math.max(1, Math.ceil(favourites.length / FAVOURITES_PER_PAGE));
}

/** The favourites the till kept in localStorage (zustand's persist format), each one checked. */
function legacyFavourites(storage: Storage): LegacyFavourite[] | null {
  const raw = storage.getItem(LEGACY_FAVOURITES_KEY);
  if (raw === null) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return [];
  }
  const parsed = z.object({ state: z.object({ favourites: z.array(z.unknown()) }) }).safeParse(stored);
  if (!parsed.success) return [];
  // A damaged entry must not reach a receipt; the others are kept.
  return parsed.data.state.favourites.flatMap((entry) => {
    const favourite = LegacyFavourite.safeParse(entry);
    return favourite.success ? [favourite.data] : [];
  });
}

export function createFavouritesStore(api: PosApi, storage: () => Storage = () => window.localStorage) {
  return createStore<FavouritesState>()((set, get) => ({
    favourites: [],
    page: 0,
    problem: null,

    async start() {
      try {
        const legacy = legacyFavourites(storage());
        if (legacy !== null) {
          get().apply(await api.adoptLegacyFavourites({ favourites: legacy }));
          // Only once main has them: a failed hand-over is tried again at the next start.
          storage().removeItem(LEGACY_FAVOURITES_KEY);
          return;
        }
        get().apply(await api.listFavourites(undefined));
      } catch (error) {
        set({ problem: error instanceof PosError ? error : new PosError('internal', String(error)) });
      }
    },

    apply(favourites) {
      set((state) => ({ favourites, page: Math.min(state.page, pageCount(favourites) - 1) }));
    },

    turnPage(step) {
      set((state) => ({
        page: (state.page + step + pageCount(state.favourites)) % pageCount(state.favourites),
      }));
    },

    async addArticle(article) {
      try {
        await api.createArticle({ ...article, favourite: true });
        // The event brings the new list too; asking keeps this window right without the event channel.
        const favourites = await api.listFavourites(undefined);
        set({ problem: null, favourites, page: pageCount(favourites) - 1 });
        return true;
      } catch (error) {
        set({ problem: error instanceof PosError ? error : new PosError('internal', String(error)) });
        return false;
      }
    },

    async remove(article) {
      try {
        const { id, updatedAt: _updatedAt, ...fields } = article;
        await api.updateArticle({ ...fields, id, favourite: false });
        get().apply(await api.listFavourites(undefined));
        set({ problem: null });
      } catch (error) {
        set({ problem: error instanceof PosError ? error : new PosError('internal', String(error)) });
      }
    },
  }));
}
