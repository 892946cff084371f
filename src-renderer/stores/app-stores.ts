// All stores of one window, created once around the PosClient, so that each store reaches main
// through the same validated client and tests could build a second, independent set.
import { createContext, useContext } from 'react';
import type { PosClient } from '../api/pos-client.ts';
import { createFavouritesStore } from './favourites-store.ts';
import { createJournalStore } from './journal-store.ts';
import { createSaleStore } from './sale-store.ts';
import { createScreenStore } from './screen-store.ts';
import { createStatusStore } from './status-store.ts';

export function createAppStores(client: PosClient) {
  const status = createStatusStore(client.api);
  return {
    client,
    status,
    screen: createScreenStore(),
    sale: createSaleStore(client.api, status),
    journal: createJournalStore(client.api, () => status.getState().status?.register?.id ?? null),
    favourites: createFavouritesStore(client.api),
  };
}
export type AppStores = ReturnType<typeof createAppStores>;

/** Routes main's pushed events to the stores they concern; returns the unsubscribe function. */
export function connectEvents(stores: AppStores): () => void {
  return stores.client.transport.subscribe(
    (event) => {
      switch (event.type) {
        case 'status':
          stores.status.getState().apply(event.payload);
          break;
        case 'receipt':
          stores.sale.getState().receiptChanged(event.payload);
          stores.journal.getState().receiptChanged(event.payload);
          break;
        case 'favourites':
          stores.favourites.getState().apply(event.payload);
          break;
      }
    },
    (channel) => stores.status.getState().setChannel(channel),
  );
}

export const AppStoresContext = createContext<AppStores | null>(null);

export function useAppStores(): AppStores {
  const stores = useContext(AppStoresContext);
  if (!stores) throw new Error('useAppStores outside <AppStoresContext.Provider>');
  return stores;
}
