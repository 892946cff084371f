// What a person calls the fields of the contract's inputs, so that an error names "Position 2, Menge" or
// "Wartezeit auf SIGN AT" and never an internal path such as `lines.1.quantity` or `signTimeoutMs`. The
// path itself stays in PosError.field for programs. Both spellings are here: the contract's camelCase and
// the POS API's snake_case.
const NAMES: Readonly<Record<string, string>> = {
  text: 'Text',
  quantity: 'Menge',
  unitPrice: 'Preis',
  unit_price: 'Preis',
  vatRate: 'Steuersatz',
  vat_rate: 'Steuersatz',
  amount: 'Betrag',
  type: 'Zahlungsart',
  discount: 'Rabatt',
  percent: 'Prozent',
  name: 'Name',
  address: 'Adresse',
  vatId: 'UID-Nummer',
  signTimeoutMs: 'Wartezeit auf SIGN AT',
  language: 'Sprache',
  cancels: 'Stornierter Beleg',
  id: 'Beleg-ID',
  kind: 'Belegart',
  query: 'Suchtext',
  from: 'Beginn',
  to: 'Ende',
  limit: 'Anzahl',
  cursor: 'Seite',
  host: 'Adresse des Druckers',
  port: 'Port',
  deviceName: 'Systemdrucker',
  profileId: 'Druckerprofil',
  footer: 'Fußzeile',
  logo: 'Logo',
};

/** Lists whose entries are numbered for a person ("Position 2"), by the list's name. */
const ENTRY: Readonly<Record<string, string>> = {
  lines: 'Position',
  items: 'Position',
  payments: 'Zahlung',
};

/**
 * "Position 2, Menge" for lines.1.quantity; null when nothing of the path has a name a person would
 * know (the message then stands alone rather than with a programmer's word in front of it).
 */
export function inputFieldName(path: ReadonlyArray<PropertyKey>): string | null {
  const parts: string[] = [];
  path.forEach((key, i) => {
    const next = path[i + 1];
    if (typeof key === 'string' && ENTRY[key] !== undefined && typeof next === 'number') {
      parts.push(`${ENTRY[key]} ${next + 1}`);
    } else if (typeof key === 'string' && NAMES[key] !== undefined) {
      parts.push(NAMES[key]);
    }
  });
  return parts.length === 0 ? null : parts.join(', ');
}
