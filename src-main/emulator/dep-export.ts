import type { EmulatorContext } from './emulator-context.ts';
import type { ReceiptRow } from './stored-records.ts';

type DepGroup = {
  Signaturzertifikat: string;
  Zertifizierungsstellen: string[];
  'Belege-kompakt': string[];
};

type DepExport = { 'Belege-Gruppe': DepGroup[] };

/**
 * The RKSV DEP7 export: receipts in signing order, one group per signing certificate (a new group
 * starts where the SCU changes). Self-signed, so there are no certification authorities to list.
 */
export function depExport(ctx: EmulatorContext, rows: readonly ReceiptRow[]): DepExport {
  const groups: DepGroup[] = [];
  let currentScuId: string | undefined;
  for (const row of rows) {
    const scuId = row.view.signature_creation_unit_id;
    if (scuId !== currentScuId || groups.length === 0) {
      const scu = ctx.store.getScu(scuId);
      if (scu === undefined) throw new Error(`receipt ${row.view._id} names an unknown SCU`);
      groups.push({
        Signaturzertifikat: scu.certificate_base64,
        Zertifizierungsstellen: [],
        'Belege-kompakt': [],
      });
      currentScuId = scuId;
    }
    groups.at(-1)?.['Belege-kompakt'].push(row.jws);
  }
  return { 'Belege-Gruppe': groups };
}
