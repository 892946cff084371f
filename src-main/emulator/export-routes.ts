import { loadCashRegister } from './cash-register-lookup.ts';
import { depExport } from './dep-export.ts';
import { exportRange } from './list-query.ts';
import { uuidParam } from './request-schemas.ts';
import { ok, parseInput, type Route } from './route.ts';

export const exportRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: /^\/cash-register\/([^/]+)\/export$/,
    auth: 'bearer',
    handle(ctx, request) {
      const id = parseInput(uuidParam, request.params[0], 'params');
      loadCashRegister(ctx, request.organization.id, id);
      return ok(depExport(ctx, ctx.store.receiptsInRange(id, exportRange(request.query))));
    },
  },
];
