// Main-thread entry to the training worker: one worker per client (a fresh jax-js heap each), typed calls.
import { createRpcClient, type CallOptions, type RpcClient } from "../../lib/rpc";
import type { TrainMethods } from "./train-protocol";

export interface TrainClient {
  call: RpcClient<TrainMethods>["call"];
  /** Ends the worker and everything in it; pending calls never settle, so stop first. */
  terminate(): void;
}

export type TrainCallOptions<K extends keyof TrainMethods> = CallOptions<TrainMethods[K]["progress"]>;

export function createTrainClient(): TrainClient {
  const worker = new Worker(new URL("../../workers/train.worker.ts", import.meta.url), { type: "module", name: "folio-train" });
  const rpc = createRpcClient<TrainMethods>(worker);
  return { call: rpc.call.bind(rpc), terminate: () => worker.terminate() };
}
