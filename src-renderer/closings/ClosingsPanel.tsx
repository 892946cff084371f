// The closing screen's content (F6, the day's business): receipts whose QR code does not match (when there
// are any), then the Tagesabschluss (daily report, Z, cash drawer) and the tax adviser's export, as the
// everyday part; then DEP archive, backups, the check of any DEP file, Monats-/Jahresbelege, the
// Ausfallprotokoll. Decommissioning is not here but in "Kasse verwalten" (from the settings). Mounted by
// the screen that owns navigation; it talks to main only through the contract.
import { ArchiveSection } from './ArchiveSection.tsx';
import { BackupSection } from './BackupSection.tsx';
import { ClosingsSection } from './ClosingsSection.tsx';
import { CodeMismatchSection } from './CodeMismatchSection.tsx';
import { DayCloseSection } from './DayCloseSection.tsx';
import { DepFileCheckSection } from './DepFileCheckSection.tsx';
import { OutageProtocolSection } from './OutageProtocolSection.tsx';
import { ReceiptsExportSection } from './ReceiptsExportSection.tsx';
import './closings.css';

export function ClosingsPanel() {
  return (
    <div className="closings-panel" data-testid="closings-panel">
      <CodeMismatchSection />
      <DayCloseSection />
      <ReceiptsExportSection />
      <ArchiveSection />
      <BackupSection />
      <DepFileCheckSection />
      <ClosingsSection />
      <OutageProtocolSection />
    </div>
  );
}
