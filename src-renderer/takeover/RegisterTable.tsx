// The organization's cash registers to pick from: Kassen-ID, description, state with the reason one
// cannot be taken over, and SIGN AT's newest receipt of each. Only an INITIALIZED one can be chosen.
import type { TakeoverRegister } from '../../src-shared/takeover.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { useMessages } from '../i18n/use-messages.ts';

export function RegisterTable({
  registers,
  chosen,
  onChoose,
}: {
  registers: readonly TakeoverRegister[];
  chosen: string;
  onChoose(id: string): void;
}) {
  const t = useMessages().takeover;
  if (registers.length === 0) return <p>{t.noRegisters}</p>;
  return (
    <table className="takeover-registers">
      <thead>
        <tr>
          <th />
          <th>{t.kassenId}</th>
          <th>{t.description}</th>
          <th>{t.state}</th>
          <th>{t.lastReceipt}</th>
        </tr>
      </thead>
      <tbody>
        {registers.map((register) => (
          <tr key={register.id} data-testid="takeover-register" data-eligible={register.eligible}>
            <td>
              <input
                type="radio"
                name="takeover-register"
                aria-label={register.kassenId}
                disabled={!register.eligible}
                checked={chosen === register.id}
                onChange={() => onChoose(register.id)}
              />
            </td>
            <td>{register.kassenId}</td>
            <td>{register.description}</td>
            <td>
              {register.state}
              {register.reason && <span className="hint"> ({register.reason})</span>}
            </td>
            <td>
              {register.lastReceipt?.number
                ? t.receiptAt(
                    register.lastReceipt.number,
                    register.lastReceipt.at ? formatViennaDateTime(register.lastReceipt.at) : '—',
                  )
                : t.noReceipt}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
