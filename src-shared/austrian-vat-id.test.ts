import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AustrianVatId, isValidAustrianVatId } from './austrian-vat-id.ts';

test('the UID check digit catches a typo; typed spaces and lower case are tidied', () => {
  assert.equal(isValidAustrianVatId('ATU13585627'), true);
  assert.equal(isValidAustrianVatId('ATU31585627'), false, 'two digits swapped');
  assert.equal(isValidAustrianVatId('ATU13585628'), false, 'one digit off');
  assert.equal(isValidAustrianVatId('ATU12345678'), false);
  assert.equal(AustrianVatId.parse(' atu 1358 5627 '), 'ATU13585627');
  assert.match(AustrianVatId.safeParse('ATU1358562').error?.issues[0]?.message ?? '', /8 Ziffern/);
  assert.match(AustrianVatId.safeParse('ATU13585620').error?.issues[0]?.message ?? '', /Prüfziffer/);
});
