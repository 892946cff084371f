// Reads the BMF DEP7 format from a JSON stream (json-stream-parser.ts) and hands its receipts on in
// pieces for the check, as they come: {"Belege-Gruppe": [{"Signaturzertifikat": "…",
// "Zertifizierungsstellen": ["…"], "Belege-kompakt": ["<JWS>", …]}, …]}. Other fields, at any level, are
// skipped, as other tools write more. A group whose certificate comes after its receipts is held until
// the certificate is known; in the usual order only a piece's worth of receipts is held.
import type { DepPiece, DepPieceGroup } from './dep-verifier.ts';
import type { JsonVisitor } from './json-stream-parser.ts';

/** The file is JSON but not a DEP; the message is for a person. */
export class DepFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DepFormatError';
  }
}

type Field = 'Signaturzertifikat' | 'Zertifizierungsstellen' | 'Belege-kompakt';
const FIELDS: readonly string[] = ['Signaturzertifikat', 'Zertifizierungsstellen', 'Belege-kompakt'];

interface OpenGroup {
  index: number;
  certificate: string | null;
  seen: Set<Field>;
  /** Receipts read and not yet put into a piece, and the place in the group of the first of them. */
  pending: string[];
  pendingFrom: number;
  count: number;
  /** The group's first receipts were put into a piece (its certificate is reported with them). */
  opened: boolean;
}

/** Where the reader is in the DEP's structure. */
type Place = 'start' | 'root' | 'groups' | 'group' | 'chain' | 'receipts' | 'end';

/** What the value after a key must be. */
type Expect = 'groups' | 'certificate' | 'chain' | 'receipts' | 'skip' | null;

export class DepPieceReader implements JsonVisitor {
  readonly #pieceSize: number;
  readonly #onPiece: (piece: DepPiece) => void;
  #place: Place = 'start';
  #expect: Expect = null;
  /** Depth of a value being skipped (an unknown field), 0 when none. */
  #skipDepth = 0;
  #groupsSeen = false;
  #group: OpenGroup | null = null;
  #groups = 0;
  #receipts = 0;
  /** The piece being filled, and the receipts it holds. */
  #piece: DepPieceGroup[] = [];
  #inPiece = 0;
  #before = 0;

  constructor(pieceSize: number, onPiece: (piece: DepPiece) => void) {
    this.#pieceSize = pieceSize;
    this.#onPiece = onPiece;
  }

  /** Belege-Gruppen read so far. */
  get groups(): number {
    return this.#groups;
  }

  /** Receipts read so far. */
  get receipts(): number {
    return this.#receipts;
  }

