// Austrian local time, summer time included: the one source for the RKSV code and for paper and screen,
// so the wall-clock time a checker reads on a receipt matches the one in its QR.
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

/** Two-digit fields (four for the year) of a moment's wall-clock time in Vienna. */
interface ViennaWallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

export function viennaWallClock(date: Date): ViennaWallClock {
  const part: Record<string, string> = {};
  for (const { type, value } of VIENNA.formatToParts(date)) part[type] = value;
  return {
    year: part.year ?? '',
    month: part.month ?? '',
    day: part.day ?? '',
    hour: part.hour ?? '',
    minute: part.minute ?? '',
    second: part.second ?? '',
  };
}
