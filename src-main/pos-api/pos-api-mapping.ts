// Translation between POS API v1 (snake_case, decimal strings) and the PosApi contract (camelCase,
// integer cents). The core only ever sees the contract; the API never exposes more than the receipt.
import type { DayReport } from '../../src-shared/day-report.ts';
import { formatApiAmount } from '../../src-shared/money.ts';
import { OUTAGE_REPORT_AFTER_MS, type OutageProtocol } from '../../src-shared/outage-protocol.ts';
import { formatApiQuantity } from '../../src-shared/quantity.ts';
import type { LineDiscount, Receipt } from '../../src-shared/receipt.ts';
import type { ReceiptCheck } from '../../src-shared/receipt-check.ts';
import { formatApiPercent } from '../../src-shared/discount.ts';
import type { SaleDraftInput } from '../../src-shared/sale-draft.ts';
import type { Status } from '../../src-shared/status.ts';
import type {
  DailyReportResource,
  OutageProtocolResource,
  PosApiStatus,
  ReceiptCheckResource,
  ReceiptCreate,
  ReceiptResource,
} from './pos-api-schemas.ts';

export function saleDraftFromRequest(body: ReceiptCreate): SaleDraftInput {
  return {
    ...(body.id === undefined ? {} : { id: body.id }),
    kind: body.type,
    lines: body.items.map((item) => ({
      text: item.text,
      quantity: item.quantity,
      unitPrice: item.unit_price,
      vatRate: item.vat_rate,
      ...(item.discount === undefined ? {} : { discount: item.discount }),
    })),
    payments: body.payments,
    ...(body.discount === undefined ? {} : { discount: body.discount }),
    ...(body.cancels === undefined ? {} : { cancels: body.cancels }),
  };
}

const FIELD_RENAMES: Record<string, string> = { lines: 'items', kind: 'type', priceCents: 'price' };

/** "lines.0.unitPrice" (contract) → "items.0.unit_price" (API), so an error names the field the client sent. */
export function apiFieldPath(contractPath: string): string {
  return contractPath
    .split('.')
    .map((segment) => FIELD_RENAMES[segment] ?? segment.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())
    .join('.');
}

export function receiptResource(receipt: Receipt): ReceiptResource {
  return {
    id: receipt.id,
    type: receipt.kind,
    state: receipt.state,
    signed: receipt.signed,
    environment: receipt.environment,
    receipt_number: receipt.receiptNumber,
    cash_register_serial_number: receipt.kassenId,
    created_at: receipt.createdAt,
    time_signature: receipt.signedAt,
    qr_code_data: receipt.qrCodeData,
    items: receipt.lines.map((line) => ({
      text: line.text,
      quantity: formatApiQuantity(line.quantityMilli),
      unit_price: formatApiAmount(line.unitPriceCents),
      amount: formatApiAmount(line.amountCents),
      vat_rate: line.vatRate,
      ...(line.discount === undefined ? {} : { discount: discountResource(line.discount) }),
    })),
    ...(receipt.discount === undefined
      ? {}
      : {
          discount: {
            ...discountResource(receipt.discount),
            per_rate: receipt.discount.perRate.map((part) => ({
              vat_rate: part.vatRate,
              amount: formatApiAmount(part.amountCents),
            })),
          },
        }),
    totals_per_rate: receipt.totalsPerRate.map((t) => ({
      vat_rate: t.vatRate,
      gross: formatApiAmount(t.grossCents),
      net: formatApiAmount(t.netCents),
      vat: formatApiAmount(t.vatCents),
    })),
    total: formatApiAmount(receipt.totalCents),
    payments: receipt.payments.map((p) => ({ type: p.type, amount: formatApiAmount(p.amountCents) })),
    change: formatApiAmount(receipt.changeCents),
    cancels: receipt.cancels?.id ?? null,
    cancelled_by: receipt.cancelledBy,
    hints: receipt.hints,
    printed: receipt.printed,
    error: receipt.error,
    offline_number: receipt.offlineNumber,
    issued_at: receipt.issuedAt,
    code_check: receipt.codeCheck,
    restored_from_sign_at: receipt.restoredFromSignAt ?? null,
  };
}

