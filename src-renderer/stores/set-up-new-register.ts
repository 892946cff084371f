// Runs in the renderer.
// Putting the till's register aside (after decommissioning, or to leave the demo) and what the screens do
// then: an empty Bon on the till, which the setup screen stands in for until a new register is ready.
// The last receipt on screen belonged to the register that was put aside.
import type { AppStores } from './app-stores.ts';

export async function setUpNewRegister(stores: AppStores): Promise<void> {
  await stores.client.api.setUpNewRegister(undefined);
  stores.sale.getState().nextSale();
  stores.screen.getState().show('till');
  await stores.status.getState().refresh();
}
