// Austrian local time as the RKSV code wants it: no zone, no milliseconds, summer time included.
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

export function formatViennaTime(date: Date): string {
  const part: Record<string, string> = {};
  for (const { type, value } of VIENNA.formatToParts(date)) part[type] = value;
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}`;
}