export function outageProtocolResource(protocol: OutageProtocol): OutageProtocolResource {
  return {
    cash_register_id: protocol.cashRegisterId,
    cash_register_serial_number: protocol.kassenId,
    generated_at: protocol.generatedAt,
    outages: protocol.outages.map((outage) => ({
      id: outage.id,
      started_at: outage.startedAt,
      ended_at: outage.endedAt,
      duration_seconds: Math.floor(outage.durationMs / 1000),
      reason: outage.reason,
      receipts: outage.receipts.map((receipt) => ({
        id: receipt.id,
        type: receipt.kind,
        state: receipt.state,
        offline_number: receipt.offlineNumber,
        issued_at: receipt.issuedAt,
        receipt_number: receipt.receiptNumber,
        time_signature: receipt.signedAt,
        total: formatApiAmount(receipt.totalCents),
        failure_marker: receipt.failureMarker,
        signed_in_later_year: receipt.signedInLaterYear,
      })),
      clearance:
        outage.clearance === null
          ? null
          : {
              id: outage.clearance.id,
              receipt_number: outage.clearance.receiptNumber,
              time_signature: outage.clearance.signedAt,
            },
      clearance_needed: outage.clearanceNeeded,
      report_due: outage.reportDue,
    })),
  };
}

export function dailyReportResource(report: DayReport): DailyReportResource {
  return {
    date: report.date,
    receipt_count: report.receiptCount,
    first_receipt_number: report.firstReceiptNumber,
    last_receipt_number: report.lastReceiptNumber,
    per_vat_rate: report.perRate.map((rate) => ({
      vat_rate: rate.vatRate,
      net: formatApiAmount(rate.netCents),
      vat: formatApiAmount(rate.vatCents),
      gross: formatApiAmount(rate.grossCents),
    })),
    per_payment_type: report.perPayment.map((payment) => ({
      type: payment.type,
      amount: formatApiAmount(payment.amountCents),
    })),
    cancellations: {
      count: report.cancellations.count,
      amount: formatApiAmount(report.cancellations.amountCents),
    },
    training_count: report.training.count,
    total_gross: formatApiAmount(report.totalCents),
    closed_elsewhere: report.closedElsewhere && {
      receipt_count: report.closedElsewhere.receiptCount,
      first_receipt_number: report.closedElsewhere.firstReceiptNumber,
      last_receipt_number: report.closedElsewhere.lastReceiptNumber,
      total_gross: formatApiAmount(report.closedElsewhere.totalCents),
    },
  };
}

function discountResource(discount: LineDiscount) {
  return {
    text: discount.text,
    percent: discount.basisPoints === null ? null : formatApiPercent(discount.basisPoints),
    amount: formatApiAmount(discount.amountCents),
  };
}

export function statusResource(status: Status): PosApiStatus {
  const since = status.signing.outageSince;
  return {
    environment: status.environment,
    setup: status.setup,
    setup_step: status.setupStep,
    cash_register: status.register && {
      id: status.register.id,
      cash_register_serial_number: status.register.kassenId,
      description: status.register.description,
      state: status.register.state,
      taken_over_elsewhere: status.register.takenOver !== undefined,
    },
    signing: {
      online: status.signing.online,
      outage_since: since,
      outage_report_due:
        since === null ? null : new Date(Date.parse(since) + OUTAGE_REPORT_AFTER_MS).toISOString(),
      queue_length: status.signing.queueLength,
      last_error: status.signing.lastError,
      code_mismatches: status.signing.codeMismatches.map((m) => ({
        id: m.id,
        receipt_number: m.receiptNumber,
      })),
    },
    printer: {
      configured: status.printer.configured,
      state: status.printer.state,
      queue_length: status.printer.queueLength,
    },
    training: status.training,
    backup: { last_good_at: status.backup.lastGoodAt, overdue: status.backup.overdue },
  };
}

export function receiptCheckResource(check: ReceiptCheck): ReceiptCheckResource {
  const { code, signature, journal } = check;
  return {
    verdict: check.verdict,
    message: check.message,
    problems: check.problems,
    code:
      code === null
        ? null
        : {
            algorithm: code.algorithm,
            cash_register_serial_number: code.kassenId,
            receipt_number: code.receiptNumber,
            date_time: code.dateTime,
            amounts: {
              standard: formatApiAmount(code.amounts.standard),
              reduced_1: formatApiAmount(code.amounts.reduced_1),
              reduced_2: formatApiAmount(code.amounts.reduced_2),
              zero: formatApiAmount(code.amounts.zero),
              special: formatApiAmount(code.amounts.special),
            },
            total: formatApiAmount(code.totalCents),
            counter: code.counter,
            turnover_counter:
              code.turnoverCounterCents === null ? null : formatApiAmount(code.turnoverCounterCents),
            certificate_serial: code.certificateSerial,
            failure_marker: code.failureMarker,
          },
    signature:
      signature === null ? null : { state: signature.state, certificate_from: signature.certificateFrom },
    journal: journal === null ? null : { receipt_id: journal.receiptId, same_code: journal.sameCode },
  };
}
