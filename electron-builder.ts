// Packaging for merchants: a Windows installer and Linux AppImage/deb. electron-builder reads this file
// (it loads electron-builder.ts when there is no other config), and the type is electron-builder's own
// public `Configuration`, so the typecheck holds every key and value against it.
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'at.kassen-companion.app',
  productName: 'Kassen-Companion',
  copyright: 'Kassen-Companion',
  directories: { output: 'release', buildResources: 'assets' },
  // Only the built renderer and the Electron bundles: main.cjs has the core and every dependency bundled
  // in, beside it preload.cjs and dep-verify-worker.cjs (the DEP check's worker thread), so no
  // node_modules go into the package.
  files: [
    'package.json',
    'dist/renderer/**/*',
    'dist-electron/**/*',
    '!dist-electron/**/*.map',
    '!node_modules/**/*',
  ],
  asar: true,
  // No native modules: node:sqlite is built into Electron's Node.
  npmRebuild: false,
  // Electron fuses, flipped at package time (Electron's security checklist).
  electronFuses: {
    // The app's binary cannot be turned into a general Node runtime.
    runAsNode: false,
    // NODE_OPTIONS cannot inject code.
    enableNodeOptionsEnvironmentVariable: false,
    // No --inspect debugger on a till.
    enableNodeCliInspectArguments: false,
    // Only the signed app archive is loaded, and it is checked against its hash.
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    // The renderer is served from app://; file:// needs nothing extra.
    grantFileProtocolExtraPrivileges: false,
  },
  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Kassen-Companion',
    synopsis: 'RKSV-konforme Belege mit fiskaly SIGN AT',
  },
  deb: { depends: ['libnss3', 'libgtk-3-0', 'libsecret-1-0'] },
};

export default config;
