// Compares a signed receipt's machine-readable code (SIGN AT's `qr_code_data`) with what the app itself
// knows of that receipt: the Kassen-ID, receipt number and time the paper shows, the five amounts the
// paper's totals add up to, an RKSV algorithm, and an ES256 signature by the SCU's certificate. The
// paper's totals come from the app and the QR code from SIGN AT: this is what keeps the two from
// disagreeing unnoticed. Pure and cheap (one split, one signature check): it runs on every receipt.
import type { CodeCheck } from '../../src-shared/receipt.ts';
import type { CodeSignatureState } from '../../src-shared/receipt-check.ts';
import { verifyEs256 } from './es256.ts';
import { isFailureMarker, jwsSigningInput } from './jws.ts';
import { parseMachineReadableCode, payloadOf, type MachineReadableCode } from './machine-readable-code.ts';
import { formatQrAmount } from './qr-amount.ts';
import type { RksvAmounts } from './rksv-amounts.ts';
import type { SigningCertificate, SigningKey } from './signing-certificate.ts';
import { formatViennaTime } from './vienna-time.ts';

export interface CodeExpectation {
  /** The register's Kassen-ID, and SIGN AT's `cash_register_serial_number` when its answer names one. */
  kassenIds: readonly string[];
  receiptNumber: string | null;
  /** The receipt's own time as the paper prints it (SIGN AT's time_signature). */
  timeMs: number;
  /** The app's own buckets: what the receipt's per-rate totals add up to. */
  amounts: RksvAmounts;
  /** SIGN AT's `signed`: false means the code must carry the failure marker instead of a signature. */
  signed: boolean;
}

/** The shared verdict (state and German problems), and the serial to fetch a missing certificate by. */
export interface ReceiptCodeCheck extends CodeCheck {
  /** The certificate serial the code names (null when unreadable). */
  certificateSerial: string | null;
}

const AMOUNT_NAMES: Record<keyof RksvAmounts, string> = {
  standard: 'Normal (20 %)',
  reduced1: 'Ermäßigt-1 (10 %)',
  reduced2: 'Ermäßigt-2 (13 %)',
  zero: 'Null (0 %)',
  special: 'Besonders (19 % / 4,9 %)',
};
const AMOUNT_KEYS = Object.keys(AMOUNT_NAMES) as Array<keyof RksvAmounts>;

/**
 * How far the code's local time may lie after the receipt's own: SIGN AT keeps QR times in order, so in
 * the hour that repeats when summer time ends a code may carry the previous receipt's later local time.
 */
const REPEATED_HOUR_MS = 3600_000;
/** The code's time and time_signature are whole seconds, taken from one clock. */
const CLOCK_SLACK_MS = 1000;

function wallMs(localDateTime: string): number {
  return Date.parse(`${localDateTime}Z`);
}

function mismatch(problems: string[], code: MachineReadableCode | null): ReceiptCodeCheck {
  return { state: 'mismatch', problems, certificateSerial: code?.certificateSerial ?? null };
}

/** `certificateFor` gives the certificate whose serial the code names, or null when the app has none yet. */
export function checkReceiptCode(
  qrCodeData: string | null,
  expected: CodeExpectation,
  certificateFor: (codeSerial: string) => SigningCertificate | null,
): ReceiptCodeCheck {
  if (qrCodeData === null || qrCodeData === '') {
    return mismatch(['SIGN AT hat keinen maschinenlesbaren Code (QR-Code) geliefert'], null);
  }
  let code: MachineReadableCode;
  try {
    code = parseMachineReadableCode(qrCodeData);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return mismatch([`Der QR-Code von SIGN AT ist nicht lesbar (${reason})`], null);
  }
  const problems: string[] = [];
  if (!expected.kassenIds.includes(code.cashRegisterId)) {
    problems.push(`Kassen-ID im QR-Code ist ${code.cashRegisterId} statt ${expected.kassenIds.join(' / ')}`);
  }
  if (code.receiptNumber !== expected.receiptNumber) {
    problems.push(
      `Belegnummer im QR-Code ist ${code.receiptNumber} statt ${expected.receiptNumber ?? '(keine)'}`,
    );
  }
  const own = formatViennaTime(new Date(expected.timeMs));
  const late = wallMs(code.dateTime) - wallMs(own);
  if (!(late >= -CLOCK_SLACK_MS && late <= REPEATED_HOUR_MS + CLOCK_SLACK_MS)) {
    problems.push(`Datum/Uhrzeit im QR-Code ist ${code.dateTime} statt ${own}`);
  }
  for (const key of AMOUNT_KEYS) {
    if (code.amounts[key] !== expected.amounts[key]) {
      problems.push(
        `Betrag ${AMOUNT_NAMES[key]} im QR-Code ist ${formatQrAmount(code.amounts[key])} statt ${formatQrAmount(expected.amounts[key])}`,
      );
    }
  }
  if (isFailureMarker(Buffer.from(code.signature, 'base64'))) {
    if (expected.signed) {
      problems.push('SIGN AT meldet den Beleg als signiert, der QR-Code trägt aber keine Signatur');
    }
    return problems.length > 0 ? mismatch(problems, code) : ok(code);
  }
  if (!expected.signed) {
    problems.push(
      'SIGN AT meldet „Sicherheitseinrichtung ausgefallen“, der QR-Code trägt aber eine Signatur',
    );
  }
  const certificate = certificateFor(code.certificateSerial);
  if (certificate === null) {
    if (problems.length > 0) return mismatch(problems, code);
    return {
      state: 'unverified',
      problems: [
        `Signatur noch nicht geprüft: das Zertifikat ${code.certificateSerial} der Signaturerstellungseinheit fehlt noch`,
      ],
      certificateSerial: code.certificateSerial,
    };
  }
  if (codeSignatureState(qrCodeData, code, certificate) !== 'valid') {
    problems.push('Die Signatur im QR-Code passt nicht zum Zertifikat der Signaturerstellungseinheit');
  }
  return problems.length > 0 ? mismatch(problems, code) : ok(code);
}

/**
 * The code's last field: the failure marker, or an ES256 signature over the rest of the code that does
 * or does not verify against the certificate (null: none known for the code's serial).
 */
export function codeSignatureState(
  qrCodeData: string,
  code: MachineReadableCode,
  certificate: { readonly key: SigningKey } | null,
): CodeSignatureState {
  const signature = Buffer.from(code.signature, 'base64');
  if (isFailureMarker(signature)) return 'failure_marker';
  if (certificate === null) return 'no_certificate';
  const key = certificate.key.publicKey;
  const verified = key !== null && verifyEs256(key, jwsSigningInput(payloadOf(qrCodeData)), signature);
  return verified ? 'valid' : 'invalid';
}

function ok(code: MachineReadableCode): ReceiptCodeCheck {
  return { state: 'ok', problems: [], certificateSerial: code.certificateSerial };
}
