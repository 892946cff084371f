// The closing screen's content: receipts whose QR code disagrees, DEP archive, Monats-/Jahresbelege,
// decommissioning. Mounted by the screen that owns navigation; it talks to main only through the contract.
import { ArchiveSection } from './ArchiveSection.tsx';
import { ClosingsSection } from './ClosingsSection.tsx';
import { CodeMismatchSection } from './CodeMismatchSection.tsx';
import { DecommissionSection } from './DecommissionSection.tsx';
import './closings.css';

export function ClosingsPanel() {
  return (
    <div className="closings-panel" data-testid="closings-panel">
      <CodeMismatchSection />
      <ArchiveSection />
      <ClosingsSection />
      <DecommissionSection />
    </div>
  );
}
