// A tiny-model runtime on the current thread behind the same RPC as the worker: for Node (tests,
// scripts, benches) where there is no Web Worker. Messages are structured-cloned and delivered on
// a later task, as postMessage would, so the protocol is exercised exactly.
import { serveRpc, type MessagePortLike } from "../../lib/rpc";
import type { TinyMethods } from "./tiny-protocol";
import { TinyRuntime, tinyRuntimeHandlers } from "./tiny-runtime";
import type { TinyPort } from "./tiny-engine";

type Listener = (event: MessageEvent) => void;

function endpoint(): { port: MessagePortLike; deliver: (data: unknown) => void; peer: { target: ((data: unknown) => void) | null } } {
  const listeners: Listener[] = [];
  const peer: { target: ((data: unknown) => void) | null } = { target: null };
  const port: MessagePortLike = {
    postMessage(message, transfer = []) {
      const copy = structuredClone(message, { transfer });
      setTimeout(() => peer.target?.(copy), 0);
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
  };
  const deliver = (data: unknown): void => {
    for (const listener of listeners) listener({ data } as MessageEvent);
  };
  return { port, deliver, peer };
}

/** A port to a fresh in-process runtime; terminate() unloads it and drops later messages. */
export function createInProcessTinyPort(): TinyPort {
  const page = endpoint();
  const worker = endpoint();
  page.peer.target = worker.deliver;
  worker.peer.target = page.deliver;
  const runtime = new TinyRuntime();
  serveRpc<TinyMethods>(worker.port, tinyRuntimeHandlers(runtime));
  return {
    ...page.port,
    terminate() {
      page.peer.target = null;
      worker.peer.target = null;
      runtime.unload();
    },
  };
}
