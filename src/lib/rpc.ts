// A small typed request/response protocol over postMessage: correlation ids, progress streams,
// cancellation through AbortSignal, explicit buffer transfer, and errors that keep their names.
import { deserializeError, serializeError, FolioError, type SerializedError } from "./errors";

/** Describes one worker's API: each method takes a request, may report progress, and resolves. */
export type RpcMethods = Record<string, { request: unknown; progress: unknown; response: unknown }>;

type Envelope =
  | { kind: "call"; id: number; method: string; request: unknown }
  | { kind: "cancel"; id: number }
  | { kind: "progress"; id: number; progress: unknown }
  | { kind: "result"; id: number; response: unknown }
  | { kind: "error"; id: number; error: SerializedError };

/** The minimal surface of a Worker or a worker's global scope that the protocol needs. */
export interface MessagePortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

export interface CallOptions<P> {
  onProgress?: (progress: P) => void;
  signal?: AbortSignal;
  transfer?: Transferable[];
  /**
   * On abort, ask the handler to stop but let its own answer settle the call (its CancelledError,
   * or the result of work it could no longer undo, such as a committed save) instead of rejecting
   * at once. For calls whose side effects the caller must hear about.
   */
  settleOnCancel?: boolean;
}

export interface RpcClient<M extends RpcMethods> {
  call<K extends keyof M & string>(
    method: K,
    request: M[K]["request"],
    options?: CallOptions<M[K]["progress"]>,
  ): Promise<M[K]["response"]>;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: unknown) => void;
}

export function createRpcClient<M extends RpcMethods>(port: MessagePortLike): RpcClient<M> {
  let nextId = 1;
  const pending = new Map<number, Pending>();

  port.addEventListener("message", (event: MessageEvent) => {
    const message = event.data as Envelope;
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.kind === "progress") entry.onProgress?.(message.progress);
    else if (message.kind === "result") {
      pending.delete(message.id);
      entry.resolve(message.response);
    } else if (message.kind === "error") {
      pending.delete(message.id);
      entry.reject(deserializeError(message.error));
    }
  });

  return {
    call(method, request, options = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (options.signal?.aborted) {
          reject(cancelledError());
          return;
        }
        pending.set(id, { resolve, reject, onProgress: options.onProgress as Pending["onProgress"] });
        options.signal?.addEventListener("abort", () => {
          if (!pending.has(id)) return;
          port.postMessage({ kind: "cancel", id } satisfies Envelope);
          if (options.settleOnCancel) return;
          pending.delete(id);
          reject(cancelledError());
        });
        port.postMessage({ kind: "call", id, method, request } satisfies Envelope, options.transfer ?? []);
      }) as Promise<M[typeof method]["response"]>;
    },
  };
}

/** What a handler receives besides its request. */
export interface HandlerContext<P> {
  progress(progress: P): void;
  signal: AbortSignal;
}

export type RpcHandlers<M extends RpcMethods> = {
  [K in keyof M]: (request: M[K]["request"], context: HandlerContext<M[K]["progress"]>) => Promise<M[K]["response"]>;
};

/** Serves handlers on a port (inside a worker: `serveRpc(self, handlers)`). */
export function serveRpc<M extends RpcMethods>(port: MessagePortLike, handlers: RpcHandlers<M>): void {
  const controllers = new Map<number, AbortController>();

  port.addEventListener("message", (event: MessageEvent) => {
    const message = event.data as Envelope;
    if (message.kind === "cancel") {
      controllers.get(message.id)?.abort();
      return;
    }
    if (message.kind !== "call") return;
    const { id, method, request } = message;
    const controller = new AbortController();
    controllers.set(id, controller);
    const handler = handlers[method as keyof M];
    const run = handler
      ? handler(request as never, {
          progress: (progress) => port.postMessage({ kind: "progress", id, progress } satisfies Envelope),
          signal: controller.signal,
        })
      : Promise.reject(new FolioError("InternalError", `Unknown worker method "${method}".`, "Reload the page."));
    run.then(
      (response) => port.postMessage({ kind: "result", id, response } satisfies Envelope),
      (error: unknown) => port.postMessage({ kind: "error", id, error: serializeError(error) } satisfies Envelope),
    ).finally(() => controllers.delete(id));
  });
}

export function cancelledError(): FolioError {
  return new FolioError("CancelledError", "The operation was cancelled.", "Start it again when you are ready.");
}
