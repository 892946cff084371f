// Building blocks for parsing SIGN AT answers tolerantly. fiskaly's schema is only partly known
// (see ../shared/reference/sign-at-api.md), so an answer must never break the till because a field
// changed from number to string or an enum gained a value.
import { z } from 'zod';

/**
 * A string enum that also accepts values we do not know yet: the type keeps the known ones for
 * autocompletion and exhaustive checks, while an unknown value passes through as a plain string.
 */
export function openEnum<const T extends readonly string[]>(_known: T) {
  return z.string().transform((value): T[number] | (string & {}) => value);
}

/** A number or a numeric string, as a string (receipt numbers come both ways). */
export const NumberOrString = z.union([z.number(), z.string()]).transform((v) => String(v));

/** A unix time in seconds, sent as number or numeric string; anything else becomes null. */
export const UnixSeconds = z.union([z.number(), z.string(), z.null()]).transform((v) => {
  if (v === null) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
});

/** Hints come as strings in every recorded answer; objects are turned into their message. */
export const Hints = z
  .array(z.unknown())
  .default([])
  .transform((items) =>
    items.map((item) => {
      if (typeof item === 'string') return item;
      if (item && typeof item === 'object' && 'message' in item && typeof item.message === 'string') {
        return item.message;
      }
      return JSON.stringify(item);
    }),
  );
