import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { connectPosClient } from './api/pos-client.ts';
import { App, NoTokenScreen } from './App.tsx';
import { AppStoresContext, createAppStores } from './stores/app-stores.ts';

const root = document.getElementById('root');
if (root) {
  const connection = connectPosClient();
  const stores = connection.ok ? createAppStores(connection.client) : null;
  createRoot(root).render(
    <StrictMode>
      {stores ? (
        <AppStoresContext.Provider value={stores}>
          <App />
        </AppStoresContext.Provider>
      ) : (
        <NoTokenScreen />
      )}
    </StrictMode>,
  );
}
