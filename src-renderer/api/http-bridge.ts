// The browser side of the headless shell's bridge; the protocol is written down in
// src-shared/bridge-protocol.ts and shared with src-main/headless.
import {
  bridgeAuthHeaderValue,
  bridgeEventsPath,
  bridgeOperationPath,
  BRIDGE_AUTH_HEADER,
  parsePosEvent,
} from '../../src-shared/bridge-protocol.ts';
import type { OperationName, PosEvent } from '../../src-shared/pos-api-contract.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import { parseOutcome, unreachable } from './outcome-schema.ts';
import type { EventChannelState, PosTransport } from './transport.ts';

export function createHttpBridge(token: string): PosTransport {
  async function invoke(name: OperationName, input: unknown): Promise<Outcome<unknown>> {
    let response: Response;
    try {
      response = await fetch(bridgeOperationPath(name), {
        method: 'POST',
        headers: {
          [BRIDGE_AUTH_HEADER]: bridgeAuthHeaderValue(token),
          'Content-Type': 'application/json',
        },
        // No-input operations send an empty body; the contract treats it as "no input".
        body: input === undefined ? '' : JSON.stringify(input),
      });
    } catch (error) {
      return unreachable(error instanceof Error ? error.message : String(error));
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return unreachable(`HTTP ${response.status}`);
    }
    // The bridge answers every request, including 4xx/5xx, with an Outcome, so the status code adds nothing.
    return parseOutcome(body);
  }

  function subscribe(
    listener: (event: PosEvent) => void,
    onConnection?: (state: EventChannelState) => void,
  ): () => void {
    // EventSource reconnects by itself after a drop; main resends the current status on each connect.
    const source = new EventSource(bridgeEventsPath(token));
    source.onopen = () => onConnection?.('open');
    // A refused request (401 after a restart of the service) closes the source for good.
    source.onerror = () => onConnection?.(source.readyState === EventSource.CLOSED ? 'closed' : 'retrying');
    source.onmessage = (message: MessageEvent<string>) => {
      let raw: unknown;
      try {
        raw = JSON.parse(message.data);
      } catch {
        return;
      }
      const event = parsePosEvent(raw);
      if (event) listener(event);
    };
    return () => source.close();
  }

  return { kind: 'http', invoke, subscribe };
}
