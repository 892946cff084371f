// The Tagesbericht of a register, read from the journal: the X report of any date, and the Z report that
// closes a day (src-shared/day-report.ts says which receipts each holds). A Z is computed and stored in
// one journal transaction with the receipts and drawer movements it closes, and read back as stored, so
// a reprint is the paper of that evening. The drawer's Einlagen, Entnahmen and Kassenstürze are kept
// beside the receipts; they are not sales and never go to SIGN AT. Receipts a takeover brought in from
// SIGN AT alone are closed elsewhere: no Z here holds them, each report names those of its days.
import { countedCents, type CashCountInput, type CashMovementInput } from '../../src-shared/cash-drawer.ts';
import {
  cashSummary,
  closedElsewhereFigures,
  dayFigures,
  isHandedOut,
  issuedAtOf,
} from '../../src-shared/day-figures.ts';
import {
  DayReport,
  type CashMovement,
  type CashSummary,
  type DayClosingSummary,
} from '../../src-shared/day-report.ts';
import { parseEuro } from '../../src-shared/money.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { viennaDate, viennaDaysRange } from '../../src-shared/vienna-day.ts';
import type { StoredCashMovement, StoredDayClosing } from '../journal/day-closing-journal.ts';
import { toReceipt } from '../journal/journal-record.ts';
import type { Journal, OpenDay } from '../journal/journal.ts';

export interface ReportRegister {
  id: string;
  kassenId: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

function cashMovement(stored: StoredCashMovement): CashMovement {
  return {
    kind: stored.kind,
    at: iso(stored.createdMs),
    amountCents: stored.amountCents,
    reason: stored.reason,
    expectedCents: stored.expectedCents,
    differenceCents: stored.expectedCents === null ? null : stored.amountCents - stored.expectedCents,
    denominations: stored.denominations,
  };
}

/** The drawer over what is open: the last Z's end, the open receipts' cash, the open movements. */
function openCash(open: OpenDay): CashSummary {
  const receipts = open.receipts.map(toReceipt);
  return cashSummary(
    open.previous?.closingCashCents ?? 0,
    dayFigures(receipts).cashSalesCents,
    open.movements.map(cashMovement),
  );
}

/**
 * Where the receipts closed elsewhere that a new Z names begin: after those the previous Z named, i.e.
 * from its closed day's end, or from its closing if that came first (after the old PC's Z of the evening,
 * what it sold later). The closing is taken to its second: SIGN AT's times have whole seconds, and a sale
 * right after the Z may carry the Z's second. Those of a takeover are all older than any Z made here, so
 * none is named twice.
 */
function closedElsewhereFromMs(previous: StoredDayClosing | null): number {
  if (previous === null) return 0;
  const closedSecondMs = Math.floor(previous.closedMs / 1000) * 1000;
  return Math.min(closedSecondMs, viennaDaysRange(previous.businessDate).endMs);
}

function storedReport(closing: StoredDayClosing): DayReport {
  return DayReport.parse(JSON.parse(closing.report));
}

export class DayReports {
  readonly #journal: Journal;
  readonly #now: () => number;

  constructor(journal: Journal, now: () => number = Date.now) {
    this.#journal = journal;
    this.#now = now;
  }

