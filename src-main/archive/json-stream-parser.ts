// A JSON parser fed in chunks, reporting what it reads to a visitor as it goes: a DEP of a busy year
// is hundreds of megabytes, close to the longest string V8 holds, and JSON.parse of it would hold the
// whole file and every receipt at once. Strict JSON (RFC 8259), with a UTF-8 byte order mark allowed at
// the start, as Windows tools write one. Strings without escapes, such as every JWS, are cut out of the
// bytes directly; one with escapes goes through JSON.parse.

export interface JsonVisitor {
  startObject(): void;
  endObject(): void;
  startArray(): void;
  endArray(): void;
  key(name: string): void;
  value(value: string | number | boolean | null): void;
}

/** Not JSON; `offset` is the byte in the file where it went wrong. */
export class JsonSyntaxError extends SyntaxError {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} (Byte ${offset})`);
    this.name = 'JsonSyntaxError';
    this.offset = offset;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** No JSON token of a DEP comes near this; more means a broken file, not a long certificate. */
const MAX_TOKEN_BYTES = 16 * 2 ** 20;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** What may come next; numbers rather than strings, as this runs for every token of a large file. */
const State = {
  Value: 0,
  ValueOrEndArray: 1,
  KeyOrEndObject: 2,
  Key: 3,
  Colon: 4,
  CommaOrEnd: 5,
  Done: 6,
} as const;
type State = (typeof State)[keyof typeof State];

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isNumberByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x2b ||
    byte === 0x2e ||
    byte === 0x65 ||
    byte === 0x45
  );
}

function describe(byte: number | undefined): string {
  if (byte === undefined) return 'Ende der Datei';
  return byte >= 0x21 && byte < 0x7f
    ? `„${String.fromCharCode(byte)}“`
    : `Byte 0x${byte.toString(16).padStart(2, '0')}`;
}

export class JsonStreamParser {
  readonly #visitor: JsonVisitor;
  /** The containers open around the current position: true for an object, false for an array. */
  readonly #stack: boolean[] = [];
  #state: State = State.Value;
  /** The end of a token the last chunk cut off, read again with the next one. */
  #carry: Buffer | null = null;
  /** Bytes of the file before the current buffer. */
  #offset = 0;
  #started = false;

  constructor(visitor: JsonVisitor) {
    this.#visitor = visitor;
  }

  write(chunk: Buffer): void {
    let buffer = this.#carry === null ? chunk : Buffer.concat([this.#carry, chunk]);
    this.#carry = null;
    if (!this.#started) {
      if (buffer.length < 3 && buffer.length > 0 && buffer[0] === 0xef) {
        this.#carry = buffer;
        return;
      }
      this.#started = true;
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
        buffer = buffer.subarray(3);
        this.#offset += 3;
      }
    }
    const used = this.#parse(buffer, false);
    if (used < buffer.length) {
      if (buffer.length - used > MAX_TOKEN_BYTES) {
        throw new JsonSyntaxError('ein Wert ist länger als 16 MiB', this.#offset + used);
      }
      this.#carry = Buffer.from(buffer.subarray(used));
    }
    this.#offset += used;
  }

  /** The file has ended: it must have held exactly one complete value. */
  end(): void {
    const rest = this.#carry ?? Buffer.alloc(0);
    this.#carry = null;
    const used = this.#parse(rest, true);
    if (used < rest.length || this.#state !== State.Done) {
      const empty = !this.#started || (this.#offset === 0 && rest.length === 0);
      throw new JsonSyntaxError(
        empty ? 'die Datei ist leer' : 'die Datei endet mitten im JSON',
        this.#offset + rest.length,
      );
    }
  }

  #fail(message: string, at: number): never {
    throw new JsonSyntaxError(message, this.#offset + at);
  }

  #afterValue(): void {
    this.#state = this.#stack.length === 0 ? State.Done : State.CommaOrEnd;
  }

  #close(object: boolean): void {
    this.#stack.pop();
    if (object) this.#visitor.endObject();
    else this.#visitor.endArray();
    this.#afterValue();
  }

  /** Reads whole tokens from `buffer`; returns how many bytes it used (the rest waits for more). */
  #parse(buffer: Buffer, final: boolean): number {
    const visitor = this.#visitor;
    const length = buffer.length;
    // The first backslash at or after some point: found once per buffer, so that strings without one
    // (all receipts) are sliced without scanning them twice.
    let nextBackslash = -2;
    let at = 0;
    while (at < length) {
      const byte = buffer[at] as number;
      if (isWhitespace(byte)) {
        at += 1;
        continue;
      }
      switch (this.#state) {
        case State.Done:
          this.#fail(`nach dem Ende des JSON folgt noch ${describe(byte)}`, at);
        // eslint-disable-next-line no-fallthrough
        case State.Colon:
          if (byte !== 0x3a) this.#fail(`„:“ erwartet, ${describe(byte)} gefunden`, at);
          at += 1;
          this.#state = State.Value;
          continue;
        case State.CommaOrEnd: {
          const inObject = this.#stack[this.#stack.length - 1] === true;
          if (byte === 0x2c) {
            this.#state = inObject ? State.Key : State.Value;
          } else if (byte === (inObject ? 0x7d : 0x5d)) {
            this.#close(inObject);
          } else {
            this.#fail(`„,“ oder „${inObject ? '}' : ']'}“ erwartet, ${describe(byte)} gefunden`, at);
          }
          at += 1;
          continue;
        }
        case State.KeyOrEndObject:
        case State.Key:
          if (byte === 0x7d && this.#state === State.KeyOrEndObject) {
            this.#close(true);
            at += 1;
            continue;
          }
          if (byte !== QUOTE)
            this.#fail(`Schlüssel in Anführungszeichen erwartet, ${describe(byte)} gefunden`, at);
          break;
        case State.Value:
        case State.ValueOrEndArray:
          if (byte === 0x5d && this.#state === State.ValueOrEndArray) {
            this.#close(false);
            at += 1;
            continue;
          }
          break;
      }

      // A key or a value begins at `at`.
      if (byte === QUOTE) {
        const close = buffer.indexOf(QUOTE, at + 1);
        if (close < 0) return at;
        if (nextBackslash !== -1 && nextBackslash < at) nextBackslash = buffer.indexOf(BACKSLASH, at + 1);
        let text: string;
        let end = close;
        if (nextBackslash === -1 || nextBackslash > close) {
          text = buffer.toString('utf8', at + 1, close);
        } else {
          // Escapes: find the quote that really closes, then let JSON.parse read the escapes.
          end = nextBackslash;
          while (end < length && buffer[end] !== QUOTE) end += buffer[end] === BACKSLASH ? 2 : 1;
          if (end >= length) return at;
          try {
            text = JSON.parse(buffer.toString('utf8', at, end + 1)) as string;
          } catch {
            this.#fail('ungültige Escape-Sequenz in einer Zeichenkette', at);
          }
          nextBackslash = -2;
        }
        if (this.#state === State.Key || this.#state === State.KeyOrEndObject) {
          visitor.key(text);
          this.#state = State.Colon;
        } else {
          visitor.value(text);
          this.#afterValue();
        }
        at = end + 1;
        continue;
      }
      if (this.#state !== State.Value && this.#state !== State.ValueOrEndArray) {
        this.#fail(`unerwartetes ${describe(byte)}`, at);
      }
      if (byte === 0x7b || byte === 0x5b) {
        const object = byte === 0x7b;
        this.#stack.push(object);
        if (object) visitor.startObject();
        else visitor.startArray();
        this.#state = object ? State.KeyOrEndObject : State.ValueOrEndArray;
        at += 1;
        continue;
      }
      let end = at;
      if (isNumberByte(byte)) {
        while (end < length && isNumberByte(buffer[end] as number)) end += 1;
        if (end === length && !final) return at;
        const text = buffer.toString('latin1', at, end);
        if (!NUMBER.test(text)) this.#fail(`keine gültige Zahl: ${text.slice(0, 40)}`, at);
        visitor.value(Number(text));
      } else {
        const literal = byte === 0x74 ? 'true' : byte === 0x66 ? 'false' : byte === 0x6e ? 'null' : null;
        if (literal === null) this.#fail(`unerwartetes ${describe(byte)}`, at);
        end = at + literal.length;
        if (end > length && !final) return at;
        if (buffer.toString('latin1', at, end) !== literal) this.#fail(`unerwartetes ${describe(byte)}`, at);
        visitor.value(literal === 'null' ? null : literal === 'true');
      }
      this.#afterValue();
      at = end;
    }
    return at;
  }
}
