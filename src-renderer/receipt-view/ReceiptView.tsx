// The receipt on screen, drawn from the same ReceiptDocument the printer gets: the same lines in the
// same cells (monospace, one `ch` per printer column), the same large and tall type, the QR code with
// the module size the printer uses. Nothing is laid out here; preview equals paper by construction.
import { useMemo, type CSSProperties } from 'react';
import { bitmapShrink, bitmapSvgPath, type MonochromeBitmap } from '../../src-shared/monochrome-bitmap.ts';
import { QR_QUIET_ZONE, qrMatrix, qrSvgPath } from '../../src-shared/qr-matrix.ts';
import type { ReceiptBlock, ReceiptDocument } from '../../src-shared/receipt-document.ts';
import { defaultPaper, qrSideDots, type PaperGeometry } from '../../src-shared/receipt-geometry.ts';
import './ReceiptView.css';

/** A QR module is never drawn smaller than this many CSS pixels, so a screenshot still scans. */
const MIN_MODULE_PX = 4;

interface ReceiptViewProps {
  document: ReceiptDocument;
  /** The printer's paper; 58 mm for 32 columns and 80 mm otherwise when absent. */
  paper?: PaperGeometry;
}

function QrBlock({ data, cellsPerDot, paper }: { data: string; cellsPerDot: number; paper: PaperGeometry }) {
  const { side, path, widthCells } = useMemo(() => {
    const matrix = qrMatrix(data);
    return {
      side: matrix.size + 2 * QR_QUIET_ZONE,
      path: qrSvgPath(matrix),
      widthCells: qrSideDots(data, paper).dots * cellsPerDot,
    };
  }, [data, paper, cellsPerDot]);
  const size = `max(${widthCells.toFixed(2)}ch, ${side * MIN_MODULE_PX}px)`;
  return (
    <div className="receipt-view__picture receipt-view__qr">
      <svg
        viewBox={`0 0 ${side} ${side}`}
        style={{ width: size, height: size }}
        shapeRendering="crispEdges"
        role="img"
        aria-label="QR-Code"
        data-testid="receipt-view-qr"
        data-qr={data}
      >
        <rect width={side} height={side} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
    </div>
  );
}

function ImageBlock({
  bitmap,
  cellsPerDot,
  paper,
}: {
  bitmap: MonochromeBitmap;
  cellsPerDot: number;
  paper: PaperGeometry;
}) {
  const path = useMemo(() => bitmapSvgPath(bitmap), [bitmap]);
  const shrink = bitmapShrink(bitmap, paper.printableDots);
  const style: CSSProperties = {
    width: `${((bitmap.width / shrink) * cellsPerDot).toFixed(2)}ch`,
    height: `${((bitmap.height / shrink) * cellsPerDot).toFixed(2)}ch`,
  };
  return (
    <div className="receipt-view__picture">
      <svg
        viewBox={`0 0 ${bitmap.width} ${bitmap.height}`}
        style={style}
        shapeRendering="crispEdges"
        role="img"
        aria-label="Logo"
      >
        <path d={path} fill="#000" />
      </svg>
    </div>
  );
}

function Lines({
  lines,
  bold,
  size,
}: {
  lines: readonly string[];
  bold: boolean;
  size: 'normal' | 'tall' | 'large';
}) {
  const className = [
    'receipt-view__line',
    bold ? 'receipt-view__line--bold' : '',
    size === 'normal' ? '' : `receipt-view__line--${size}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      {lines.map((line, i) => (
        <div key={i} className={className}>
          <span>{line}</span>
        </div>
      ))}
    </>
  );
}

function Block({
  block,
  document,
  paper,
}: {
  block: ReceiptBlock;
  document: ReceiptDocument;
  paper: PaperGeometry;
}) {
  const cellsPerDot = document.columns / paper.printableDots;
  switch (block.kind) {
    case 'text':
    case 'row':
      return <Lines lines={block.lines} bold={block.bold} size={block.size} />;
    case 'separator':
      return <Lines lines={[block.char.repeat(document.columns)]} bold={false} size="normal" />;
    case 'feed':
      return <Lines lines={Array.from({ length: block.lines }, () => '')} bold={false} size="normal" />;
    case 'qr':
      return <QrBlock data={block.data} cellsPerDot={cellsPerDot} paper={paper} />;
    case 'image':
      return <ImageBlock bitmap={block.bitmap} cellsPerDot={cellsPerDot} paper={paper} />;
    case 'cut':
      return <div className="receipt-view__cut" aria-hidden="true" />;
  }
}

export function ReceiptView({ document, paper }: ReceiptViewProps) {
  const geometry = paper ?? defaultPaper(document.columns);
  const style = { '--receipt-columns': document.columns } as CSSProperties;
  return (
    <article className="receipt-view" style={style} aria-label={document.title} data-testid="receipt-view">
      {document.blocks.map((block, i) => (
        <Block key={i} block={block} document={document} paper={geometry} />
      ))}
    </article>
  );
}
