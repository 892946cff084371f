// The BMF reference's "cryptographic material container" (cryptographicMaterialContainer.json): what an
// auditor is given next to a DEP to check it. The AES key decrypts the turnover counter; the map gives
// the certificate or public key for each signature serial, keyed by that serial (hex or decimal for a
// certificate, the key id such as "U:ATU12345678-K1" for a public key). Unknown fields are allowed, as
// other tools write more.
import { z } from 'zod';

const SIGNATURE_DEVICE_TYPES = ['CERTIFICATE', 'PUBLIC_KEY'] as const;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const CryptoMaterialEntry = z.looseObject({
  id: z.string().min(1, 'id fehlt'),
  signatureDeviceType: z.enum(SIGNATURE_DEVICE_TYPES, {
    error: 'signatureDeviceType muss CERTIFICATE oder PUBLIC_KEY sein',
  }),
  /** Base64 DER (a PEM body on one line), or a whole PEM text. */
  signatureCertificateOrPublicKey: z.string().min(1, 'Zertifikat oder Schlüssel fehlt'),
});
export type CryptoMaterialEntry = z.infer<typeof CryptoMaterialEntry>;

export const CryptoMaterial = z.looseObject({
  base64AESKey: z
    .string()
    .trim()
    .refine(
      // 32 bytes in Base64: 43 characters and one "=".
      (text) => BASE64.test(text) && text.length === 44,
      'base64AESKey ist kein AES-256-Schlüssel (32 Byte in Base64)',
    )
    .optional(),
  certificateOrPublicKeyMap: z.record(z.string(), CryptoMaterialEntry).default({}),
});
export type CryptoMaterial = z.infer<typeof CryptoMaterial>;

/** The container for one signature device with a certificate, as the emulator serves it for a register. */
export function certificateMaterial(
  base64AESKey: string,
  serialHex: string,
  certificateBase64: string,
): CryptoMaterial {
  return {
    base64AESKey,
    certificateOrPublicKeyMap: {
      [serialHex]: {
        id: serialHex,
        signatureDeviceType: 'CERTIFICATE',
        signatureCertificateOrPublicKey: certificateBase64,
      },
    },
  };
}
