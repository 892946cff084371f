// The one Logger both shells hand the core. Whatever a caller passes, values under secret-sounding keys
// and bearer credentials inside strings never reach the log: a log file gets mailed to support.
import type { Logger } from './app-host.ts';

const SENSITIVE_WORDS = new Set([
  'secret',
  'token',
  'password',
  'passphrase',
  'pin',
  'authorization',
  'cookie',
  'credential',
  'credentials',
  'apikey',
]);
const SENSITIVE_KEY_QUALIFIERS = new Set(['api', 'private', 'access', 'encryption', 'secret']);
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const MAX_DEPTH = 6;
const REDACTED = '[redacted]';

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isSensitiveKey(key: string): boolean {
  const words = keyWords(key);
  return words.some(
    (word, i) =>
      SENSITIVE_WORDS.has(word) ||
      (word === 'key' && i > 0 && SENSITIVE_KEY_QUALIFIERS.has(words[i - 1] ?? '')),
  );
}

/** A copy of `value` that is safe to log. */
function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(BEARER, `$1 ${REDACTED}`);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) {
    const { code } = value as { code?: unknown };
    return redact({ name: value.name, message: value.message, code, stack: value.stack }, depth + 1);
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      isSensitiveKey(key) ? REDACTED : redact(inner, depth + 1),
    ]),
  );
}

export function createRedactingLogger(
  write: (line: string) => void,
  now: () => Date = () => new Date(),
): Logger {
  const emit = (level: string, message: string, fields?: Record<string, unknown>) => {
    const tail = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(redact(fields))}` : '';
    write(`${now().toISOString()} ${level} ${String(redact(message))}${tail}\n`);
  };
  return {
    info: (message, fields) => emit('INFO', message, fields),
    warn: (message, fields) => emit('WARN', message, fields),
    error: (message, fields) => emit('ERROR', message, fields),
  };
}
