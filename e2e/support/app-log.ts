// What either shell logs once at start that the specs read, because nothing else shows it outside the
// app: the demo's SIGN AT emulator ("Demo: SIGN AT-Emulator läuft {"baseUrl":…}") and, in the desktop
// app, the POS API ("POS-API gestartet {"origin":…}"), both on random loopback ports.

const EMULATOR_URL_PATTERN = /"baseUrl":"(http:\/\/127\.0\.0\.1:\d+)\/api\/v1"/;
const POS_API_ORIGIN_PATTERN = /POS-API gestartet \{"origin":"(http:\/\/127\.0\.0\.1:\d+)"\}/;

function logged(pattern: RegExp, output: string, what: string): string {
  const found = pattern.exec(output)?.[1];
  if (!found) throw new Error(`the app did not log ${what}\n--- its output ---\n${output}`);
  return found;
}

function emulatorOrigin(output: string): string {
  return logged(EMULATOR_URL_PATTERN, output, "the demo emulator's baseUrl");
}

export function posApiOrigin(output: string): string {
  return logged(POS_API_ORIGIN_PATTERN, output, 'where the POS API listens');
}

/** What `POST /_emulator/faults` takes, e.g. `{ latency_ms: 3000 }` or `{ tamper_response: 'amount' }`. */
export type EmulatorFaultPatch = Record<string, boolean | number | string | null>;

/** Switches the demo emulator's fault injection (`POST /_emulator/faults`). */
export async function setEmulatorFaults(output: string, patch: EmulatorFaultPatch): Promise<void> {
  const response = await fetch(new URL('/_emulator/faults', emulatorOrigin(output)), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(patch),
  });
  if (!response.ok) throw new Error(`emulator faults: HTTP ${response.status} ${await response.text()}`);
}

async function emulatorGet(output: string, path: string, what: string): Promise<unknown> {
  const response = await fetch(new URL(`/_emulator${path}`, emulatorOrigin(output)));
  if (!response.ok) throw new Error(`emulator ${what}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** The demo emulator's crypto material container of a register (AES key, certificate): what an auditor gets. */
export function emulatorCryptoMaterial(output: string, registerId: string): Promise<unknown> {
  return emulatorGet(
    output,
    `/cash-register/${encodeURIComponent(registerId)}/crypto-material`,
    'crypto material',
  );
}

/** The body form a receipt reached the demo emulator in: `standard_v1`, or `raw` (negative buckets). */
export async function emulatorReceiptForm(
  output: string,
  registerId: string,
  receiptId: string,
): Promise<string> {
  const path = `/cash-register/${encodeURIComponent(registerId)}/receipt/${encodeURIComponent(receiptId)}/form`;
  const body = (await emulatorGet(output, path, 'receipt form')) as { form?: unknown };
  return String(body.form);
}
