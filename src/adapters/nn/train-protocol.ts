// The training worker's typed protocol: start a run (its metrics and rollouts stream back in
// batches), pause, resume, stop, save the trainer as a checkpoint blob and load one back.
import type { LabCheckpointInfo, LabRunSpec, TrainDevice } from "./lab-spec";
import type { StepMetrics } from "./trainer";
import type { RunState } from "./training-control";

/** One sampled answer, cut down for the rollout table. */
export interface TrainRollout {
  step: number;
  prompt: string;
  output: string;
  answer: string;
  reward: number;
}

/** What the worker streams while a run goes: everything since the previous batch. */
export interface TrainProgress {
  metrics: StepMetrics[];
  rollouts: TrainRollout[];
  state: RunState;
}

export interface DeviceReport {
  /** Devices jax-js could start in this worker. */
  available: TrainDevice[];
  /** jax-js runs wasm on a worker pool (needs cross-origin isolation and blob: workers allowed by the CSP). */
  wasmThreads: boolean;
  /** The WebGPU adapter, e.g. "google / swiftshader", or "" without one. */
  adapter: string;
  /** A software adapter (SwiftShader): correct but far slower than wasm. */
  software: boolean;
  /** webgpu on real hardware, else wasm. */
  recommended: TrainDevice;
}

export type StartRequest =
  | { kind: "new"; runId: string; spec: LabRunSpec; device: TrainDevice }
  /** Continues the trainer the last `load` (or the last run) left in the worker. */
  | { kind: "continue" };

export interface StartResponse {
  outcome: "done" | "stopped";
  sftSteps: number;
  rlSteps: number;
}

export interface LoadedRun {
  info: LabCheckpointInfo;
  spec: LabRunSpec;
  sftSteps: number;
  rlSteps: number;
  history: StepMetrics[];
  done: boolean;
}

type NoRequest = Record<string, never>;
export type ControlResponse = { state: RunState | "idle" };

export type TrainMethods = {
  devices: { request: NoRequest; progress: never; response: DeviceReport };
  start: { request: StartRequest; progress: TrainProgress; response: StartResponse };
  pause: { request: NoRequest; progress: never; response: ControlResponse };
  resume: { request: NoRequest; progress: never; response: ControlResponse };
  stop: { request: NoRequest; progress: never; response: ControlResponse };
  save: { request: NoRequest; progress: never; response: { checkpoint: ArrayBuffer } };
  load: { request: { checkpoint: ArrayBuffer; device: TrainDevice }; progress: never; response: LoadedRun };
};
