// The setup file of an unattended setup (`--onboard setup.json`), as POS providers write it: snake_case as
// in the POS API. Every field is checked by the wizard's own schema (onboarding-input.ts) under the file's
// name, so the file accepts exactly what the wizard accepts; the result is the wizard's start input. With
// `"cash_register": {"id": …}` the file takes an existing register over instead (the takeover screen's
// input, takeover.ts). The published JSON Schema is derived from the same zod schemas.
import { z } from 'zod';
import {
  ApiKeyAccess,
  FonCredentialsInput,
  ManagementAccess,
  OnboardingCompany,
  StartOnboardingInput,
  type StartOnboardingParsed,
} from './onboarding-input.ts';
import { StartTakeoverInput, type StartTakeoverParsed } from './takeover.ts';

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

/** The register to set up: a new one by its description. */
const SetupFileCashRegister = z
  .strictObject({
    description: StartOnboardingInput.shape.registerDescription.meta({
      description: 'Bezeichnung der Kasse, z. B. "Kasse 1"',
    }),
  })
  .meta({ description: 'Die Kasse, die angelegt wird' });

/** The register to take over: an existing one of the organization, by its SIGN AT id. */
const TakeoverFileCashRegister = z
  .strictObject({
    id: StartTakeoverInput.shape.registerId.meta({
      description:
        'Die id der Kasse bei SIGN AT (GET /api/v1/status: cash_register.id), die dieser PC übernimmt; sie muss INITIALIZED sein',
    }),
    backup_dir: StartTakeoverInput.shape.backupDir.unwrap().optional().meta({
      description:
        'Ordner mit den Sicherungen (USB-Stick, Netzlaufwerk); die neueste dieser Kasse wird genommen. Ohne: nur SIGN AT (letzte 3 Monate), dann ist company nötig',
    }),
  })
  .meta({ description: 'Die Kasse, die dieser PC übernimmt (PC-Wechsel)' });

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

/** A takeover needs the organization's own API key: a management key creates organizations, it takes none over. */
const Takeover = z.strictObject({
  ...COMMON,
  api_key: WithApiKey.shape.api_key,
  api_secret: WithApiKey.shape.api_secret,
  company: Company.optional(),
  cash_register: TakeoverFileCashRegister,
});

/** The whole file: a new register with the merchant's own API key or a provider's `management` block, or a takeover. */
const SetupFile = z.union([WithApiKey, WithManagement, Takeover]).meta({
  title: 'Kassen-Companion: Einrichtungsdatei (--onboard)',
  description:
    'Einrichtung ohne Rückfragen: npm run serve -- --onboard setup.json. Die Datei enthält Zugangsdaten: nach der Einrichtung löschen.',
});

/** The JSON Schema (draft 2020-12) of the file, as served and as printed in the README. */
export function setupFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SetupFile, { io: 'input', target: 'draft-2020-12' });
}

export type UnattendedSetup = (
  { kind: 'setup'; start: StartOnboardingParsed } | { kind: 'takeover'; takeover: StartTakeoverParsed }
) & {
  /** From `signat_url`; null: fiskaly's SIGN AT. */
  signAtUrl: string | null;
};

/** One thing wrong in the file: `path` is where, in the file's own names (`fon.user_pin`); '' is the whole file. */
interface SetupFileProblem {
  path: string;
  message: string;
}

type SetupFileResult = { ok: true; setup: UnattendedSetup } | { ok: false; problems: SetupFileProblem[] };

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

/** Which of the file's forms it meant, by its own words. */
type FileForm = 'api_key' | 'management' | 'takeover';

const UNKNOWN_FIELD = 'unbekanntes Feld (Tippfehler?)';

function unrecognizedText(form: FileForm, atRoot: boolean, key: string): string {
  if (!atRoot) return UNKNOWN_FIELD;
  if (form === 'management' && (key === 'api_key' || key === 'api_secret')) {
    return 'entweder api_key/api_secret oder management, nicht beides';
  }
  if (form === 'takeover' && key === 'management') {
    return 'eine Übernahme (cash_register.id) braucht api_key/api_secret der Organisation der Kasse, keinen management-Block';
  }
  return UNKNOWN_FIELD;
}

function problemsOf(error: z.ZodError, form: FileForm): SetupFileProblem[] {
  const problems: SetupFileProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = pathOf([...issue.path, key]);
        problems.push({ path, message: unrecognizedText(form, issue.path.length === 0, key) });
      }
      continue;
    }
    const path = pathOf(issue.path);
    if (path === '' && issue.code === 'invalid_type') {
      problems.push({ path, message: 'die Datei muss ein JSON-Objekt { … } sein' });
      continue;
    }
    const missingAccess =
      form === 'api_key' && (path === 'api_key' || path === 'api_secret') && issue.message === MISSING;
    problems.push({
      path,
      message: missingAccess ? 'fehlt (oder statt api_key/api_secret ein management-Block)' : issue.message,
    });
  }
  return problems;
}

function formOf(json: unknown): FileForm {
  if (!isRecord(json)) return 'api_key';
  if (isRecord(json['cash_register']) && 'id' in json['cash_register']) return 'takeover';
  return 'management' in json ? 'management' : 'api_key';
}

/**
 * Without a backup folder, only the file can give the receipt header. Told beside every other problem
 * (a refinement of the schema would wait until the rest is right).
 */
function companyProblem(json: unknown): SetupFileProblem[] {
  if (!isRecord(json) || json['company'] !== undefined) return [];
  const register = json['cash_register'];
  if (isRecord(register) && register['backup_dir'] !== undefined) return [];
  return [
    {
      path: 'company',
      message: `${MISSING} (ohne cash_register.backup_dir kommen die Firmendaten für den Belegkopf aus dieser Datei)`,
    },
  ];
}

function parseTakeoverFile(json: unknown): SetupFileResult {
  const parsed = Takeover.safeParse(json, { error: fileIssueText });
  const missingCompany = companyProblem(json);
  if (!parsed.success) {
    return { ok: false, problems: [...problemsOf(parsed.error, 'takeover'), ...missingCompany] };
  }
  if (missingCompany.length > 0) return { ok: false, problems: missingCompany };
  const file = parsed.data;
  const takeover = StartTakeoverInput.safeParse({
    access: { environment: file.environment, apiKey: file.api_key, apiSecret: file.api_secret },
    registerId: file.cash_register.id,
    fon: file.fon,
    backupDir: file.cash_register.backup_dir ?? null,
    company: file.company ?? null,
  });
  // The same schemas checked every field already; this only holds the shapes together.
  if (!takeover.success) {
    return {
      ok: false,
      problems: takeover.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })),
    };
  }
  return {
    ok: true,
    setup: { kind: 'takeover', takeover: takeover.data, signAtUrl: file.signat_url ?? null },
  };
}

/** Checks a parsed setup file completely; every problem is named with its JSON path. */
export function parseSetupFile(json: unknown): SetupFileResult {
  // The form is chosen by the file's own words, so each problem is told for the form the file meant.
  const form = formOf(json);
  if (form === 'takeover') return parseTakeoverFile(json);
  const parsed =
    form === 'management'
      ? WithManagement.safeParse(json, { error: fileIssueText })
      : WithApiKey.safeParse(json, { error: fileIssueText });
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, form) };
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
  return { ok: true, setup: { kind: 'setup', start: start.data, signAtUrl: file.signat_url ?? null } };
}
