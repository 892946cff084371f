import { createSelfSignedCertificate } from '../rksv/certificate.ts';
import { generateP256KeyPair } from '../rksv/es256.ts';
import { ApiError, invalidTransition } from './api-error.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { pageQuery } from './list-query.ts';
import { scuPatchBody, scuPutBody, uuidParam } from './request-schemas.ts';
import { scuView } from './resource-views.ts';
import { ok, parseInput, type AuthedRequest, type Route } from './route.ts';
import { activeScu, loadScu } from './scu-lookup.ts';
import type { ScuRecord } from './stored-records.ts';

// Wide validity so that a clock moved by tests never makes a receipt fall outside it.
const NOT_BEFORE = new Date('2000-01-01T00:00:00Z');
const NOT_AFTER = new Date('2099-12-31T23:59:59Z');

/** SIGN AT refuses to initialize an SCU or a cash register before the FinanzOnline login. */
export function requireFonAuthenticated(request: AuthedRequest): void {
  if (request.organization.fon?.authentication_status !== 'AUTHENTICATED') {
    throw new ApiError(
      409,
      'E_FON_NOT_AUTHENTICATED',
      'FinanzOnline authentication (PUT /fon/auth) is required first',
    );
  }
}

function createScu(ctx: EmulatorContext, request: AuthedRequest, id: string): ScuRecord {
  const body = parseInput(scuPutBody, request.body, 'body');
  if (activeScu(ctx, request.organization.id) !== undefined) {
    throw new ApiError(
      409,
      'E_RESOURCE_ALREADY_EXISTS',
      'The organization already has a signature creation unit',
    );
  }
  const { privateKey, publicKey } = generateP256KeyPair();
  const legalEntityId = Object.fromEntries(
    Object.entries(body.legal_entity_id).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const certificate = createSelfSignedCertificate({
    privateKey,
    publicKey,
    commonName: `SIGN AT emulator SCU ${id}`,
    organization: body.legal_entity_name ?? Object.values(legalEntityId)[0],
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
  });
  const now = ctx.clock.now().getTime();
  const record: ScuRecord = {
    id,
    organization_id: request.organization.id,
    state: 'PENDING',
    legal_entity_id: legalEntityId,
    legal_entity_name: body.legal_entity_name ?? null,
    metadata: body.metadata ?? {},
    pending_until_ms: now + ctx.config.scuPendingMs,
    time_pending: Math.floor(now / 1000),
    time_creation: null,
    time_initialization: null,
    time_decommission: null,
    private_key_pkcs8_base64: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    certificate_base64: certificate.der.toString('base64'),
    certificate_serial_number: certificate.serialHex,
  };
  ctx.store.saveScu(record);
  return record;
}

function transition(
  ctx: EmulatorContext,
  request: AuthedRequest,
  scu: ScuRecord,
  to: ScuRecord['state'],
): ScuRecord {
  const now = ctx.clock.nowSeconds();
  if (to === 'INITIALIZED' && scu.state === 'CREATED') {
    requireFonAuthenticated(request);
    return { ...scu, state: to, time_initialization: now };
  }
  if (to === 'DECOMMISSIONED' && (scu.state === 'INITIALIZED' || scu.state === 'OUTAGE')) {
    return { ...scu, state: to, time_decommission: now };
  }
  throw invalidTransition('Signature creation unit', scu.state, to);
}

export const scuRoutes: readonly Route[] = [
  {
    method: 'PUT',
    path: /^\/signature-creation-unit\/([^/]+)$/,
    auth: 'bearer',
    handle(ctx, request) {
      const id = parseInput(uuidParam, request.params[0], 'params');
      const existing = ctx.store.getScu(id);
      if (existing !== undefined && existing.organization_id !== request.organization.id) {
        throw new ApiError(409, 'E_RESOURCE_ALREADY_EXISTS', `Signature creation unit ${id} already exists`);
      }
      // Repeating the PUT is how clients wait through PENDING, so an existing SCU is simply returned.
      const scu =
        existing === undefined ? createScu(ctx, request, id) : loadScu(ctx, request.organization.id, id);
      return ok(scuView(scu, ctx.faults.scu_outage));
    },
  },
  {
    method: 'GET',
    path: /^\/signature-creation-unit\/([^/]+)$/,
    auth: 'bearer',
    handle(ctx, request) {
      const id = parseInput(uuidParam, request.params[0], 'params');
      return ok(scuView(loadScu(ctx, request.organization.id, id), ctx.faults.scu_outage));
    },
  },
  {
    method: 'GET',
    path: /^\/signature-creation-unit$/,
    auth: 'bearer',
    handle(ctx, request) {
      const { limit, offset } = pageQuery(request.query);
      const { data, count } = ctx.store.listScus(request.organization.id, limit, offset);
      return ok({
        _type: 'SIGNATURE_CREATION_UNIT_LIST',
        data: data.map((scu) =>
          scuView(loadScu(ctx, request.organization.id, scu.id), ctx.faults.scu_outage),
        ),
        count,
      });
    },
  },
  {
    method: 'PATCH',
    path: /^\/signature-creation-unit\/([^/]+)$/,
    auth: 'bearer',
    handle(ctx, request) {
      const id = parseInput(uuidParam, request.params[0], 'params');
      const body = parseInput(scuPatchBody, request.body, 'body');
      let scu = loadScu(ctx, request.organization.id, id);
      // Asking for the state it already has is a no-op, so a retried PATCH is harmless.
      if (body.state !== undefined && body.state !== scu.state)
        scu = transition(ctx, request, scu, body.state);
      if (body.metadata !== undefined) scu = { ...scu, metadata: body.metadata };
      ctx.store.saveScu(scu);
      return ok(scuView(scu, ctx.faults.scu_outage));
    },
  },
];
