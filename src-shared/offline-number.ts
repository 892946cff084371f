// The number a receipt gets when it is handed out while SIGN AT cannot sign it. It has no SIGN AT
// receipt number yet, so this short number (unique per cash register, counted by the journal) is what
// the paper, the journal and the Ausfallprotokoll use to find it again once it is signed later.

const PREFIX = 'N-';
const DIGITS = 6;

/** 123 → "N-000123"; more digits once a register handed out a million receipts offline. */
export function formatOfflineNumber(number: number): string {
  return `${PREFIX}${String(number).padStart(DIGITS, '0')}`;
}

/** "N-000123", "n123", "N 123" → 123, as a cashier may type it from the paper; null for anything else. */
export function parseOfflineNumber(text: string): number | null {
  const match = /^n[- ]?(\d{1,9})$/i.exec(text.trim());
  if (!match?.[1]) return null;
  const number = Number(match[1]);
  return number > 0 ? number : null;
}
