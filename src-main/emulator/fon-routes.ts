import { fonAuthBody } from './request-schemas.ts';
import { ok, parseInput, type Route } from './route.ts';

// In TEST, FinanzOnline accepts any syntactically valid web-service user, and so does the emulator.
export const fonRoutes: readonly Route[] = [
  {
    method: 'PUT',
    path: /^\/fon\/auth$/,
    auth: 'bearer',
    handle(ctx, request) {
      const body = parseInput(fonAuthBody, request.body, 'body');
      const fon = {
        fon_participant_id: body.fon_participant_id,
        fon_user_id: body.fon_user_id,
        authentication_status: 'AUTHENTICATED' as const,
        time_authentication: ctx.clock.nowSeconds(),
      };
      ctx.store.saveOrganization({ ...request.organization, fon });
      return ok(fon);
    },
  },
  {
    method: 'GET',
    path: /^\/fon\/auth$/,
    auth: 'bearer',
    handle(_ctx, request) {
      return ok(request.organization.fon ?? { authentication_status: 'UNAUTHENTICATED' });
    },
  },
];