  /** After the parser's end(): hands on the last piece. Throws if the DEP was not complete. */
  finish(): void {
    if (this.#place !== 'end') throw new DepFormatError('die Datei endet, bevor das DEP vollständig ist');
    this.#flushPiece();
  }

  startObject(): void {
    if (this.#enterSkipped()) return;
    if (this.#expect !== null) this.#wrongKind();
    if (this.#place === 'start') {
      this.#place = 'root';
    } else if (this.#place === 'groups') {
      this.#group = {
        index: this.#groups,
        certificate: null,
        seen: new Set(),
        pending: [],
        pendingFrom: 0,
        count: 0,
        opened: false,
      };
      this.#groups += 1;
      this.#place = 'group';
    } else {
      this.#notExpected();
    }
  }

  endObject(): void {
    if (this.#leaveSkipped()) return;
    const group = this.#group;
    if (this.#place === 'root') {
      if (!this.#groupsSeen) throw new DepFormatError('„Belege-Gruppe“ fehlt');
      this.#place = 'end';
    } else if (this.#place === 'group' && group !== null) {
      for (const field of ['Signaturzertifikat', 'Belege-kompakt'] as const) {
        if (!group.seen.has(field)) throw new DepFormatError(`${this.#where()}: „${field}“ fehlt`);
      }
      this.#release(group, true);
      this.#group = null;
      this.#place = 'groups';
    }
  }

  startArray(): void {
    if (this.#enterSkipped()) return;
    const expect = this.#expect;
    this.#expect = null;
    if (expect === 'groups' || expect === 'chain' || expect === 'receipts') {
      this.#place = expect;
    } else if (expect !== null) {
      this.#expect = expect;
      this.#wrongKind();
    } else {
      this.#notExpected();
    }
  }

  endArray(): void {
    if (this.#leaveSkipped()) return;
    this.#place = this.#place === 'groups' ? 'root' : 'group';
  }

  key(name: string): void {
    if (this.#skipDepth > 0) return;
    const group = this.#group;
    if (this.#place === 'root') {
      if (name !== 'Belege-Gruppe') {
        this.#expect = 'skip';
        return;
      }
      if (this.#groupsSeen) throw new DepFormatError('„Belege-Gruppe“ steht zweimal in der Datei');
      this.#groupsSeen = true;
      this.#expect = 'groups';
    } else if (group !== null) {
      if (!FIELDS.includes(name)) {
        this.#expect = 'skip';
        return;
      }
      const field = name as Field;
      if (group.seen.has(field)) throw new DepFormatError(`${this.#where()}: „${field}“ steht zweimal`);
      group.seen.add(field);
      this.#expect =
        field === 'Signaturzertifikat'
          ? 'certificate'
          : field === 'Zertifizierungsstellen'
            ? 'chain'
            : 'receipts';
    }
  }

  value(value: string | number | boolean | null): void {
    if (this.#skipDepth > 0) return;
    const expect = this.#expect;
    this.#expect = null;
    const group = this.#group;
    if (expect === 'skip') return;
    if (expect === 'certificate' && group !== null) {
      if (typeof value !== 'string')
        throw new DepFormatError(`${this.#where()}: „Signaturzertifikat“ ist kein Text`);
      group.certificate = value;
      this.#release(group, false);
      return;
    }
    if (expect !== null) {
      this.#expect = expect;
      this.#wrongKind();
    }
    if (this.#place === 'receipts' && group !== null) {
      if (typeof value !== 'string') {
        throw new DepFormatError(
          `${this.#where()}: Eintrag ${group.count + 1} in „Belege-kompakt“ ist kein Text`,
        );
      }
      group.pending.push(value);
      group.count += 1;
      this.#receipts += 1;
      if (group.pending.length + this.#inPiece >= this.#pieceSize) this.#release(group, false);
      return;
    }
    if (this.#place === 'chain') {
      if (typeof value !== 'string') {
        throw new DepFormatError(`${this.#where()}: „Zertifizierungsstellen“ enthält etwas anderes als Text`);
      }
      return;
    }
    this.#notExpected();
  }

  /** An unknown field's value is skipped whole; true while inside one. */
  #enterSkipped(): boolean {
    if (this.#expect === 'skip') {
      this.#expect = null;
      this.#skipDepth = 1;
      return true;
    }
    if (this.#skipDepth > 0) {
      this.#skipDepth += 1;
      return true;
    }
    return false;
  }

  #leaveSkipped(): boolean {
    if (this.#skipDepth === 0) return false;
    this.#skipDepth -= 1;
    return true;
  }

  #where(): string {
    return `Belege-Gruppe ${(this.#group?.index ?? this.#groups - 1) + 1}`;
  }

  #wrongKind(): never {
    switch (this.#expect) {
      case 'groups':
        throw new DepFormatError('„Belege-Gruppe“ ist keine Liste');
      case 'certificate':
        throw new DepFormatError(`${this.#where()}: „Signaturzertifikat“ ist kein Text`);
      default:
        throw new DepFormatError(
          `${this.#where()}: „${this.#expect === 'chain' ? 'Zertifizierungsstellen' : 'Belege-kompakt'}“ ist keine Liste`,
        );
    }
  }

  #notExpected(): never {
    switch (this.#place) {
      case 'start':
        throw new DepFormatError('die Datei ist kein JSON-Objekt');
      case 'groups':
        throw new DepFormatError(`Belege-Gruppe ${this.#groups + 1} ist kein Objekt`);
      case 'chain':
        throw new DepFormatError(`${this.#where()}: „Zertifizierungsstellen“ enthält etwas anderes als Text`);
      case 'receipts':
        throw new DepFormatError(`${this.#where()}: „Belege-kompakt“ enthält etwas anderes als Text`);
      default:
        throw new DepFormatError('unerwarteter Inhalt im DEP');
    }
  }

  /** Puts the group's pending receipts into pieces, once its certificate is known. */
  #release(group: OpenGroup, closing: boolean): void {
    if (group.certificate === null) return;
    const certificateBase64 = group.certificate;
    // An empty group is passed on too, so that its certificate is looked at.
    if (group.pending.length === 0 && !(closing && !group.opened)) return;
    let from = 0;
    do {
      const take = Math.min(group.pending.length - from, this.#pieceSize - this.#inPiece);
      this.#piece.push({
        groupIndex: group.index,
        certificateBase64,
        receipts: group.pending.slice(from, from + take),
        opensGroup: !group.opened,
        firstInGroup: group.pendingFrom + from,
      });
      group.opened = true;
      from += take;
      this.#inPiece += take;
      if (this.#inPiece >= this.#pieceSize) this.#flushPiece();
    } while (from < group.pending.length);
    group.pendingFrom += group.pending.length;
    group.pending = [];
  }

  #flushPiece(): void {
    if (this.#piece.length === 0) return;
    this.#onPiece({ groups: this.#piece, receiptsBefore: this.#before });
    this.#before += this.#inPiece;
    this.#piece = [];
    this.#inPiece = 0;
  }
}
