import { configurationPatchBody } from './request-schemas.ts';
import { ok, parseInput, type Route } from './route.ts';

// Whether SIGN AT itself validates closing receipts with FinanzOnline; the emulator only keeps the switches.
export const configurationRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: /^\/configuration$/,
    auth: 'bearer',
    handle(_ctx, request) {
      return ok({ _type: 'CONFIGURATION', _env: 'TEST', ...request.organization.configuration });
    },
  },
  {
    method: 'PATCH',
    path: /^\/configuration$/,
    auth: 'bearer',
    handle(ctx, request) {
      const body = parseInput(configurationPatchBody, request.body, 'body');
      const configuration = { ...request.organization.configuration, ...body };
      ctx.store.saveOrganization({ ...request.organization, configuration });
      return ok({ _type: 'CONFIGURATION', _env: 'TEST', ...configuration });
    },
  },
];
