// Starts the training worker: answers messages at once, but checks whether jax-js may use blob:
// worker threads (wasm-threads.ts) before jax-js itself is loaded, then hands every call to the handlers.
import type { MessagePortLike, RpcHandlers } from "../../lib/rpc";
import { serveRpc } from "../../lib/rpc";
import type { TrainMethods } from "./train-protocol";
import { prepareWasmThreads } from "./wasm-threads";

export function bootTrainWorker(port: MessagePortLike): void {
  const ready: Promise<RpcHandlers<TrainMethods>> = prepareWasmThreads().then(async (threads) => {
    const { createTrainHandlers } = await import("./train-session");
    return createTrainHandlers(threads);
  });
  // Listening now (not after the import) so no early message is lost; each call waits for the handlers.
  serveRpc<TrainMethods>(port, {
    devices: async (request, context) => (await ready).devices(request, context),
    start: async (request, context) => (await ready).start(request, context),
    pause: async (request, context) => (await ready).pause(request, context),
    resume: async (request, context) => (await ready).resume(request, context),
    stop: async (request, context) => (await ready).stop(request, context),
    save: async (request, context) => (await ready).save(request, context),
    load: async (request, context) => (await ready).load(request, context),
  });
}
