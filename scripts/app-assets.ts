// `npm run assets`: the app icon and the installer's pictures, all drawn from the one source
// assets/icon.svg, written beside it and committed (electron-builder.yml names them; packaging needs no
// renderer of its own then). PNGs for Linux (assets/icons/<size>x<size>.png, the names electron-builder
// wants), ICO for Windows, ICNS for macOS, BMPs for the NSIS installer (which takes no other format).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';
import { encodeBmp24 } from './bmp-image.ts';

export const ASSETS_DIR = fileURLToPath(new URL('../assets/', import.meta.url));
export const ICON_SOURCE = join(ASSETS_DIR, 'icon.svg');
export const PNG_SIZES = [512, 256] as const;
/** NSIS: "164 × 314 pixels" and "150 × 57 pixels" (www.electron.build/nsis). */
export const INSTALLER_PICTURES = {
  'installerSidebar.bmp': { width: 164, height: 314, background: '#0b5cad', icon: 112, x: 26, y: 44 },
  'installerHeader.bmp': { width: 150, height: 57, background: '#ffffff', icon: 45, x: 99, y: 6 },
} as const;

const ICON_VIEWBOX = '0 0 512 512';

/** The icon drawn `size` pixels square, as PNG (no system fonts: the icon has no text). */
function renderIconPng(svg: string, size: number): Buffer {
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  });
  return rendered.render().asPng();
}

/** A picture of `width` × `height` on `background` with the icon placed in it, as one SVG. */
function pictureSvg(
  icon: string,
  picture: (typeof INSTALLER_PICTURES)[keyof typeof INSTALLER_PICTURES],
): string {
  const inner = icon.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${picture.width}" height="${picture.height}">
<rect width="100%" height="100%" fill="${picture.background}"/>
<svg x="${picture.x}" y="${picture.y}" width="${picture.icon}" height="${picture.icon}" viewBox="${ICON_VIEWBOX}">${inner}</svg>
</svg>`;
}

/** Every generated file, by its path under assets/. */
export function generateAssets(svg: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const size of PNG_SIZES) files.set(`icons/${size}x${size}.png`, renderIconPng(svg, size));
  // The ICO and ICNS scale down from 1024 px themselves (Bicubic): one big render is their input.
  const large = renderIconPng(svg, 1024);
  const ico = png2icons.createICO(large, png2icons.BICUBIC, 0, true, true);
  const icns = png2icons.createICNS(large, png2icons.BICUBIC, 0);
  if (!ico || !icns) throw new Error('png2icons konnte ICO/ICNS nicht erzeugen');
  files.set('icon.ico', ico);
  files.set('icon.icns', icns);
  for (const [name, picture] of Object.entries(INSTALLER_PICTURES)) {
    const rendered = new Resvg(pictureSvg(svg, picture), { font: { loadSystemFonts: false } }).render();
    files.set(name, encodeBmp24(rendered.width, rendered.height, rendered.pixels));
  }
  return files;
}

if (import.meta.main) {
  for (const [name, bytes] of generateAssets(readFileSync(ICON_SOURCE, 'utf8'))) {
    const path = join(ASSETS_DIR, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    process.stdout.write(`assets/${name}\n`);
  }
}
