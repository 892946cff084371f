// Date and time on paper and screen: Austrian local time (summer time included), de-AT digits,
// the same wall-clock time the RKSV code in the QR carries, so a checker sees matching values.
const VIENNA = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Vienna',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-25T13:32:05Z" → "25.11.2026 14:32:05". */
export function formatViennaDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  const part: Record<string, string> = {};
  for (const { type, value } of VIENNA.formatToParts(date)) part[type] = value;
  return `${part.day}.${part.month}.${part.year} ${part.hour}:${part.minute}:${part.second}`;
}
