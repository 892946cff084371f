import { z } from 'zod';
import { certificateMaterial } from '../../src-shared/crypto-material.ts';
import { ApiError, notFound } from './api-error.ts';
import { changeFaults, faultPatch, NO_FAULTS } from './fault-settings.ts';
import { uuidParam } from './request-schemas.ts';
import { ok, parseInput, type Route } from './route.ts';

// The emulator's own control surface under /_emulator: no auth, never subject to injected faults.

const clockBody = z.object({ now: z.iso.datetime({ offset: true }).nullable() });

export const controlRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: /^\/faults$/,
    auth: 'none',
    handle(ctx) {
      return ok(ctx.faults);
    },
  },
  {
    method: 'POST',
    path: /^\/faults$/,
    auth: 'none',
    handle(ctx, request) {
      return ok(changeFaults(ctx, parseInput(faultPatch, request.body, 'body')));
    },
  },
  {
    method: 'DELETE',
    path: /^\/faults$/,
    auth: 'none',
    handle(ctx) {
      return ok(changeFaults(ctx, NO_FAULTS));
    },
  },
  {
    method: 'GET',
    path: /^\/clock$/,
    auth: 'none',
    handle(ctx) {
      return ok({ now: ctx.clock.now().toISOString() });
    },
  },
  {
    method: 'POST',
    path: /^\/clock$/,
    auth: 'none',
    handle(ctx, request) {
      const { now } = parseInput(clockBody, request.body, 'body');
      ctx.clock.set(now === null ? null : new Date(now));
      return ok({ now: ctx.clock.now().toISOString() });
    },
  },
  {
    method: 'GET',
    path: /^\/cash-register\/([^/]+)\/crypto-material$/,
    auth: 'none',
    handle(ctx, request) {
      const id = parseInput(uuidParam, request.params[0], 'params');
      const register = ctx.store.getCashRegister(id);
      if (register === undefined) throw notFound('E_CASH_REGISTER_NOT_FOUND', 'Cash register', id);
      if (register.signature_creation_unit_id === null) {
        throw new ApiError(
          409,
          'E_CASH_REGISTER_NOT_REGISTERED',
          'The cash register has no signature creation unit yet',
        );
      }
      const scu = ctx.store.getScu(register.signature_creation_unit_id);
      if (scu === undefined) throw new Error(`cash register ${id} names an unknown SCU`);
      // The BMF verification tool's "cryptographic material container".
      return ok(
        certificateMaterial(register.aes_key_base64, scu.certificate_serial_number, scu.certificate_base64),
      );
    },
  },
  {
    method: 'GET',
    path: /^\/cash-register\/([^/]+)\/receipt\/([^/]+)\/form$/,
    auth: 'none',
    handle(ctx, request) {
      const cashRegisterId = parseInput(uuidParam, request.params[0], 'params');
      const receiptId = parseInput(uuidParam, request.params[1], 'params');
      const row = ctx.store.getReceipt(receiptId);
      if (row === undefined || row.view.cash_register_id !== cashRegisterId) {
        throw notFound('E_RECEIPT_NOT_FOUND', 'Receipt', receiptId);
      }
      // Which body form the client sent, which a client's GET cannot tell: a standard_v1 receipt keeps
      // the raw buckets derived from it beside it, a raw one has raw alone. Lets an end-to-end test see
      // that a negative bucket went as raw.
      return ok({ form: row.view.schema['standard_v1'] === undefined ? 'raw' : 'standard_v1' });
    },
  },
];
