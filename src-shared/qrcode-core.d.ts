// The one part of the qrcode package the receipt uses: its pure encoder. The package's own types
// (@types/qrcode) describe its Node renderers too and pull Node's globals into the browser build, where
// src-shared must not see them.
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(
    text: string,
    options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' },
  ): { modules: { size: number; data: Uint8Array } };
}
