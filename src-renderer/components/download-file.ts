// Hands a file to the browser's (or Electron's) download, without leaving the page.
export function downloadFile(fileName: string, file: Blob): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is not needed any longer.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
