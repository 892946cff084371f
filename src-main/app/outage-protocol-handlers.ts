// The contract's Ausfallprotokoll operations: the protocol itself, printed on the receipt printer, and
// as PDF or CSV. The paper and the PDF share the receipt layout machinery (src-shared). Before setup
// there is no register to name; a register set aside earlier is asked for by its id.
import { outageProtocolCsv } from '../../src-shared/outage-protocol-csv.ts';
import { layoutOutageProtocol } from '../../src-shared/outage-protocol-layout.ts';
import type { OutageProtocol } from '../../src-shared/outage-protocol.ts';
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { ReceiptCompany } from '../../src-shared/receipt-company.ts';
import { outageProtocol } from '../archive/outage-protocol.ts';
import type { AppParts } from './app-parts.ts';

type OutageProtocolHandlers = Pick<
  CoreHandlers,
  'outageProtocol' | 'printOutageProtocol' | 'exportOutageProtocol'
>;

export function outageProtocolHandlers({
  journal,
  printing,
  runtime,
  settings,
}: Pick<AppParts, 'journal' | 'printing' | 'runtime' | 'settings'>): OutageProtocolHandlers {
  function protocol(cashRegisterId: string | undefined): OutageProtocol {
    const active = runtime.active?.register ?? null;
    const own = active === null ? null : { id: active.registerId, kassenId: active.kassenId };
    const register =
      cashRegisterId === undefined || cashRegisterId === own?.id
        ? own
        : { id: cashRegisterId, kassenId: null };
    if (register === null) throw new PosError('register_not_set_up', 'Es ist noch keine Kasse eingerichtet.');
    return outageProtocol(journal, register, Date.now());
  }

  function company(): ReceiptCompany {
    const current = settings.read().company;
    if (current === null)
      throw new PosError('register_not_set_up', 'Die Firmendaten fehlen noch (Einrichtung).');
    return current;
  }

  function fileName(current: OutageProtocol, extension: string): string {
    const kassenId = (current.kassenId ?? current.cashRegisterId).replace(/[^\w-]+/g, '_');
    return `Ausfallprotokoll-${kassenId}-${current.generatedAt.slice(0, 10)}.${extension}`;
  }

  return {
    outageProtocol: async (input) => protocol(input?.cashRegisterId),
    printOutageProtocol: async (input) => {
      const current = protocol(input?.cashRegisterId);
      const header = company();
      const result = await printing.printDocument((paper) => layoutOutageProtocol(current, header, paper));
      return { ...result, status: printing.status() };
    },
    exportOutageProtocol: async ({ format, cashRegisterId }) => {
      const current = protocol(cashRegisterId);
      if (format === 'csv') {
        return {
          fileName: fileName(current, 'csv'),
          mimeType: 'text/csv' as const,
          base64: Buffer.from(outageProtocolCsv(current), 'utf8').toString('base64'),
        };
      }
      const header = company();
      const pdf = await printing.documentPdf((paper) => layoutOutageProtocol(current, header, paper));
      return {
        fileName: fileName(current, 'pdf'),
        mimeType: 'application/pdf' as const,
        base64: Buffer.from(pdf).toString('base64'),
      };
    },
  };
}
