import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoreSettingsUpdate } from './core-settings.ts';
import { invalidInput } from './pos-error.ts';
import { SaleDraft } from './sale-draft.ts';

function refusal(
  schema: { safeParse(input: unknown): { success: boolean; error?: unknown } },
  input: unknown,
) {
  const parsed = schema.safeParse(input);
  assert.equal(parsed.success, false);
  return invalidInput(parsed.error as Parameters<typeof invalidInput>[0]);
}

const line = { text: 'Melange', quantity: '1', unitPrice: '3.80', vatRate: '20' };

test('a refused sale names the position and field as the cashier knows them, the path stays in field', () => {
  const error = refusal(SaleDraft, { kind: 'NORMAL', lines: [line, { ...line, text: 'x'.repeat(121) }] });
  assert.equal(error.message, 'Position 2, Text: höchstens 120 Zeichen');
  assert.equal(error.field, 'lines.1.text');

  const price = refusal(SaleDraft, { kind: 'NORMAL', lines: [{ ...line, unitPrice: '3,805' }] });
  assert.match(price.message, /^Position 1, Preis: Dezimalzahl/);
  assert.doesNotMatch(price.message, /lines\.|unitPrice/);
});

test('a refused setting is named in words, never by its key', () => {
  const error = refusal(CoreSettingsUpdate, { signTimeoutMs: 60_000 });
  assert.equal(error.message, 'Wartezeit auf SIGN AT: höchstens 30 s');
  assert.equal(error.field, 'signTimeoutMs');
});

test('a field without a name a person knows leaves the message alone', () => {
  const error = refusal(CoreSettingsUpdate, { company: { name: '', address: 'Hauptplatz 1', vatId: null } });
  assert.equal(error.message, 'Name: darf nicht leer sein');
  assert.equal(error.field, 'company.name');
});

test('a UID with a wrong check digit is refused by the settings as by the wizard', () => {
  const company = { name: 'Café Muster GmbH', address: 'Musterstraße 1, 1010 Wien', vatId: 'ATU12345678' };
  const error = refusal(CoreSettingsUpdate, { company });
  assert.equal(error.message, 'UID-Nummer: die Prüfziffer stimmt nicht (Tippfehler?)');
  assert.equal(error.field, 'company.vatId');
  assert.equal(
    CoreSettingsUpdate.safeParse({ company: { ...company, vatId: 'atu 1234 5675' } }).success,
    true,
  );
});
