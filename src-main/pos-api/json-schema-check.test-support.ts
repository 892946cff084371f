// A small JSON Schema (2020-12) checker for the subset the POS API's OpenAPI document uses, so tests
// can validate real responses against the served document rather than against the zod schemas that
// produced it. An unknown keyword throws: the checker never passes something it did not understand.
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['description', 'examples', 'default', 'title', '$schema', 'format']);
const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function resolveRef(document: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref supported: ${ref}`);
  let node: unknown = document;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  if (typeof node !== 'object' || node === null) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}

/** Returns the list of problems; empty when `value` fits `schema`. */
export function checkJsonSchema(document: Schema, schema: Schema, value: unknown, at = '$'): string[] {
  const problems: string[] = [];
  for (const [keyword, arg] of Object.entries(schema)) {
    switch (keyword) {
      case '$ref':
        problems.push(...checkJsonSchema(document, resolveRef(document, String(arg)), value, at));
        break;
      case 'type': {
        const actual = typeOf(value);
        const allowed = Array.isArray(arg) ? arg : [arg];
        if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
          problems.push(`${at}: ${actual} is not ${allowed.join('|')}`);
        }
        break;
      }
      case 'enum':
        if (!(arg as unknown[]).includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not in enum`);
        break;
      case 'const':
        if (value !== arg) problems.push(`${at}: not ${JSON.stringify(arg)}`);
        break;
      case 'properties':
        if (typeOf(value) === 'object') {
          for (const [key, sub] of Object.entries(arg as Record<string, Schema>)) {
            const inner = (value as Record<string, unknown>)[key];
            if (inner !== undefined) problems.push(...checkJsonSchema(document, sub, inner, `${at}.${key}`));
          }
        }
        break;
      case 'required':
        if (typeOf(value) === 'object') {
          for (const key of arg as string[]) {
            if (!Object.hasOwn(value as object, key)) problems.push(`${at}: missing ${key}`);
          }
        }
        break;
      case 'additionalProperties':
        if (typeOf(value) === 'object' && arg === false) {
          const known = Object.keys((schema.properties as object | undefined) ?? {});
          for (const key of Object.keys(value as object)) {
            if (!known.includes(key)) problems.push(`${at}: unexpected property ${key}`);
          }
        } else if (typeOf(value) === 'object' && typeof arg === 'object') {
          const known = Object.keys((schema.properties as object | undefined) ?? {});
          for (const [key, inner] of Object.entries(value as object)) {
            if (!known.includes(key))
              problems.push(...checkJsonSchema(document, arg as Schema, inner, `${at}.${key}`));
          }
        }
        break;
      case 'items':
        if (Array.isArray(value)) {
          value.forEach((item, i) =>
            problems.push(...checkJsonSchema(document, arg as Schema, item, `${at}[${i}]`)),
          );
        }
        break;
      case 'anyOf':
      case 'oneOf': {
        const fits = (arg as Schema[]).filter(
          (sub) => checkJsonSchema(document, sub, value, at).length === 0,
        );
        if (fits.length === 0 || (keyword === 'oneOf' && fits.length > 1)) {
          problems.push(`${at}: fits ${fits.length} of ${keyword}`);
        }
        break;
      }
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(String(arg), 'u').test(value)) {
          problems.push(`${at}: ${JSON.stringify(value)} does not match ${String(arg)}`);
        }
        break;
      case 'minLength':
      case 'maxLength':
        if (typeof value === 'string') {
          const n = [...value].length;
          if (keyword === 'minLength' ? n < Number(arg) : n > Number(arg))
            problems.push(`${at}: length ${n}`);
        }
        break;
      case 'minItems':
      case 'maxItems':
        if (
          Array.isArray(value) &&
          (keyword === 'minItems' ? value.length < Number(arg) : value.length > Number(arg))
        ) {
          problems.push(`${at}: ${value.length} items`);
        }
        break;
      case 'minimum':
      case 'maximum':
        if (
          typeof value === 'number' &&
          (keyword === 'minimum' ? value < Number(arg) : value > Number(arg))
        ) {
          problems.push(`${at}: ${value} out of range`);
        }
        break;
      default:
        if (!ANNOTATIONS.has(keyword))
          throw new Error(`JSON Schema keyword not supported by the checker: ${keyword}`);
        if (keyword === 'format' && typeof value === 'string' && FORMATS[String(arg)]) {
          if (!FORMATS[String(arg)]!.test(value)) problems.push(`${at}: not a ${String(arg)}`);
        }
    }
  }
  return problems;
}
