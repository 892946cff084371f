// Files cross the contract as base64 (JSON carries no bytes): a file the merchant picked goes to main as
// its bytes as they are, because main decides how they are encoded (Excel writes UTF-8, Windows-1252 or
// UTF-16); a file main made (PDF, CSV) comes back to be saved.
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** A file main sent as base64, as a Blob for the download. */
export function base64Blob(base64: string, mimeType: string): Blob {
  return new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: mimeType });
}
