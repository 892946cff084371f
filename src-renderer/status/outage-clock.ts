// § 17 RKSV and the BMF decree: an outage of the signature unit lasting more than 48 hours must be
// reported to FinanzOnline within a week. We warn from 24 h on so the merchant has time to act.
const OUTAGE_WARN_AFTER_MS = 24 * 60 * 60 * 1000;
const OUTAGE_REPORT_AFTER_MS = 48 * 60 * 60 * 1000;

type OutageLevel = 'running' | 'warn' | 'report';

interface OutageClock {
  hours: number;
  minutes: number;
  level: OutageLevel;
  /** Whole hours left until the 48-hour mark; 0 once it has passed. */
  hoursUntilReport: number;
}

export function outageClock(sinceIso: string, nowMs: number): OutageClock {
  const elapsed = Math.max(0, nowMs - Date.parse(sinceIso));
  const totalMinutes = Math.floor(elapsed / 60_000);
  const level: OutageLevel =
    elapsed >= OUTAGE_REPORT_AFTER_MS ? 'report' : elapsed >= OUTAGE_WARN_AFTER_MS ? 'warn' : 'running';
  return {
    hours: Math.floor(totalMinutes / 60),
    minutes: totalMinutes % 60,
    level,
    hoursUntilReport: Math.max(0, Math.ceil((OUTAGE_REPORT_AFTER_MS - elapsed) / 3_600_000)),
  };
}
