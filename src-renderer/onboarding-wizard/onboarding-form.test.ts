import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NOT_STARTED_ONBOARDING, type OnboardingView } from '../../src-shared/onboarding-view.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import {
  checkForm,
  EMPTY_FORM,
  fieldOfPath,
  formFromView,
  startCanBeRetried,
  type OnboardingFormValues,
} from './onboarding-form.ts';
import { stepStates } from './step-progress.ts';

const filled: OnboardingFormValues = {
  ...EMPTY_FORM,
  apiKey: 'test_abc',
  apiSecret: 'geheim',
  companyName: 'Bäckerei Muster',
  address: 'Hauptstraße 1',
  zip: '1010',
  town: 'Wien',
  vatId: 'ATU 1358 5627',
  participantId: 'T123',
  userId: 'KASSA01',
  pin: 'pin-pin-pin',
  registerDescription: 'Kasse 1',
};

test('a complete form becomes the contract input; typos are shown next to their fields', () => {
  const ok = checkForm(filled, 'bestätigen');
  assert.deepEqual(ok.errors, {});
  assert.equal(ok.input?.company.vatId, 'ATU 1358 5627', 'main tidies the UID itself');

  const bad = checkForm(
    { ...filled, vatId: 'ATU13585620', zip: '101', pin: 'kurz', apiKey: 'mit leer' },
    'x',
  );
  assert.equal(bad.input, null);
  assert.match(bad.errors.vatId ?? '', /Prüfziffer/);
  assert.match(bad.errors.zip ?? '', /4 Ziffern/);
  assert.match(bad.errors.pin ?? '', /mindestens 8/);
  assert.match(bad.errors.apiKey ?? '', /Leerzeichen/);
});

test('LIVE is only sent with the explicit confirmation', () => {
  const live = { ...filled, environment: 'LIVE' as const };
  assert.equal(checkForm(live, 'Bitte LIVE bestätigen').errors.liveConfirmed, 'Bitte LIVE bestätigen');
  assert.deepEqual(checkForm({ ...live, liveConfirmed: true }, 'x').errors, {});
});

test('main’s error fields map onto the form', () => {
  assert.equal(fieldOfPath('company.vatId'), 'vatId');
  assert.equal(fieldOfPath('access'), 'apiSecret');
  assert.equal(fieldOfPath('environment'), 'environment');
  assert.equal(fieldOfPath('unbekannt'), null);
});

const view: OnboardingView = {
  ...NOT_STARTED_ONBOARDING,
  phase: 'failed',
  target: 'fiskaly',
  environment: 'LIVE',
  steps: ['credentials', 'fon_auth', 'scu_create'],
  doneSteps: ['credentials'],
  currentStep: 'fon_auth',
  error: { step: 'fon_auth', code: 'E_FON', message: 'abgelehnt', requestId: 'r-1', retryable: false },
  company: {
    name: 'Bäckerei Muster',
    address: 'Hauptstraße 1',
    zip: '1010',
    town: 'Wien',
    vatId: 'ATU13585627',
  },
  registerDescription: 'Kasse 1',
  fon: { participantId: 'T123', userId: 'KASSA01' },
  canReset: true,
};

test('correcting a failed attempt starts from its data, without any secret', () => {
  const form = formFromView(view);
  assert.equal(form.environment, 'LIVE');
  assert.equal(form.userId, 'KASSA01');
  assert.equal(form.pin, '');
  assert.equal(form.apiSecret, '');
  assert.equal(form.liveConfirmed, false, 'LIVE is confirmed again');
});

test('step states: done, the failed one, and what is still to come', () => {
  assert.deepEqual(
    stepStates(view).map((s) => s.state),
    ['done', 'failed', 'waiting'],
  );
  assert.deepEqual(
    stepStates({ ...view, phase: 'running', error: null }).map((s) => s.state),
    ['done', 'running', 'waiting'],
  );
});

test('a start SIGN AT did not answer can be continued; refused data cannot', () => {
  assert.equal(startCanBeRetried(new PosError('unavailable', 'SIGN AT nicht erreichbar')), true);
  assert.equal(startCanBeRetried(new PosError('rejected_by_sign_at', 'Zugang abgelehnt', 'access')), false);
  assert.equal(startCanBeRetried(new PosError('invalid_input', 'UID-Nummer: …', 'vatId')), false);
  assert.equal(startCanBeRetried(new Error('kaputt')), false);
});
