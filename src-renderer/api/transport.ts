import type { PosEvent } from '../../src-shared/pos-api-contract.ts';
import type { RawInvoke } from '../../src-shared/pos-api-dispatch.ts';

/** One way of reaching main: Electron's preload (`window.pos`) or the headless shell's HTTP bridge. */
export interface PosTransport {
  readonly kind: 'electron' | 'http';
  readonly invoke: RawInvoke;
  /** Calls `listener` for every validated event from main; returns the unsubscribe function. */
  subscribe(listener: (event: PosEvent) => void): () => void;
}
