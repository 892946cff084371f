// The packaged app's pictures: electron-builder.yml names only files that exist, each is what its name
// says (a PNG of that size, an ICO with the sizes Windows shows, an ICNS, the BMPs NSIS takes), and
// they are what `npm run assets` draws from assets/icon.svg now (an edited icon needs the script run).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Configuration } from 'electron-builder';
import { PNG } from 'pngjs';
import { parse } from 'yaml';
import { ASSETS_DIR, generateAssets, ICON_SOURCE, INSTALLER_PICTURES, PNG_SIZES } from './app-assets.ts';
import { readBmpHeader } from './bmp-image.ts';

const ROOT = join(import.meta.dirname, '..');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;

/** The ICO's directory: width of each image (0 stands for 256). */
function icoSizes(ico: Buffer): number[] {
  assert.equal(ico.readUInt16LE(0), 0, 'ICO reserved field');
  assert.equal(ico.readUInt16LE(2), 1, 'ICO type 1 (icon)');
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
}

/** The ICNS's entries by type (apple "icns" container: big-endian lengths). */
function icnsTypes(icns: Buffer): string[] {
  assert.equal(icns.toString('ascii', 0, 4), 'icns');
  assert.equal(icns.readUInt32BE(4), icns.length, 'ICNS length field');
  const types: string[] = [];
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
    types.push(icns.toString('ascii', at, at + 4));
  return types;
}

test('electron-builder.yml names the icon and installer pictures, and each file exists', () => {
  const named = [
    config.win?.icon,
    config.linux?.icon,
    config.mac?.icon,
    config.nsis?.installerIcon,
    config.nsis?.uninstallerIcon,
    config.nsis?.installerHeaderIcon,
    config.nsis?.installerSidebar,
    config.nsis?.uninstallerSidebar,
    config.nsis?.installerHeader,
  ];
  for (const path of named) {
    assert.equal(typeof path, 'string', 'every picture is named');
    assert.ok(existsSync(join(ROOT, path as string)), `${path} exists`);
  }
  assert.equal(config.directories?.buildResources, 'assets');
});

test('the PNGs are the sizes their names say; the ICO holds 16 to 256 px, the ICNS up to 512 px', () => {
  for (const size of PNG_SIZES) {
    const png = PNG.sync.read(readFileSync(join(ASSETS_DIR, 'icons', `${size}x${size}.png`)));
    assert.deepEqual([png.width, png.height], [size, size]);
  }
  const sizes = icoSizes(readFileSync(join(ASSETS_DIR, 'icon.ico')));
  for (const size of [16, 32, 48, 256]) assert.ok(sizes.includes(size), `ICO has ${size} px`);
  const types = icnsTypes(readFileSync(join(ASSETS_DIR, 'icon.icns')));
  for (const type of ['ic08', 'ic09']) assert.ok(types.includes(type), `ICNS has ${type} (256 and 512 px)`);
});

test('the installer pictures are 24-bit BMPs of the sizes NSIS shows', () => {
  for (const [name, picture] of Object.entries(INSTALLER_PICTURES)) {
    assert.deepEqual(readBmpHeader(readFileSync(join(ASSETS_DIR, name))), {
      width: picture.width,
      height: picture.height,
      bitsPerPixel: 24,
    });
  }
});

test('the committed files are what npm run assets draws from icon.svg now', () => {
  for (const [name, bytes] of generateAssets(readFileSync(ICON_SOURCE, 'utf8'))) {
    assert.ok(
      bytes.equals(readFileSync(join(ASSETS_DIR, name))),
      `assets/${name} is current (npm run assets)`,
    );
  }
});
