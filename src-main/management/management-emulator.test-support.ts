// A loopback stand-in for fiskaly's Management API, for tests of the provider onboarding path. It keeps
// what the real service is known to do (../shared/reference/sign-at-api.md): a provider key authenticates
// as the provider's organization, managed organizations need name, address, zip, town, country AUT and the
// parent id, and an API key's secret is returned once. Keys it issues work on an unrestricted SIGN AT
// emulator, where any key pair is an organization of its own.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NewApiKey, NewManagedOrganization } from './management-resources.ts';

export interface ManagementEmulator {
  readonly baseUrl: string;
  readonly providerOrganizationId: string;
  organizations(): Array<Record<string, unknown>>;
  apiKeys(): Array<{ organizationId: string; name: string; key: string }>;
  /** The next request to `METHOD /path-pattern` is carried out, but its answer is dropped. */
  dropAnswerOnce(method: string, path: RegExp): void;
  close(): Promise<void>;
}

export async function startManagementEmulator(options: {
  apiKey: string;
  apiSecret: string;
}): Promise<ManagementEmulator> {
  const providerOrganizationId = randomUUID();
  const tokens = new Set<string>();
  const organizations: Array<Record<string, unknown>> = [];
  const keys: Array<{ organizationId: string; name: string; key: string }> = [];
  const drops: Array<{ method: string; path: RegExp }> = [];

  function reply(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': randomUUID() });
    res.end(text);
  }

  function error(res: ServerResponse, status: number, code: string, message: string): void {
    reply(res, status, { status_code: status, error: 'Error', code, message });
  }

  async function body(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    const text = Buffer.concat(chunks).toString('utf8');
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  function handle(method: string, path: string, req: IncomingMessage, input: unknown, res: ServerResponse) {
    if (method === 'POST' && path === '/auth') {
      const creds = input as { api_key?: unknown; api_secret?: unknown } | undefined;
      if (creds?.api_key !== options.apiKey || creds.api_secret !== options.apiSecret) {
        return error(res, 401, 'E_UNAUTHORIZED', 'Invalid API key or secret');
      }
      const token = randomBytes(24).toString('base64url');
      tokens.add(token);
      return reply(res, 200, {
        access_token: token,
        access_token_claims: { organization_id: providerOrganizationId },
        access_token_expires_in: 3600,
      });
    }
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer === undefined || !tokens.has(bearer))
      return error(res, 401, 'E_UNAUTHORIZED', 'Invalid token');
    if (method === 'POST' && path === '/organizations') {
      const parsed = NewManagedOrganization.safeParse(input);
      if (!parsed.success) return error(res, 400, 'E_FAILED_SCHEMA_VALIDATION', parsed.error.message);
      if (parsed.data.managed_by_organization_id !== providerOrganizationId) {
        return error(res, 403, 'E_FORBIDDEN', 'Not your organization');
      }
      const organization = {
        ...parsed.data,
        _id: randomUUID(),
        _type: 'MANAGED_ORGANIZATION',
        _envs: ['TEST'],
      };
      organizations.push(organization);
      return reply(res, 200, organization);
    }
    if (method === 'GET' && path === '/organizations') {
      return reply(res, 200, {
        _type: 'ORGANIZATION_LIST',
        data: organizations,
        count: organizations.length,
      });
    }
    const keyPath = /^\/organizations\/([^/]+)\/api-keys$/.exec(path);
    if (method === 'POST' && keyPath?.[1] !== undefined) {
      const organizationId = keyPath[1];
      if (!organizations.some((o) => o._id === organizationId)) {
        return error(res, 404, 'E_ORGANIZATION_NOT_FOUND', `Organization ${organizationId} not found`);
      }
      const parsed = NewApiKey.safeParse(input);
      if (!parsed.success) return error(res, 400, 'E_FAILED_SCHEMA_VALIDATION', parsed.error.message);
      const key = `test_${randomBytes(12).toString('hex')}`;
      keys.push({ organizationId, name: parsed.data.name, key });
      return reply(res, 200, {
        _id: randomUUID(),
        _type: 'API_KEY',
        name: parsed.data.name,
        status: 'enabled',
        key,
        secret: randomBytes(24).toString('base64url'),
      });
    }
    return error(res, 404, 'E_NOT_FOUND', `Cannot ${method} ${path}`);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/api\/v0/, '');
      let input: unknown;
      try {
        input = await body(req);
      } catch {
        return error(res, 400, 'E_FAILED_SCHEMA_VALIDATION', 'body should be JSON');
      }
      const drop = drops.findIndex((d) => d.method === method && d.path.test(path));
      if (drop >= 0) {
        drops.splice(drop, 1);
        // Do the work, then lose the answer, as when the line breaks after the server committed.
        handle(method, path, req, input, {
          writeHead: () => undefined,
          end: () => req.socket.destroy(),
        } as unknown as ServerResponse);
        return;
      }
      handle(method, path, req, input, res);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v0`,
    providerOrganizationId,
    organizations: () => organizations.map((o) => ({ ...o })),
    apiKeys: () => keys.map((k) => ({ ...k })),
    dropAnswerOnce(method, path) {
      drops.push({ method, path });
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
