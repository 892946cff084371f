import { randomBytes } from 'node:crypto';
import { ApiError, invalidTransition } from './api-error.ts';
import { loadCashRegister } from './cash-register-lookup.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { pageQuery } from './list-query.ts';
import { scuCanSign, signReceipt, zeroReceipt } from './receipt-signer.ts';
import { cashRegisterPatchBody, cashRegisterPutBody, uuidParam } from './request-schemas.ts';
import { cashRegisterView } from './resource-views.ts';
import { ok, parseInput, type AuthedRequest, type Route } from './route.ts';
import { requireFonAuthenticated } from './scu-routes.ts';
import { loadScu, requireInitializedScu } from './scu-lookup.ts';
import type { CashRegisterRecord, CashRegisterState, ScuRecord } from './stored-records.ts';

function createCashRegister(ctx: EmulatorContext, request: AuthedRequest, id: string): CashRegisterRecord {
  const body = parseInput(cashRegisterPutBody, request.body, 'body');
  const record: CashRegisterRecord = {
    id,
    organization_id: request.organization.id,
    state: 'CREATED',
    // The Kassen-ID printed on every receipt; no "_", since that separates the RKSV code's fields.
    serial_number: `EMU-${randomBytes(6).toString('hex').toUpperCase()}`,
    description: body.description ?? null,
    metadata: body.metadata ?? {},
    aes_key_base64: randomBytes(32).toString('base64'),
    signature_creation_unit_id: null,
    turnover_counter_cents: 0,
    time_creation: ctx.clock.nowSeconds(),
    time_registration: null,
    time_initialization: null,
    initialization_receipt_id: null,
    time_decommission: null,
    decommission_receipt_id: null,
    time_outage: null,
    time_defect: null,
  };
  ctx.store.saveCashRegister(record);
  return record;
}

function registerScu(ctx: EmulatorContext, register: CashRegisterRecord): ScuRecord {
  if (register.signature_creation_unit_id === null) throw new Error('a registered cash register has an SCU');
  return loadScu(ctx, register.organization_id, register.signature_creation_unit_id);
}

/** Signs a zero receipt SIGN AT makes on a transition (start, closing) and returns the register after it. */
function withSpecialReceipt(
  ctx: EmulatorContext,
  register: CashRegisterRecord,
  type: 'INITIALIZATION' | 'DECOMMISSION',
  finish: (register: CashRegisterRecord, receiptId: string) => CashRegisterRecord,
): CashRegisterRecord {
  return ctx.store.transaction(() => {
    const signed = signReceipt(ctx, register, registerScu(ctx, register), zeroReceipt(type));
    const updated = finish(signed.register, signed.row.view._id);
    ctx.store.saveCashRegister(updated);
    return updated;
  });
}

function transition(
  ctx: EmulatorContext,
  request: AuthedRequest,
  register: CashRegisterRecord,
  to: CashRegisterState,
): CashRegisterRecord {
  const now = ctx.clock.nowSeconds();
  const from = register.state;
  const live = from === 'INITIALIZED' || from === 'OUTAGE';
  if (from === 'CREATED' && to === 'REGISTERED') {
    const scu = requireInitializedScu(ctx, request.organization.id);
    return { ...register, state: to, signature_creation_unit_id: scu.id, time_registration: now };
  }
  if (from === 'REGISTERED' && to === 'INITIALIZED') {
    requireFonAuthenticated(request);
    // The start receipt must carry a valid signature, so it cannot be made while the SCU is down.
    if (!scuCanSign(ctx, registerScu(ctx, register))) {
      throw new ApiError(
        503,
        'E_SIGNATURE_CREATION_UNIT_OUTAGE',
        'The signature creation unit cannot sign now',
      );
    }
    return withSpecialReceipt(ctx, register, 'INITIALIZATION', (after, receiptId) => ({
      ...after,
      state: to,
      time_initialization: now,
      initialization_receipt_id: receiptId,
    }));
  }
  if (from === 'INITIALIZED' && to === 'OUTAGE') return { ...register, state: to, time_outage: now };
  if (from === 'OUTAGE' && to === 'INITIALIZED') return { ...register, state: to };
  if (live && to === 'DECOMMISSIONED') {
    return withSpecialReceipt(ctx, register, 'DECOMMISSION', (after, receiptId) => ({
      ...after,
      state: to,
      time_decommission: now,
      decommission_receipt_id: receiptId,
    }));
  }
  if (live && to === 'DEFECTIVE') return { ...register, state: to, time_defect: now };
  throw invalidTransition('Cash register', from, to);
}

export const cashRegisterRoutes: readonly Route[] = [
  {
    method: 'PUT',
    path: /^\/cash-register\/([^/]+)$/,
    auth: 'bearer',
    handle(ctx, request) {
      const id = parseInput(uuidParam, request.params[0], 'params');
      const existing = ctx.store.getCashRegister(id);
      if (existing !== undefined && existing.organization_id !== request.organization.id) {
        throw new ApiError(409, 'E_RESOURCE_ALREADY_EXISTS', `Cash register ${id} already exists`);
      }
      // A repeated PUT (a retry after a lost answer) returns the register that is already there.
      return ok(cashRegisterView(existing ?? createCashRegister(ctx, request, id)));
    },
  },
  {
    method: 'GET',
    path: /^\/cash-register\/([^/]+)$/,
    auth: 'bearer',
    handle(ctx, request) {
      const id = parseInput(uuidParam, request.params[0], 'params');
      return ok(cashRegisterView(loadCashRegister(ctx, request.organization.id, id)));
    },
  },
  {
    method: 'GET',
    path: /^\/cash-register$/,
    auth: 'bearer',
    handle(ctx, request) {
      const { limit, offset } = pageQuery(request.query);
      const { data, count } = ctx.store.listCashRegisters(request.organization.id, limit, offset);
      return ok({ _type: 'CASH_REGISTER_LIST', data: data.map(cashRegisterView), count });
    },
  },
  {
    method: 'PATCH',
    path: /^\/cash-register\/([^/]+)$/,
    auth: 'bearer',
    handle(ctx, request) {
      const id = parseInput(uuidParam, request.params[0], 'params');
      const body = parseInput(cashRegisterPatchBody, request.body, 'body');
      let register = loadCashRegister(ctx, request.organization.id, id);
      // Asking for the state it already has is a no-op, so a retried PATCH is harmless.
      if (body.state !== undefined && body.state !== register.state) {
        register = transition(ctx, request, register, body.state);
      }
      if (body.description !== undefined) register = { ...register, description: body.description };
      if (body.metadata !== undefined) register = { ...register, metadata: body.metadata };
      ctx.store.saveCashRegister(register);
      return ok(cashRegisterView(register));
    },
  },
];
