// Checks a real POS API response against what the served OpenAPI document promises for that route and
// status: the document is fetched from the server, not rebuilt from the zod schemas.
import assert from 'node:assert/strict';
import { checkJsonSchema } from './json-schema-check.test-support.ts';

export type Json = Record<string, unknown>;

export async function servedDocument(origin: string): Promise<Json> {
  const res = await fetch(`${origin}/api/v1/openapi.json`);
  assert.equal(res.status, 200);
  return (await res.json()) as Json;
}

/** Returns the parsed body after asserting that the document lists this status and its schema fits. */
export async function assertMatchesDocument(
  origin: string,
  res: Response,
  method: string,
  template: string,
): Promise<Json> {
  const document = await servedDocument(origin);
  const operation = (document.paths as Json)[`/api/v1${template}`] as Json | undefined;
  const responses = (operation?.[method.toLowerCase()] as Json | undefined)?.responses as Json | undefined;
  const documented = responses?.[String(res.status)] as Json | undefined;
  assert.ok(documented, `${method} ${template} answers ${res.status}, which the document does not list`);
  const schema = ((documented.content as Json)['application/json'] as Json).schema as Json;
  const body = (await res.json()) as Json;
  assert.deepEqual(checkJsonSchema(document, schema, body), [], JSON.stringify(body));
  return body;
}
