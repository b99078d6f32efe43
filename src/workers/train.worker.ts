// Training worker: runs the Lab's Trainer on jax-js (wasm or WebGPU) off the main thread, behind the typed protocol.
import { bootTrainWorker } from "../adapters/nn/train-worker-boot";
import type { MessagePortLike } from "../lib/rpc";

// The project's TypeScript lib types `self` as a Window; in a worker it is the worker scope.
bootTrainWorker(self as unknown as MessagePortLike);
