import type { PosEvent } from '../../src-shared/pos-api-contract.ts';
import type { RawInvoke } from '../../src-shared/pos-api-dispatch.ts';

/**
 * open: events flow. retrying: the channel dropped and is being re-established.
 * closed: the host refused it for good (the headless service restarted with a new token).
 */
export type EventChannelState = 'open' | 'retrying' | 'closed';

/** One way of reaching main: Electron's preload (`window.pos`) or the headless shell's HTTP bridge. */
export interface PosTransport {
  readonly kind: 'electron' | 'http';
  readonly invoke: RawInvoke;
  /**
   * Calls `listener` for every validated event from main and `onConnection` whenever the event
   * channel drops or comes back; returns the unsubscribe function.
   */
  subscribe(
    listener: (event: PosEvent) => void,
    onConnection?: (state: EventChannelState) => void,
  ): () => void;
}
