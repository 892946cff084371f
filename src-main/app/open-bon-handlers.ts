// The till's open Bon: read back when the till starts, kept on every change (src-main/till/).
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import type { AppParts } from './app-parts.ts';

type OpenBonHandlers = Pick<CoreHandlers, 'getOpenBon' | 'keepOpenBon'>;

export function openBonHandlers({ openBons }: Pick<AppParts, 'openBons'>): OpenBonHandlers {
  return {
    getOpenBon: async () => openBons.read(),
    keepOpenBon: async (bon) => openBons.keep(bon),
  };
}
