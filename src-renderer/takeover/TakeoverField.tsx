// One labelled text field of the takeover form: label above, the value kept by the form.
import type { InputHTMLAttributes } from 'react';

export function TakeoverField({
  id,
  label,
  value,
  onValue,
  testId,
  ...input
}: {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  testId?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <div className="onb-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        data-testid={testId}
        {...input}
      />
    </div>
  );
}
