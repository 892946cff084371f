// The setup file of an unattended setup (`--onboard setup.json`), as POS providers write it: snake_case as
// in the POS API. Every field is checked by the wizard's own schema (onboarding-input.ts) under the file's
// name, so the file accepts exactly what the wizard accepts; the result is the wizard's start input. The
// published JSON Schema is derived from the same zod schema.
import { z } from 'zod';
import {
  ApiKeyAccess,
  FonCredentialsInput,
  ManagementAccess,
  OnboardingCompany,
  StartOnboardingInput,
  type StartOnboardingParsed,
} from './onboarding-input.ts';

type FileNames<S extends z.ZodRawShape> = { [K in keyof S]: { name: string; description: string } };

/** The wizard's object under the file's names: the same check per field, the wizard's names after. */
function underFileNames<S extends z.ZodRawShape>(wizard: z.ZodObject<S>, names: FileNames<S>) {
  const pairs = Object.entries(names) as [keyof S & string, { name: string; description: string }][];
  const shape: Record<string, z.ZodType> = {};
  for (const [key, { name, description }] of pairs) {
    shape[name] = (wizard.shape[key] as z.ZodType).meta({ description });
  }
  return z
    .strictObject(shape)
    .transform(
      (values) =>
        Object.fromEntries(pairs.map(([key, { name }]) => [key, values[name]])) as z.output<z.ZodObject<S>>,
    );
}

const Fon = underFileNames(FonCredentialsInput, {
  participantId: { name: 'participant_id', description: 'FinanzOnline: Teilnehmer-Identifikation' },
  userId: {
    name: 'user_id',
    description: 'FinanzOnline: Benutzer-Identifikation des Registrierkassen-Webservice-Benutzers',
  },
  pin: { name: 'user_pin', description: 'FinanzOnline: PIN dieses Benutzers' },
}).meta({ description: 'Der FinanzOnline-Webservice-Benutzer für die Registrierung der Kasse' });

const Company = underFileNames(OnboardingCompany, {
  name: { name: 'name', description: 'Firmenname, wie er auf dem Beleg steht' },
  address: { name: 'address_line', description: 'Straße und Hausnummer' },
  zip: { name: 'zip', description: 'Postleitzahl (4 Ziffern)' },
  town: { name: 'town', description: 'Ort' },
  vatId: { name: 'vat_id', description: 'UID-Nummer (ATU und 8 Ziffern, mit Prüfziffer)' },
}).meta({ description: 'Das Unternehmen, für das die Kasse eingerichtet wird' });

/**
 * The register to set up. An object of its own so that it can grow: a later version takes over an
 * existing register by its id instead of a description.
 */
export const SetupFileCashRegister = z
  .strictObject({
    description: StartOnboardingInput.shape.registerDescription.meta({
      description: 'Bezeichnung der Kasse, z. B. "Kasse 1"',
    }),
  })
  .meta({ description: 'Die Kasse, die angelegt wird' });

const Management = underFileNames(ManagementAccess.omit({ kind: true }), {
  apiKey: { name: 'api_key', description: 'Management-API-Key des Kassenanbieters' },
  apiSecret: { name: 'api_secret', description: 'Management-API-Secret des Kassenanbieters' },
}).meta({
  description:
    'Statt api_key/api_secret: legt mit dem Management-API-Key des Kassenanbieters die Organisation des Unternehmens und ihren API-Key an; der Management-Key wird danach nicht behalten',
});

const COMMON = {
  $schema: z
    .string()
    .optional()
    .meta({ description: 'Adresse dieses Schemas, für Editoren; wird nicht ausgewertet' }),
  environment: StartOnboardingInput.shape.environment.meta({
    description: 'fiskaly TEST oder LIVE; der API-Key muss dazu passen',
  }),
  signat_url: z
    .url({ protocol: /^https?$/, error: 'eine http(s)-Adresse, z. B. https://rksv.fiskaly.com/api/v1' })
    .optional()
    .meta({ description: 'Adresse von SIGN AT; ohne: fiskaly' }),
  fon: Fon,
  company: Company,
  cash_register: SetupFileCashRegister,
};

