// The setup file as a POS provider writes it: what it accepts is what the wizard accepts, every problem
// is named by its JSON path, and the JSON Schema published for it says the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSetupFile, setupFileJsonSchema } from './onboarding-file.ts';

const FILE = {
  environment: 'TEST',
  api_key: 'test_key_1',
  api_secret: 'test_secret_1',
  fon: { participant_id: 'T1', user_id: 'U1', user_pin: 'pin-12345' },
  company: {
    name: 'Bäckerei Huber',
    address_line: 'Hauptstraße 1',
    zip: '1010',
    town: 'Wien',
    vat_id: 'atu 1358 5627',
  },
  cash_register: { description: 'Kasse 1' },
};

function problems(json: unknown): string[] {
  const result = parseSetupFile(json);
  assert.equal(result.ok, false, 'the file is refused');
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

test('a complete file becomes the wizard start input, normalized as the wizard does', () => {
  const result = parseSetupFile({ ...FILE, signat_url: 'http://127.0.0.1:8787/api/v1' });
  assert.ok(result.ok);
  assert.deepEqual(result.setup, {
    kind: 'setup',
    start: {
      environment: 'TEST',
      access: { kind: 'api_key', apiKey: 'test_key_1', apiSecret: 'test_secret_1' },
      company: {
        name: 'Bäckerei Huber',
        address: 'Hauptstraße 1',
        zip: '1010',
        town: 'Wien',
        vatId: 'ATU13585627',
      },
      fon: { participantId: 'T1', userId: 'U1', pin: 'pin-12345' },
      registerDescription: 'Kasse 1',
    },
    signAtUrl: 'http://127.0.0.1:8787/api/v1',
  });
});

test('a management block instead of the API key is the provider path; signat_url may be left out', () => {
  const { api_key: _key, api_secret: _secret, ...rest } = FILE;
  const result = parseSetupFile({ ...rest, management: { api_key: 'mgmt_key', api_secret: 'mgmt_secret' } });
  assert.ok(result.ok && result.setup.kind === 'setup');
  assert.deepEqual(result.setup.start.access, {
    kind: 'management',
    apiKey: 'mgmt_key',
    apiSecret: 'mgmt_secret',
  });
  assert.equal(result.setup.signAtUrl, null);
});

test('every problem is named by its path in the file, in German, all at once', () => {
  assert.deepEqual(
    problems({
      ...FILE,
      environment: 'PROD',
      fon: { participant_id: 'T1', user_id: 'U 1', user_pin: 'short' },
      company: { ...FILE.company, vat_id: 'ATU13585628', zip: 1010 },
      cash_register: { description: 'Kasse 1', colour: 'blau' },
      signat_url: 'ftp://example.test',
    }),
    [
      'environment: erlaubt: "TEST", "LIVE"',
      'signat_url: eine http(s)-Adresse, z. B. https://rksv.fiskaly.com/api/v1',
      'fon.user_id: Benutzer-Identifikation: 1–12 Buchstaben oder Ziffern',
      'fon.user_pin: PIN: mindestens 8 Zeichen',
      'company.zip: muss Text in Anführungszeichen sein',
      'company.vat_id: UID-Nummer: die Prüfziffer stimmt nicht (Tippfehler?)',
      'cash_register.colour: unbekanntes Feld (Tippfehler?)',
    ],
  );
});

test('missing fields and a missing access say what is missing, where', () => {
  const { api_key: _key, api_secret: _secret, fon: _fon, ...rest } = FILE;
  assert.deepEqual(problems({ ...rest, company: { ...FILE.company, town: undefined } }), [
    'fon: fehlt',
    'company.town: fehlt',
    'api_key: fehlt (oder statt api_key/api_secret ein management-Block)',
    'api_secret: fehlt (oder statt api_key/api_secret ein management-Block)',
  ]);
});

test('both an API key and a management block, or no object at all, are refused plainly', () => {
  assert.deepEqual(problems({ ...FILE, management: { api_key: 'm', api_secret: 's' } }), [
    'api_key: entweder api_key/api_secret oder management, nicht beides',
    'api_secret: entweder api_key/api_secret oder management, nicht beides',
  ]);
  assert.deepEqual(problems([FILE]), [': die Datei muss ein JSON-Objekt { … } sein']);
  const { api_key: _key, api_secret: _secret, ...withoutKey } = FILE;
  assert.deepEqual(problems({ ...withoutKey, management: { api_key: 'm' } }), [
    'management.api_secret: fehlt',
  ]);
});

const REGISTER_ID = '0b6f1f3c-6d7e-4a8b-9c1d-2e3f4a5b6c7d';

test('a cash_register with an id takes that register over: the takeover screen input, backup folder and company optional', () => {
  const { company: _company, ...withoutCompany } = FILE;
  const withBackup = parseSetupFile({
    ...withoutCompany,
    cash_register: { id: REGISTER_ID, backup_dir: '/media/usb' },
  });
  assert.ok(withBackup.ok);
  assert.deepEqual(withBackup.setup, {
    kind: 'takeover',
    takeover: {
      access: { environment: 'TEST', apiKey: 'test_key_1', apiSecret: 'test_secret_1' },
      registerId: REGISTER_ID,
      fon: { participantId: 'T1', userId: 'U1', pin: 'pin-12345' },
      backupDir: '/media/usb',
      company: null,
    },
    signAtUrl: null,
  });
  const signAtAlone = parseSetupFile({ ...FILE, cash_register: { id: REGISTER_ID } });
  assert.ok(signAtAlone.ok && signAtAlone.setup.kind === 'takeover');
  assert.equal(signAtAlone.setup.takeover.backupDir, null);
  assert.equal(signAtAlone.setup.takeover.company?.vatId, 'ATU13585627');
});

test('a takeover file is refused plainly: no company without a backup, a description beside the id, a management block', () => {
  const { company: _company, api_key: _key, api_secret: _secret, ...bare } = FILE;
  assert.deepEqual(
    problems({
      ...bare,
      api_key: 'k',
      cash_register: { id: REGISTER_ID, description: 'Kasse 1' },
      fon: { ...FILE.fon, user_pin: 'short' },
    }),
    [
      'fon.user_pin: PIN: mindestens 8 Zeichen',
      'cash_register.description: unbekanntes Feld (Tippfehler?)',
      'api_secret: fehlt',
      'company: fehlt (ohne cash_register.backup_dir kommen die Firmendaten für den Belegkopf aus dieser Datei)',
    ],
  );
  assert.deepEqual(
    problems({
      ...bare,
      management: { api_key: 'm', api_secret: 's' },
      cash_register: { id: ' ', backup_dir: '/media/usb' },
    }),
    [
      'cash_register.id: Bitte eine Kasse wählen',
      'api_key: fehlt',
      'api_secret: fehlt',
      'management: eine Übernahme (cash_register.id) braucht api_key/api_secret der Organisation der Kasse, keinen management-Block',
    ],
  );
});

test('the JSON Schema is derived from the same schema: snake_case, closed objects, one of two access forms', () => {
  interface Node {
    required: string[];
    additionalProperties: boolean;
    properties: Record<string, Node>;
    minLength?: number;
    pattern?: string;
    enum?: string[];
  }
  const schema = setupFileJsonSchema() as { $schema: string; anyOf: Node[] };
  const at = (node: Node | undefined, ...path: string[]): Node => {
    const found = path.reduce<Node | undefined>((n, key) => n?.properties[key], node);
    assert.ok(found, path.join('.'));
    return found;
  };
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  const [withKey, withManagement, takeover] = schema.anyOf;
  assert.ok(withKey && withManagement && takeover);
  assert.deepEqual(Object.keys(at(takeover, 'cash_register').properties), ['id', 'backup_dir']);
  assert.ok(!takeover.required.includes('company'));
  assert.deepEqual(withKey.required.toSorted(), [
    'api_key',
    'api_secret',
    'cash_register',
    'company',
    'environment',
    'fon',
  ]);
  assert.ok(withManagement.required.includes('management'));
  assert.equal(withKey.additionalProperties, false);
  assert.deepEqual(Object.keys(at(withKey, 'fon').properties), ['participant_id', 'user_id', 'user_pin']);
  assert.equal(at(withKey, 'fon', 'user_pin').minLength, 8);
  assert.deepEqual(at(withKey, 'environment').enum, ['TEST', 'LIVE']);
  assert.equal(at(withKey, 'company', 'zip').pattern, '^\\d{4}$');
});
