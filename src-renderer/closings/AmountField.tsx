// An amount typed as the cashier types it at the till ("50,00"); the form reads it with parseAmountInput.
export function AmountField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <label>
      {props.label}
      <input
        value={props.value}
        inputMode="decimal"
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}