const WithApiKey = z.strictObject({
  ...COMMON,
  api_key: ApiKeyAccess.shape.apiKey.meta({ description: 'fiskaly API-Key (SIGN AT) des Unternehmens' }),
  api_secret: ApiKeyAccess.shape.apiSecret.meta({ description: 'fiskaly API-Secret dazu' }),
});

const WithManagement = z.strictObject({ ...COMMON, management: Management });

/** The whole file: either the merchant's own API key, or a provider's `management` block. */
export const SetupFile = z.union([WithApiKey, WithManagement]).meta({
  title: 'Kassen-Companion: Einrichtungsdatei (--onboard)',
  description:
    'Einrichtung ohne Rückfragen: npm run serve -- --onboard setup.json. Die Datei enthält Zugangsdaten: nach der Einrichtung löschen.',
});

/** The JSON Schema (draft 2020-12) of the file, as served and as printed in the README. */
export function setupFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SetupFile, { io: 'input', target: 'draft-2020-12' });
}

export interface UnattendedSetup {
  start: StartOnboardingParsed;
  /** From `signat_url`; null: fiskaly's SIGN AT. */
  signAtUrl: string | null;
}

/** One thing wrong in the file: `path` is where, in the file's own names (`fon.user_pin`); '' is the whole file. */
export interface SetupFileProblem {
  path: string;
  message: string;
}

export type SetupFileResult =
  { ok: true; setup: UnattendedSetup } | { ok: false; problems: SetupFileProblem[] };

const TYPE_NAMES: Record<string, string> = {
  string: 'Text in Anführungszeichen',
  object: 'ein Objekt { … }',
  number: 'eine Zahl',
  boolean: 'true oder false',
  array: 'eine Liste [ … ]',
};

const MISSING = 'fehlt';

/** zod's words for what the wizard's schemas do not say themselves (a field missing, a wrong type). */
const fileIssueText: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return MISSING;
    return `muss ${TYPE_NAMES[issue.expected] ?? issue.expected} sein`;
  }
  if (issue.code === 'invalid_value') {
    return `erlaubt: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return z.locales.de().localeError(issue);
};

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemsOf(error: z.ZodError, managed: boolean): SetupFileProblem[] {
  const problems: SetupFileProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = pathOf([...issue.path, key]);
        const both = managed && issue.path.length === 0 && (key === 'api_key' || key === 'api_secret');
        problems.push({
          path,
          message: both
            ? 'entweder api_key/api_secret oder management, nicht beides'
            : 'unbekanntes Feld (Tippfehler?)',
        });
      }
      continue;
    }
    const path = pathOf(issue.path);
    if (path === '' && issue.code === 'invalid_type') {
      problems.push({ path, message: 'die Datei muss ein JSON-Objekt { … } sein' });
      continue;
    }
    const missingAccess =
      !managed && (path === 'api_key' || path === 'api_secret') && issue.message === MISSING;
    problems.push({
      path,
      message: missingAccess ? 'fehlt (oder statt api_key/api_secret ein management-Block)' : issue.message,
    });
  }
  return problems;
}

/** Checks a parsed setup file completely; every problem is named with its JSON path. */
export function parseSetupFile(json: unknown): SetupFileResult {
  const managed = isRecord(json) && 'management' in json;
  // The branch is chosen by the file's own words, so each problem is told for the form the file meant.
  const parsed = managed
    ? WithManagement.safeParse(json, { error: fileIssueText })
    : WithApiKey.safeParse(json, { error: fileIssueText });
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, managed) };
  const file = parsed.data;
  const start = StartOnboardingInput.safeParse({
    environment: file.environment,
    access:
      'management' in file
        ? { kind: 'management', ...file.management }
        : { kind: 'api_key', apiKey: file.api_key, apiSecret: file.api_secret },
    company: file.company,
    fon: file.fon,
    registerDescription: file.cash_register.description,
  });
  // The same schemas checked every field already; this only holds the two shapes together.
  if (!start.success) {
    return {
      ok: false,
      problems: start.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })),
    };
  }
  return { ok: true, setup: { start: start.data, signAtUrl: file.signat_url ?? null } };
}
