// Barcodes of the articles a shop sells: EAN-13, EAN-8 and UPC-A (GTIN-13, GTIN-8, GTIN-12). Each ends in
// a check digit (GS1 modulo 10: from the right, digits weighted 3, 1, 3, …), so a misread or mistyped
// code is caught before it is looked up. A UPC-A code is the EAN-13 with a leading 0; scanners send it
// with 12 or 13 digits, so the article list keeps it as 13 and a scan finds it either way.

export const EAN_LENGTHS = [8, 12, 13] as const;

/** The GS1 check digit for the digits before it. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** 8, 12 or 13 digits: the shape of a code, whether or not its check digit is right. */
export function hasEanShape(text: string): boolean {
  return /^\d+$/.test(text) && (EAN_LENGTHS as readonly number[]).includes(text.length);
}

/** True when `text` is an EAN-8, UPC-A or EAN-13 with the right check digit. */
export function isValidEan(text: string): boolean {
  return hasEanShape(text) && gs1CheckDigit(text.slice(0, -1)) === Number(text.at(-1));
}

/** The form the article list keeps: EAN-8 as is, UPC-A as its EAN-13; null when it is no valid code. */
export function normalizeEan(text: string): string | null {
  const digits = text.trim();
  if (!isValidEan(digits)) return null;
  return digits.length === 12 ? `0${digits}` : digits;
}
