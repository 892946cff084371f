// The answer shapes a client must tolerate (faults `extra_fields` and `receipt_number_type`). The
// store keeps one shape; these turn an answer into what the real service may send instead: resources
// and lists with fields no published schema names, and receipt numbers as strings or integers.
import type { FaultSettings } from './fault-settings.ts';

type Shape = Pick<FaultSettings, 'extra_fields' | 'receipt_number_type'>;

/** Fields SIGN AT could add any day: a link block, a nested object, a list, a null. */
function extraFields(type: string): Record<string, unknown> {
  return {
    _links: { self: { href: `/api/v1/${type.toLowerCase()}` } },
    _emulator_extension: { added_by: 'extra_fields', nested: [{ value: 1 }, { value: 'zwei' }, null] },
    future_flag: null,
  };
}

function reshape(value: unknown, shape: Shape): unknown {
  if (Array.isArray(value)) return value.map((item) => reshape(item, shape));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]): [string, unknown] => {
    if (key === 'receipt_number' && typeof item === 'number' && shape.receipt_number_type === 'string') {
      return [key, String(item)];
    }
    return [key, reshape(item, shape)];
  });
  const type = (value as { _type?: unknown })._type;
  // Only objects SIGN AT calls a resource (they carry `_type`) gain fields; the DEP export stays as the
  // RKSV format has it.
  if (shape.extra_fields && typeof type === 'string') entries.push(...Object.entries(extraFields(type)));
  return Object.fromEntries(entries);
}

/** The answer as the faults shape it; untouched when neither is set. */
export function shapeAnswer(body: unknown, shape: Shape): unknown {
  if (!shape.extra_fields && shape.receipt_number_type === 'integer') return body;
  return reshape(body, shape);
}
