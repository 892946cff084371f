// The data the setup needs, in the order SIGN AT uses it: environment, fiskaly access, business,
// FinanzOnline, register. Plain form controls, so Tab walks through it and Enter starts; a wrong field
// is named next to itself and gets the focus. Nothing is kept here: main seals the secrets.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { OnboardingView } from '../../src-shared/onboarding-view.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import {
  checkForm,
  fieldOfPath,
  startCanBeRetried,
  type FieldErrors,
  type FormField,
  type OnboardingFormValues,
} from './onboarding-form.ts';

const FIELD_ORDER: FormField[] = [
  'environment',
  'liveConfirmed',
  'apiKey',
  'apiSecret',
  'companyName',
  'address',
  'zip',
  'town',
  'vatId',
  'participantId',
  'userId',
  'pin',
  'registerDescription',
];

const fieldId = (field: FormField) => `onb-${field}`;

function Field({
  field,
  label,
  errors,
  hint,
  children,
}: {
  field: FormField;
  label: string;
  errors: FieldErrors;
  hint?: string;
  children: ReactNode;
}) {
  const error = errors[field];
  return (
    <div className={error ? 'onb-field invalid' : 'onb-field'}>
      <label htmlFor={fieldId(field)}>{label}</label>
      {children}
      {hint && <span className="hint">{hint}</span>}
      {error && (
        <span className="onb-error" id={`${fieldId(field)}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function OnboardingForm({
  initial,
  onStarted,
  onCancel,
}: {
  initial: OnboardingFormValues;
  onStarted(view: OnboardingView): void;
  onCancel?: () => void;
}) {
  const t = useMessages().onboarding;
  const { client } = useAppStores();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  // SIGN AT could not be reached: the message says "Fortsetzen", so the button is there to press.
  const [retryable, setRetryable] = useState(false);
  const resumeButton = useRef<HTMLButtonElement>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (retryable && !sending) resumeButton.current?.focus();
  }, [retryable, sending]);

  function set<K extends FormField>(field: K, value: OnboardingFormValues[K]) {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function focusFirst(found: FieldErrors) {
    const first = FIELD_ORDER.find((field) => found[field] !== undefined);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (sending) return;
    const checked = checkForm(form, t.liveNotConfirmed);
    setErrors(checked.errors);
    setProblem(null);
    setRetryable(false);
    if (checked.input === null) {
      focusFirst(checked.errors);
      return;
    }
    setSending(true);
    try {
      onStarted(await client.api.startOnboarding(checked.input));
    } catch (error) {
      const message = error instanceof PosError ? error.message : String(error);
      const field = error instanceof PosError ? fieldOfPath(error.field) : null;
      if (field !== null) {
        setErrors({ [field]: message });
        focusFirst({ [field]: message });
      } else {
        setProblem(message);
        setRetryable(startCanBeRetried(error));
      }
    } finally {
      setSending(false);
    }
  }

  const input = (field: Exclude<FormField, 'environment' | 'accessKind' | 'liveConfirmed'>, extra = {}) => ({
    id: fieldId(field),
    value: form[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
    'aria-invalid': errors[field] !== undefined,
    'aria-describedby': errors[field] !== undefined ? `${fieldId(field)}-error` : undefined,
    disabled: sending,
    ...extra,
  });
  const managed = form.accessKind === 'management';

  return (
    <form className="onb-form" onSubmit={(e) => void submit(e)} noValidate data-testid="onboarding-form">
      <fieldset>
        <legend>{t.environment}</legend>
        <div className="onb-choices" id={fieldId('environment')} tabIndex={-1}>
          {(['TEST', 'LIVE'] as const).map((environment) => (
            <label key={environment} className={`onb-choice env-choice-${environment.toLowerCase()}`}>
              <input
                type="radio"
                name="onb-environment"
                value={environment}
                checked={form.environment === environment}
                onChange={() => set('environment', environment)}
                autoFocus={environment === form.environment}
                disabled={sending}
                data-testid={`onboarding-env-${environment}`}
              />
              {t.environments[environment]}
            </label>
          ))}
        </div>
        {errors.environment && (
          <span className="onb-error" role="alert">
            {errors.environment}
          </span>
        )}
        {form.environment === 'LIVE' && (
          <label className="onb-choice onb-live-confirm">
            <input
              id={fieldId('liveConfirmed')}
              type="checkbox"
              checked={form.liveConfirmed}
              onChange={(e) => set('liveConfirmed', e.target.checked)}
              disabled={sending}
            />
            {t.liveConfirm}
          </label>
        )}
        {errors.liveConfirmed && (
          <span className="onb-error" role="alert">
            {errors.liveConfirmed}
          </span>
        )}
      </fieldset>

      <fieldset>
        <legend>{t.access}</legend>
        <div className="onb-choices">
          {(['api_key', 'management'] as const).map((kind) => (
            <label key={kind} className="onb-choice">
              <input
                type="radio"
                name="onb-access"
                value={kind}
                checked={form.accessKind === kind}
                onChange={() => set('accessKind', kind)}
                disabled={sending}
              />
              {t.accessKinds[kind]}
            </label>
          ))}
        </div>
        {managed && <p className="hint">{t.managementHint}</p>}
        <Field field="apiKey" label={managed ? t.managementKey : t.apiKey} errors={errors}>
          <input {...input('apiKey', { autoComplete: 'off', spellCheck: false })} />
        </Field>
        <Field field="apiSecret" label={managed ? t.managementSecret : t.apiSecret} errors={errors}>
          <input {...input('apiSecret', { type: 'password', autoComplete: 'new-password' })} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t.company}</legend>
        <Field field="companyName" label={t.companyName} errors={errors}>
          <input {...input('companyName', { maxLength: 100 })} />
        </Field>
        <Field field="address" label={t.address} errors={errors}>
          <input {...input('address', { maxLength: 100 })} />
        </Field>
        <div className="onb-row">
          <Field field="zip" label={t.zip} errors={errors}>
            <input {...input('zip', { inputMode: 'numeric', maxLength: 4, className: 'onb-zip' })} />
          </Field>
          <Field field="town" label={t.town} errors={errors}>
            <input {...input('town', { maxLength: 60 })} />
          </Field>
        </div>
        <Field field="vatId" label={t.vatId} errors={errors} hint={t.vatIdHint}>
          <input {...input('vatId', { placeholder: 'ATU12345675', spellCheck: false })} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t.fon}</legend>
        <p className="hint">{t.fonHint}</p>
        <div className="onb-row">
          <Field field="participantId" label={t.participantId} errors={errors}>
            <input {...input('participantId', { maxLength: 12, spellCheck: false })} />
          </Field>
          <Field field="userId" label={t.userId} errors={errors}>
            <input {...input('userId', { maxLength: 12, spellCheck: false })} />
          </Field>
        </div>
        <Field field="pin" label={t.pin} errors={errors}>
          <input {...input('pin', { type: 'password', autoComplete: 'new-password' })} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t.register}</legend>
        <Field field="registerDescription" label={t.registerDescription} errors={errors}>
          <input {...input('registerDescription', { maxLength: 100 })} />
        </Field>
      </fieldset>

      <p className="hint">{t.secretsNote}</p>
      {problem && (
        <div className="notice bad" role="alert" data-testid="onboarding-problem">
          <p>{problem}</p>
          {retryable && (
            <>
              <p className="hint">{t.retryableHint}</p>
              <button
                ref={resumeButton}
                type="button"
                className="primary"
                disabled={sending}
                onClick={() => void submit()}
                data-testid="onboarding-start-resume"
              >
                {t.resume}
              </button>
            </>
          )}
        </div>
      )}
      <div className="onb-actions">
        <button type="submit" className="primary" disabled={sending} data-testid="onboarding-start">
          {sending ? t.starting : t.start}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={sending}>
            {t.backToProgress}
          </button>
        )}
      </div>
    </form>
  );
}
