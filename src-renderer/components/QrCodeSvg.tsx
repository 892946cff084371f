import { useMemo } from 'react';
import { create as createQrCode } from 'qrcode';

// Level M and a 4-module quiet zone, as on paper (rksv.md, "QR practice"). SVG keeps every module
// a crisp square at any zoom, so the code scans from the screen as well as from paper.
const QUIET_ZONE = 4;

export function QrCodeSvg({ text, moduleSize = 4 }: { text: string; moduleSize?: number }) {
  const { size, path } = useMemo(() => {
    const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
    const parts: string[] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
      }
    }
    return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
  }, [text]);
  return (
    <svg
      className="qr-code"
      width={size * moduleSize}
      height={size * moduleSize}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label="QR"
      data-testid="receipt-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
