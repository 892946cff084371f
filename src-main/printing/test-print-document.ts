// The page the merchant prints from the settings screen to see that the printer works: umlauts and
// € in the chosen code page, the line width, both QR modes (native and raster, so the merchant can
// keep whichever one their phone scans), and the cut.
import type { PrinterProfile } from '../../src-shared/printer-profile.ts';
import type { ReceiptBlock, ReceiptDocument } from '../../src-shared/receipt-document.ts';
import { alignLine, composeRow, wrapText } from '../../src-shared/text-columns.ts';

const TEST_PRINT_UMLAUTS = 'ÄÖÜäöüß';
export const TEST_QR_NATIVE = 'Kassen-Companion Testdruck: QR nativ';
export const TEST_QR_RASTER = 'Kassen-Companion Testdruck: QR Rasterbild';

export function testPrintDocument(
  profile: PrinterProfile,
  target: string,
  printedAt: string,
): ReceiptDocument {
  const columns = profile.columns;
  const centered = (text: string, size: 'normal' | 'large' = 'normal', bold = false): ReceiptBlock => {
    const cells = size === 'large' ? columns / 2 : columns;
    return {
      kind: 'text',
      lines: wrapText(text, cells).map((line) => alignLine(line, cells, 'center')),
      align: 'center',
      bold,
      size,
    };
  };
  const row = (left: string, right: string): ReceiptBlock => ({
    kind: 'row',
    left,
    right,
    lines: composeRow(left, right, columns),
    bold: false,
    size: 'normal',
  });
  const ruler = '1234567890'.repeat(5).slice(0, columns);
  return {
    columns,
    title: 'Testdruck',
    blocks: [
      centered('TESTDRUCK', 'large', true),
      centered('Kassen-Companion'),
      { kind: 'separator', char: '-' },
      row('Profil', profile.label),
      row('Drucker', target),
      row('Zeichensatz', `${profile.codePage.toUpperCase()} (Nr. ${profile.codePageNumber})`),
      row('Gedruckt', printedAt),
      { kind: 'separator', char: '-' },
      {
        kind: 'text',
        lines: [`Umlaute: ${TEST_PRINT_UMLAUTS}`, 'Euro: € 1.234,56', ruler],
        align: 'left',
        bold: false,
        size: 'normal',
      },
      row('Links', 'Rechts'),
      { kind: 'separator', char: '=' },
      centered('QR-Code nativ (GS ( k)', 'normal', true),
      { kind: 'qr', data: TEST_QR_NATIVE, mode: 'native' },
      centered('QR-Code als Rasterbild (GS v 0)', 'normal', true),
      { kind: 'qr', data: TEST_QR_RASTER, mode: 'raster' },
      centered(
        'Lässt sich nur einer der beiden Codes scannen, wählen Sie diesen QR-Modus in den Einstellungen.',
      ),
      { kind: 'cut' },
    ],
  };
}