  /** The X report of a Vienna calendar day: its receipts as they stand now. */
  x(register: ReportRegister, date: string = viennaDate(this.#now())): DayReport {
    const nowMs = this.#now();
    const { startMs, endMs } = viennaDaysRange(date);
    const receipts = this.#journal.receiptsIssuedIn(register.id, startMs, endMs).map(toReceipt);
    const { cashSalesCents: _cash, ...figures } = dayFigures(receipts);
    const closing = this.#journal.dayClosingOf(register.id, date);
    // The drawer belongs to the day still open: today, until its Z.
    const cash =
      closing === null && date === viennaDate(nowMs)
        ? openCash(this.#journal.openDay(register.id, Number.MAX_SAFE_INTEGER))
        : null;
    return DayReport.parse({
      kind: 'X',
      zNumber: null,
      cashRegisterId: register.id,
      kassenId: register.kassenId,
      date,
      generatedAt: iso(nowMs),
      ...figures,
      carriedOver: 0,
      closedElsewhere: closedElsewhereFigures(
        this.#journal.closedElsewhereIssuedIn(register.id, startMs, endMs).map(toReceipt),
      ),
      closedBy: closing === null ? null : { zNumber: closing.number, closedAt: iso(closing.closedMs) },
      cash,
    });
  }

  /**
   * Closes `date` (default today) with the register's next Z: every open receipt and drawer movement up
   * to that day's end. Refused while a receipt is still being signed, for a day after today, and for a
   * day before the last Z's.
   */
  close(register: ReportRegister, date: string = viennaDate(this.#now())): DayReport {
    const nowMs = this.#now();
    if (date > viennaDate(nowMs)) {
      throw new PosError('invalid_input', 'Ein Tag in der Zukunft kann nicht abgeschlossen werden.', 'date');
    }
    const endMs = viennaDaysRange(date).endMs;
    const stored = this.#journal.closeDay(register.id, endMs, (open) => {
      if (open.previous !== null && date < open.previous.businessDate) {
        throw new PosError(
          'conflict',
          `Der ${date} liegt vor dem letzten Tagesabschluss (Z${open.previous.number} vom ${open.previous.businessDate}).`,
          'date',
        );
      }
      if (open.receipts.some((record) => record.state === 'pending')) {
        throw new PosError(
          'not_ready',
          'Ein Beleg wird gerade signiert: bitte einen Moment warten und den Tag dann abschließen.',
        );
      }
      const receipts = open.receipts.map(toReceipt);
      const { cashSalesCents: _cash, ...figures } = dayFigures(receipts);
      const cash = openCash(open);
      const report = DayReport.parse({
        kind: 'Z',
        zNumber: (open.previous?.number ?? 0) + 1,
        cashRegisterId: register.id,
        kassenId: register.kassenId,
        date,
        generatedAt: iso(nowMs),
        ...figures,
        carriedOver: receipts.filter(
          (receipt) => isHandedOut(receipt) && viennaDate(Date.parse(issuedAtOf(receipt))) < date,
        ).length,
        closedElsewhere: closedElsewhereFigures(
          this.#journal
            .closedElsewhereIssuedIn(register.id, closedElsewhereFromMs(open.previous), endMs)
            .map(toReceipt),
        ),
        closedBy: null,
        cash,
      });
      return {
        businessDate: date,
        closedMs: nowMs,
        closingCashCents: cash.expectedCents,
        report: JSON.stringify(report),
      };
    });
    return storedReport(stored);
  }

  /** A Z report as it was printed. */
  z(register: ReportRegister, zNumber: number): DayReport {
    const stored = this.#journal.dayClosing(register.id, zNumber);
    if (stored === null) throw new PosError('not_found', `Z${zNumber} gibt es für diese Kasse nicht.`);
    return storedReport(stored);
  }

  /** The register's Z reports, newest first. */
  list(register: ReportRegister, limit = 60): DayClosingSummary[] {
    return this.#journal.dayClosings(register.id, limit).map((stored) => {
      const report = storedReport(stored);
      return {
        zNumber: stored.number,
        date: stored.businessDate,
        closedAt: iso(stored.closedMs),
        receiptCount: report.receiptCount,
        totalCents: report.totalCents,
      };
    });
  }

  /** Einlage or Entnahme: recorded with its reason, shown in the report; not a sale, so not signed. */
  recordMovement(register: ReportRegister, input: CashMovementInput): CashMovement {
    const amountCents = parseEuro(input.amount);
    if (amountCents === null) throw new PosError('invalid_input', 'Betrag ungültig', 'amount');
    const stored = this.#journal.addCashMovement(register.id, this.#now(), () => ({
      kind: input.kind,
      amountCents,
      expectedCents: null,
      denominations: null,
      reason: input.reason.trim(),
    }));
    return cashMovement(stored);
  }

  /** Kassensturz: the counted cash against what the drawer should hold now, and the difference. */
  countCash(register: ReportRegister, input: CashCountInput): CashMovement {
    const stored = this.#journal.addCashMovement(register.id, this.#now(), (open) => ({
      kind: 'count',
      amountCents: countedCents(input),
      expectedCents: openCash(open).expectedCents,
      denominations: input.denominations?.filter((d) => d.count > 0) ?? null,
      reason: null,
    }));
    return cashMovement(stored);
  }
}
