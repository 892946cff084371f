// The certificate of a signature creation unit, read once for every receipt it signed: its public key
// and serial. The DEP check reads it from the export's Signaturzertifikat; the check of SIGN AT's answer
// reads the one the app kept from an export.
import { X509Certificate, type KeyObject } from 'node:crypto';

export interface SigningCertificate {
  readonly publicKey: KeyObject;
  readonly serial: bigint | null;
}

/** Null when the text is no certificate node:crypto can read. */
export function readSigningCertificate(certificateBase64: string): SigningCertificate | null {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(certificateBase64, 'base64'));
  } catch {
    return null;
  }
  let serial: bigint | null;
  try {
    serial = BigInt(`0x${certificate.serialNumber}`);
  } catch {
    serial = null;
  }
  let publicKey: KeyObject | undefined;
  return {
    // Taken when the first signature is checked: a key node:crypto cannot use fails there, as a bad signature.
    get publicKey() {
      publicKey ??= certificate.publicKey;
      return publicKey;
    },
    serial,
  };
}

/** Whether the code's serial field names this certificate: RKSV writes it in hex, a decimal form is the same number. */
export function serialMatches(codeSerial: string, certificateSerial: bigint | null): boolean {
  if (certificateSerial === null) return false;
  try {
    if (/^[0-9a-fA-F]+$/.test(codeSerial) && BigInt(`0x${codeSerial}`) === certificateSerial) return true;
    return /^\d+$/.test(codeSerial) && BigInt(codeSerial) === certificateSerial;
  } catch {
    return false;
  }
}
