import { X509Certificate } from 'node:crypto';
import { verifyReceiptJws } from '../rksv/receipt-signature.ts';
import { ApiError, notFound } from './api-error.ts';
import { amountsFromRaw, rawFromAmounts } from './amount-text.ts';
import { loadCashRegister } from './cash-register-lookup.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { receiptListQuery } from './list-query.ts';
import { signReceipt, type ReceiptRequest } from './receipt-signer.ts';
import { requestFingerprint } from './request-fingerprint.ts';
import { tamperedAnswer } from './response-tamper.ts';
import { receiptPutBody, uuidParam, type ReceiptPutBody } from './request-schemas.ts';
import { ok, parseInput, type AuthedRequest, type Route } from './route.ts';
import { loadScu } from './scu-lookup.ts';
import { amountsFromStandardV1 } from './standard-v1-buckets.ts';
import type { FonValidation, ReceiptRow } from './stored-records.ts';

function toReceiptRequest(id: string, body: ReceiptPutBody, fingerprint: string): ReceiptRequest {
  const base = { id, type: body.receipt_type, metadata: body.metadata ?? {}, fingerprint };
  if (body.schema.standard_v1 !== undefined) {
    const amounts = amountsFromStandardV1(body.schema.standard_v1);
    return {
      ...base,
      amounts,
      schema: { standard_v1: body.schema.standard_v1, raw: rawFromAmounts(amounts) },
    };
  }
  if (body.schema.raw === undefined) throw new Error('the schema refinement guarantees one variant');
  return { ...base, amounts: amountsFromRaw(body.schema.raw), schema: { raw: body.schema.raw } };
}

function ids(request: AuthedRequest): { cashRegisterId: string; receiptId: string } {
  return {
    cashRegisterId: parseInput(uuidParam, request.params[0], 'params'),
    receiptId: parseInput(uuidParam, request.params[1], 'params'),
  };
}

function loadReceipt(ctx: EmulatorContext, request: AuthedRequest): ReceiptRow {
  const { cashRegisterId, receiptId } = ids(request);
  loadCashRegister(ctx, request.organization.id, cashRegisterId);
  const row = ctx.store.getReceipt(receiptId);
  if (row === undefined || row.view.cash_register_id !== cashRegisterId) {
    throw notFound('E_RECEIPT_NOT_FOUND', 'Receipt', receiptId);
  }
  return row;
}

function sign(ctx: EmulatorContext, request: AuthedRequest): ReceiptRow {
  const { cashRegisterId, receiptId } = ids(request);
  const body = parseInput(receiptPutBody, request.body, 'body');
  const fingerprint = requestFingerprint(request.body);
  const register = loadCashRegister(ctx, request.organization.id, cashRegisterId);
  // Idempotency comes before any state check: a retry must get its receipt even after the register moved on.
  const existing = ctx.store.getReceipt(receiptId);
  if (existing !== undefined) {
    if (existing.view.cash_register_id === cashRegisterId && existing.fingerprint === fingerprint)
      return existing;
    throw new ApiError(
      409,
      'E_RESOURCE_ALREADY_EXISTS',
      `Receipt ${receiptId} already exists with a different request body`,
    );
  }
  if (register.state !== 'INITIALIZED' || register.signature_creation_unit_id === null) {
    throw new ApiError(
      409,
      'E_CASH_REGISTER_NOT_INITIALIZED',
      `Cash register ${cashRegisterId} is ${register.state}; receipts are signed only when it is INITIALIZED`,
    );
  }
  const scu = loadScu(ctx, request.organization.id, register.signature_creation_unit_id);
  if (scu.state === 'DECOMMISSIONED' || scu.state === 'DEFECTIVE' || scu.state === 'PENDING') {
    throw new ApiError(
      409,
      'E_SIGNATURE_CREATION_UNIT_NOT_INITIALIZED',
      `Signature creation unit is ${scu.state}`,
    );
  }
  const receipt = toReceiptRequest(receiptId, body, fingerprint);
  return ctx.store.transaction(() => signReceipt(ctx, register, scu, receipt).row);
}

function validate(ctx: EmulatorContext, request: AuthedRequest): FonValidation {
  const row = loadReceipt(ctx, request);
  const scu = loadScu(ctx, request.organization.id, row.view.signature_creation_unit_id);
  const publicKey = new X509Certificate(Buffer.from(scu.certificate_base64, 'base64')).publicKey;
  // What FinanzOnline checks for a start or yearly receipt: a signature valid against the registered SCU.
  const valid = row.view.signed && verifyReceiptJws(publicKey, row.jws);
  const validation: FonValidation = {
    validation_result: valid ? 'SUCCESS' : 'ERROR_UNSPECIFIED',
    time_validation: ctx.clock.nowSeconds(),
  };
  ctx.store.saveFonValidations(row.view._id, [...row.fonValidations, validation]);
  return validation;
}

export const receiptRoutes: readonly Route[] = [
  {
    method: 'PUT',
    path: /^\/cash-register\/([^/]+)\/receipt\/([^/]+)$/,
    auth: 'bearer',
    commitsReceipt: true,
    handle(ctx, request) {
      return ok(tamperedAnswer(sign(ctx, request).view, ctx.faults.tamper_response));
    },
  },
  {
    method: 'GET',
    path: /^\/cash-register\/([^/]+)\/receipt\/([^/]+)$/,
    auth: 'bearer',
    handle(ctx, request) {
      const row = loadReceipt(ctx, request);
      return ok({ ...row.view, fon_validations: row.fonValidations });
    },
  },
  {
    method: 'GET',
    path: /^\/cash-register\/([^/]+)\/receipt$/,
    auth: 'bearer',
    handle(ctx, request) {
      const cashRegisterId = parseInput(uuidParam, request.params[0], 'params');
      loadCashRegister(ctx, request.organization.id, cashRegisterId);
      const { data, count } = ctx.store.listReceipts(cashRegisterId, receiptListQuery(request.query));
      return ok({ _type: 'RECEIPT_LIST', data: data.map((row) => row.view), count });
    },
  },
  {
    method: 'POST',
    path: /^\/cash-register\/([^/]+)\/receipt\/([^/]+)\/validation$/,
    auth: 'bearer',
    handle(ctx, request) {
      return ok(validate(ctx, request));
    },
  },
];
