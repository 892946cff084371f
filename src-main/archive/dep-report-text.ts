// The DEP check of a file in words, German as an Austrian auditor reads it: one line per finding with
// its receipt number and place in the file, the summary, and the one line that gives the verdict. The
// command prints these; the closing screen gets the verdict line with the report.
import {
  DepVerifyReport,
  EXIT_CODE_OF,
  type DepFinding,
  type DepSummary,
} from '../../src-shared/dep-verify-report.ts';
import { formatEuro, parseEuro } from '../../src-shared/money.ts';
import type { DepFileOutcome } from './dep-file-check.ts';

function where(finding: DepFinding): string {
  const place =
    finding.position === null
      ? null
      : `Position ${finding.position} in der Datei, Gruppe ${finding.group} Nr. ${finding.positionInGroup ?? '?'}`;
  if (finding.receiptNumber !== null)
    return `Beleg Nr. ${finding.receiptNumber} (${place ?? `Gruppe ${finding.group}`})`;
  if (place !== null) return `Beleg an ${place}`;
  return `Gruppe ${finding.group}`;
}

export function findingLine(finding: DepFinding): string {
  return `${finding.kind === 'error' ? 'FEHLER ' : 'HINWEIS'} ${where(finding)}: ${finding.message}`;
}

/** "2016-03-11T03:57:08" → "11.03.2016 03:57:08": the receipt's own local time, as written. */
function localTime(dateTime: string): string {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(.*)$/.exec(dateTime);
  return match ? `${match[3]}.${match[2]}.${match[1]} ${match[4]}` : dateTime;
}

function euro(text: string): string {
  return `${formatEuro(parseEuro(text) ?? 0)} €`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summaryLines(summary: DepSummary): string[] {
  const { byType, signatures } = summary;
  const lines = [
    `Kassen-ID:      ${summary.kassenId ?? '—'}`,
    `Belege:         ${summary.receipts} in ${count(summary.groups, 'Gruppe', 'Gruppen')}`,
    `nach Art:       ${[
      count(byType.start, 'Startbeleg', 'Startbelege'),
      count(byType.sale, 'Umsatzbeleg', 'Umsatzbelege'),
      count(byType.zero, 'Nullbeleg', 'Nullbelege'),
      count(byType.training, 'Trainingsbeleg', 'Trainingsbelege'),
      count(byType.cancellation, 'Stornobeleg', 'Stornobelege'),
    ].join(', ')}`,
    `ausgefallen:    ${count(summary.failureMarked, 'Beleg', 'Belege')} mit „Sicherheitseinrichtung ausgefallen“`,
    `Signaturen:     ${signatures.checked} geprüft${
      signatures.unchecked > 0
        ? `, ${signatures.unchecked} nicht prüfbar (kein Zertifikat oder Schlüssel für ${signatures.uncheckedSerials.join(', ')})`
        : ''
    }`,
    `Umsatzzähler:   ${
      summary.turnoverCounter === null
        ? 'nicht geprüft (kein AES-Schlüssel im Kryptomaterial)'
        : `${euro(summary.turnoverCounter)} am Ende (mit dem AES-Schlüssel geprüft)`
    }`,
    `Umsatz:         ${euro(summary.turnover)} in dieser Datei (ohne Trainingsbelege)`,
    `Zeitraum:       ${
      summary.timeSpan === null
        ? '—'
        : `${localTime(summary.timeSpan.from)} bis ${localTime(summary.timeSpan.to)}`
    }`,
  ];
  return ['Zusammenfassung', ...lines.map((line) => `  ${line}`)];
}

/** The one line that says how it went; its first word is the verdict. */
export function verdictLine(outcome: DepFileOutcome): string {
  if (outcome.verdict === 'unusable') return `NICHT PRÜFBAR: ${outcome.unusable ?? 'unbekannter Grund'}`;
  const summary = outcome.summary;
  const receipts = summary?.receipts ?? 0;
  if (outcome.verdict === 'invalid') {
    return `UNGÜLTIG: ${count(outcome.errors, 'Fehler', 'Fehler')} in ${count(receipts, 'Beleg', 'Belegen')}.`;
  }
  const open: string[] = [];
  if (summary !== null && summary.signatures.unchecked > 0) {
    open.push(
      `${count(summary.signatures.unchecked, 'Signatur', 'Signaturen')} (kein Zertifikat oder Schlüssel für ${summary.signatures.uncheckedSerials.join(', ')})`,
    );
  }
  if (summary !== null && summary.turnoverCounter === null)
    open.push('der Umsatzzähler (kein AES-Schlüssel)');
  return `GÜLTIG: ${count(receipts, 'Beleg', 'Belege')} ohne Fehler.${open.length > 0 ? ` Nicht geprüft: ${open.join('; ')}.` : ''}`;
}

/** The report as --json prints it and the contract carries it, with the findings given. */
export function depVerifyReport(
  file: string,
  cryptoFile: string | null,
  outcome: DepFileOutcome,
  findings: DepFinding[],
  findingsOmitted: number,
): DepVerifyReport {
  return DepVerifyReport.parse({
    file,
    cryptoFile,
    verdict: outcome.verdict,
    exitCode: EXIT_CODE_OF[outcome.verdict],
    message: verdictLine(outcome),
    unusable: outcome.unusable,
    findings,
    findingsOmitted,
    errors: outcome.errors,
    summary: outcome.summary,
  });
}
