// A small DEP really signed and counted, receipt by receipt as described, with the crypto material to
// check it: for the cases the emulator never writes (a foreign till's numbering, broken counters, the
// cases independent verifiers test). Each field of a receipt can be set to what a broken till writes.
import { randomBytes } from 'node:crypto';
import { certificateMaterial, type CryptoMaterial } from '../../src-shared/crypto-material.ts';
import type { DepExport } from '../fiskaly/sign-at-resources.ts';
import { createSelfSignedCertificate } from '../rksv/certificate.ts';
import { chainValue } from '../rksv/chain.ts';
import { generateP256KeyPair } from '../rksv/es256.ts';
import { FAILURE_MARKER_BYTES } from '../rksv/jws.ts';
import { formatPayload } from '../rksv/machine-readable-code.ts';
import { ZERO_AMOUNTS, sumAmounts, type RksvAmounts } from '../rksv/rksv-amounts.ts';
import { signReceiptPayload } from '../rksv/receipt-signature.ts';
import { CANCELLATION_MARKER, TRAINING_MARKER, encryptCounter } from '../rksv/turnover-counter.ts';

export interface ReceiptSpec {
  /** 'sale' when not given. */
  kind?: 'zero' | 'sale' | 'training' | 'cancellation';
  /** The signature unit failed: the marker instead of a signature. */
  failed?: boolean;
  /** Amount in the standard bucket (a cancellation's is made negative). */
  cents?: number;
  receiptNumber?: string;
  dateTime?: string;
  cashRegisterId?: string;
  /** The counter the receipt states instead of the running total. */
  counter?: bigint;
  counterBytes?: number;
  /** This text in the counter field, whatever it is. */
  counterField?: string;
  certificateSerial?: string;
  chainValue?: string;
  /** The JWS header text instead of {"alg":"ES256"}. */
  header?: string;
  /** These signature bytes instead of a real signature. */
  signature?: Buffer;
  /** What the till wrote instead of the JWS (the next receipt chains to it). */
  rewrite?: (jws: string) => string;
}

export interface SignedDep {
  dep: DepExport;
  material: CryptoMaterial;
  receipts: string[];
  kassenId: string;
  /** The signing key as SPKI DER in Base64, as a crypto material container gives a closed system's key. */
  publicKeyBase64: string;
  certificateSerial: string;
}

function minutesAfter(start: string, minutes: number): string {
  return new Date(Date.parse(`${start}Z`) + minutes * 60_000).toISOString().slice(0, 19);
}

export function signedDep(
  specs: readonly ReceiptSpec[],
  options: {
    kassenId?: string;
    firstTime?: string;
    /** Receipts per Belege-Gruppe (all under the same certificate). */
    groupsOf?: number;
    /** The serial in the receipts written in decimal, as some tills do. */
    decimalSerial?: boolean;
  } = {},
): SignedDep {
  const kassenId = options.kassenId ?? 'PRUEF-KASSE-1';
  const { privateKey, publicKey } = generateP256KeyPair();
  const certificate = createSelfSignedCertificate({
    privateKey,
    publicKey,
    commonName: 'Prüf-Signaturerstellungseinheit',
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
  });
  const aesKey = randomBytes(32);
  const serial = options.decimalSerial
    ? BigInt(`0x${certificate.serialHex}`).toString(10)
    : certificate.serialHex;
  const receipts: string[] = [];
  let total = 0n;
  specs.forEach((spec, index) => {
    const kind = spec.kind ?? 'sale';
    const receiptNumber = spec.receiptNumber ?? String(index + 1);
    const cashRegisterId = spec.cashRegisterId ?? kassenId;
    const amounts: RksvAmounts =
      kind === 'zero'
        ? ZERO_AMOUNTS
        : {
            ...ZERO_AMOUNTS,
            standard: (kind === 'cancellation' ? -1 : 1) * (spec.cents ?? 100 * (index + 1)),
          };
    if (kind !== 'training') total += BigInt(sumAmounts(amounts));
    const encryptedCounter =
      spec.counterField ??
      (kind === 'training'
        ? TRAINING_MARKER
        : kind === 'cancellation'
          ? CANCELLATION_MARKER
          : encryptCounter(
              { aesKey, cashRegisterId, receiptNumber },
              spec.counter ?? total,
              spec.counterBytes,
            ));
    const payload = formatPayload({
      algorithmId: 'R1-AT100',
      cashRegisterId,
      receiptNumber,
      dateTime: spec.dateTime ?? minutesAfter(options.firstTime ?? '2026-03-02T10:00:00', index),
      amounts,
      encryptedCounter,
      certificateSerial: spec.certificateSerial ?? serial,
      chainValue: spec.chainValue ?? chainValue(receipts.at(-1) ?? kassenId),
    });
    const header = Buffer.from(spec.header ?? '{"alg":"ES256"}').toString('base64url');
    const signingInput = `${header}.${Buffer.from(payload, 'utf8').toString('base64url')}`;
    const signature = spec.failed
      ? FAILURE_MARKER_BYTES
      : (spec.signature ?? signReceiptPayload(privateKey, payload));
    const jws = `${signingInput}.${signature.toString('base64url')}`;
    receipts.push(spec.rewrite ? spec.rewrite(jws) : jws);
  });
  const certificateBase64 = certificate.der.toString('base64');
  const groupsOf = options.groupsOf ?? receipts.length;
  const groups: DepExport['Belege-Gruppe'] = [];
  for (let from = 0; from < receipts.length || groups.length === 0; from += groupsOf) {
    groups.push({
      Signaturzertifikat: certificateBase64,
      Zertifizierungsstellen: [],
      'Belege-kompakt': receipts.slice(from, from + groupsOf),
    });
  }
  return {
    dep: { 'Belege-Gruppe': groups },
    material: certificateMaterial(aesKey.toString('base64'), certificate.serialHex, certificateBase64),
    receipts,
    kassenId,
    publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    certificateSerial: certificate.serialHex,
  };
}
