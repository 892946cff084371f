// What the setup wizard sends to start onboarding. Secrets (API secret, FON PIN, a provider's management
// secret) cross the contract only in this direction: main seals them and never sends them back.
import { z } from 'zod';
import { AustrianVatId } from './austrian-vat-id.ts';
import { printableText } from './text-field.ts';

/** fiskaly TEST or LIVE: what the merchant means to set up; the API key must agree. */
export const SIGN_AT_ENVIRONMENTS = ['TEST', 'LIVE'] as const;

/** An API key or secret as pasted: trimmed, no inner spaces (a copy that took one along). */
export const Credential = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} fehlt`)
    .max(200, `${label}: höchstens 200 Zeichen`)
    .refine((s) => !/\s/.test(s), `${label} enthält Leerzeichen (beim Kopieren mitgenommen?)`);

/** The merchant's own fiskaly API key for SIGN AT. */
export const ApiKeyAccess = z.strictObject({
  kind: z.literal('api_key'),
  apiKey: Credential('API-Key'),
  apiSecret: Credential('API-Secret'),
});

/**
 * A POS provider's Management-API key: main creates the merchant's managed organization and its API key
 * with it, then forgets it.
 */
export const ManagementAccess = z.strictObject({
  kind: z.literal('management'),
  apiKey: Credential('Management-API-Key'),
  apiSecret: Credential('Management-API-Secret'),
});

const OnboardingAccess = z.discriminatedUnion('kind', [ApiKeyAccess, ManagementAccess]);
type OnboardingAccess = z.infer<typeof OnboardingAccess>;

export const OnboardingCompany = z.strictObject({
  name: printableText(100),
  /** Street and number; zip and town separately, as FinanzOnline and the Management API want them. */
  address: printableText(100),
  zip: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'Postleitzahl: 4 Ziffern'),
  town: printableText(60),
  vatId: AustrianVatId,
});
export type OnboardingCompany = z.infer<typeof OnboardingCompany>;

export const FonCredentialsInput = z.strictObject({
  /** Teilnehmer-Identifikation of the FinanzOnline web-service user. */
  participantId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,12}$/, 'Teilnehmer-Identifikation: 1–12 Buchstaben oder Ziffern'),
  /** Benutzer-Identifikation of the dedicated "Registrierkassen-Webservice-Benutzer". */
  userId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,12}$/, 'Benutzer-Identifikation: 1–12 Buchstaben oder Ziffern'),
  pin: z.string().min(8, 'PIN: mindestens 8 Zeichen').max(128, 'PIN: höchstens 128 Zeichen'),
});
export type FonCredentialsInput = z.infer<typeof FonCredentialsInput>;

/** "Zugang erneuern": what the status's accessRenewal asks for, entered again. */
export const RenewAccessInput = z.strictObject({
  access: z.strictObject({ apiKey: Credential('API-Key'), apiSecret: Credential('API-Secret') }).optional(),
  fonPin: FonCredentialsInput.shape.pin.optional(),
});
export type RenewAccessInput = z.infer<typeof RenewAccessInput>;

export const StartOnboardingInput = z.strictObject({
  environment: z.enum(SIGN_AT_ENVIRONMENTS),
  access: OnboardingAccess,
  company: OnboardingCompany,
  fon: FonCredentialsInput,
  registerDescription: printableText(100),
});
export type StartOnboardingInput = z.input<typeof StartOnboardingInput>;
export type StartOnboardingParsed = z.output<typeof StartOnboardingInput>;
