// The QR form of an amount: euro with a decimal comma and exactly two decimals, no thousands separator.
const QR_AMOUNT = /^(-?)(0|[1-9]\d*),(\d\d)$/;

export function formatQrAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount must be whole cents, got ${cents}`);
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${euros},${rest}`;
}

export function parseQrAmount(text: string): number {
  const match = QR_AMOUNT.exec(text);
  if (!match) throw new SyntaxError(`kein RKSV-Betrag: ${JSON.stringify(text)}`);
  const [, sign, euros, rest] = match;
  const cents = Number(euros) * 100 + Number(rest);
  // "-0,00" is syntactically allowed; report it as 0 rather than -0.
  return sign === '-' && cents !== 0 ? -cents : cents;
}
