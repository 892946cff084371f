// The physical floor of a sale: one `fetch` PUT of the same SIGN AT body to the same emulator, with
// nothing of the app around it (and the same through node:http, the app's own transport for it). The body is what the app's pipeline would send for the sale
// (signAtBody over calculateSale), so both sides ask the emulator for the same work.
import { randomUUID } from 'node:crypto';
import { SaleDraft, type SaleDraftInput } from '../src-shared/sale-draft.ts';
import { calculateSale } from '../src-main/signing/sale-calculation.ts';
import { signAtBody } from '../src-main/signing/sign-at-body.ts';
import { nodeHttpSend } from '../src-main/fiskaly/direct-request.ts';
import { BARE_CREDENTIALS, type RemotePeers } from './remote-peers.ts';

interface BarePut {
  /** Signs one receipt through fetch (the baseline); resolves once the whole answer is read. */
  put(): Promise<void>;
  /** The same through node:http, the transport the app's own sale PUT uses (direct-request.ts). */
  putViaNodeHttp(): Promise<void>;
}

export async function barePut(
  peers: RemotePeers,
  registerId: string,
  draft: SaleDraftInput,
): Promise<BarePut> {
  const auth = await fetch(`${peers.baseUrl}/auth`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_key: BARE_CREDENTIALS.apiKey, api_secret: BARE_CREDENTIALS.apiSecret }),
  });
  if (!auth.ok) throw new Error(`emulator auth failed: ${auth.status}`);
  const { access_token: token } = (await auth.json()) as { access_token: string };
  const parsed = SaleDraft.parse(draft);
  const body = JSON.stringify(
    signAtBody('NORMAL', calculateSale(parsed.lines, parsed.payments), 'standard_v1'),
  );
  const url = () => `${peers.baseUrl}/cash-register/${registerId}/receipt/${randomUUID()}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const send = nodeHttpSend();
  return {
    async putViaNodeHttp() {
      const answer = await send(url(), {
        method: 'PUT',
        headers,
        body,
        signal: AbortSignal.timeout(10_000),
      });
      const signed = (JSON.parse(answer.body) as { signed?: boolean }).signed;
      if (answer.status !== 200 || signed !== true) throw new Error(`bare PUT failed: ${answer.status}`);
    },
    async put() {
      const response = await fetch(url(), { method: 'PUT', headers, body });
      const answer = (await response.json()) as { signed?: boolean };
      if (!response.ok || answer.signed !== true) throw new Error(`bare PUT failed: ${response.status}`);
    },
  };
}
