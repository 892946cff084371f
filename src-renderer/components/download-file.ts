// Hands a file to the browser's (or Electron's) download, without leaving the page.
import { base64Blob } from './file-base64.ts';

export function downloadFile(fileName: string, file: Blob): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is not needed any longer.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file main made (PDF, CSV; base64 in the contract's answer) handed to the download. */
export function downloadExportedFile(file: { fileName: string; mimeType: string; base64: string }): void {
  downloadFile(file.fileName, base64Blob(file.base64, file.mimeType));
}
