// contextBridge is synchronous (electronjs.org/docs/latest/api/context-bridge: "a safe, bi-directional,
// synchronous bridge across isolated contexts"): a bridged function returns its value, or a promise
// of it, right away. The stand-in's preload runs in an isolated world of the page, as in Electron, and
// the two worlds share only the DOM; an event dispatched on `document` runs the other world's listener
// before dispatchEvent returns, so a request and its reply are one synchronous round trip. Details are
// JSON strings: only primitives cross between worlds unchanged.
//
// Both worlds get this function's source text, so it stays self-contained.

interface WorldReply {
  id: number;
  error?: string;
  [field: string]: unknown;
}

export interface WorldLink {
  /** Asks the other world; null when nobody there answers (it has not started yet). */
  request(type: string, payload: Record<string, unknown>): WorldReply | null;
  /** Answers the other world's requests of `type`; a thrown error travels back as `error`. */
  answer(type: string, handler: (payload: Record<string, unknown>) => Record<string, unknown>): void;
}

interface LinkDocument {
  addEventListener(type: string, listener: (event: { detail: string }) => void): void;
  dispatchEvent(event: unknown): boolean;
}
type CustomEventConstructor = new (type: string, init: { detail: string }) => unknown;

export function createWorldLink(prefix: string, side: 'main' | 'isolated'): WorldLink {
  const scope = globalThis as unknown as { document: LinkDocument; CustomEvent: CustomEventConstructor };
  const other = side === 'main' ? 'isolated' : 'main';
  const replies = new Map<number, WorldReply>();
  let next = 0;
  const fire = (type: string, detail: unknown) =>
    scope.document.dispatchEvent(new scope.CustomEvent(type, { detail: JSON.stringify(detail) }));
  scope.document.addEventListener(`${prefix}reply-to-${side}`, (event) => {
    const reply = JSON.parse(event.detail) as WorldReply;
    replies.set(reply.id, reply);
  });
  return {
    request(type, payload) {
      const id = next++;
      fire(`${prefix}${other}:${type}`, { ...payload, id });
      const reply = replies.get(id) ?? null;
      replies.delete(id);
      return reply;
    },
    answer(type, handler) {
      scope.document.addEventListener(`${prefix}${side}:${type}`, (event) => {
        const request = JSON.parse(event.detail) as Record<string, unknown> & { id: number };
        let reply: WorldReply;
        try {
          reply = { ...handler(request), id: request.id };
        } catch (error) {
          reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
        }
        fire(`${prefix}reply-to-${other}`, reply);
      });
    },
  };
}
