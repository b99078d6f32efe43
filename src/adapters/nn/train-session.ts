// The training worker's state and handlers: one Trainer at a time on the chosen jax-js device, a
// control for pause/resume/stop that also runs saves between steps, and metrics and rollouts
// batched (one message per FLUSH_MS at most) before they cross to the page.
import { defaultDevice, init } from "@jax-js/jax";
import { FolioError } from "../../lib/errors";
import type { RpcHandlers } from "../../lib/rpc";
import { probeWebGpu } from "../gpu/capabilities";
import { labInfoFromMeta } from "./lab-checkpoint-info";
import { LAB_TASKS, promptExcerpt, resolveLabRun, specFromCheckpoint, trainerOptions, type LabCheckpointInfo, type TrainDevice } from "./lab-spec";
import type { DeviceReport, TrainMethods, TrainRollout } from "./train-protocol";
import { Trainer, type SampledRollout, type StepMetrics } from "./trainer";
import { TrainingControl } from "./training-control";
import { restoreTrainer, saveTrainer } from "./trainer-checkpoint";

const FLUSH_MS = 200;
const ROLLOUTS_PER_STEP = 8;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Pause/resume/stop plus work that must run between steps (reading the params for a save while a
 * step consumes them would read freed buffers). proceed() also yields to the event loop, so the
 * pause and stop messages are seen even when a step's awaits resolve as microtasks only.
 */
export class WorkerControl extends TrainingControl {
  private tasks: (() => Promise<void>)[] = [];
  private kick: (() => void) | null = null;

  /** Runs `fn` at the next step boundary (at once when paused there). */
  atStepBoundary<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.tasks.push(() => fn().then(resolve, reject));
      this.wakeUp();
    });
  }

  async drain(): Promise<void> {
    for (let task = this.tasks.shift(); task; task = this.tasks.shift()) await task();
  }

  private wakeUp(): void {
    const kick = this.kick;
    this.kick = null;
    kick?.();
  }

  override resume(): void {
    super.resume();
    this.wakeUp();
  }

  override stop(): void {
    super.stop();
    this.wakeUp();
  }

  override async proceed(): Promise<boolean> {
    await yieldToEventLoop();
    await this.drain();
    while (this.state === "paused") {
      await new Promise<void>((resolve) => (this.kick = resolve));
      await this.drain();
    }
    return this.state === "running";
  }
}

function toRollouts(sampled: SampledRollout[]): TrainRollout[] {
  const every = Math.max(1, Math.ceil(sampled.length / ROLLOUTS_PER_STEP));
  return sampled
    .filter((_, i) => i % every === 0)
    .map((r) => ({ step: r.step, prompt: promptExcerpt(r.example), output: r.output, answer: r.example.answer, reward: r.reward }));
}

function idle(): FolioError {
  return new FolioError("InvalidRequestError", "There is no model in the training worker yet.", "Start a run or load a checkpoint first.");
}

/** `wasmThreads`: what prepareWasmThreads() found before jax-js loaded (see wasm-threads.ts). */
export function createTrainHandlers(wasmThreads = false): RpcHandlers<TrainMethods> {
  let started: Promise<TrainDevice[]> | null = null;
  let trainer: Trainer | null = null;
  let info: LabCheckpointInfo | null = null;
  let control: WorkerControl | null = null;
  let rollouts: TrainRollout[] = [];
  const onRollouts = (sampled: SampledRollout[]) => rollouts.push(...toRollouts(sampled));

  // `init('wasm', 'webgpu')`, not a bare init(): that also starts WebGL, which headless Chromium loses.
  // WebGPU is only asked for where navigator.gpu exists (not in Node, where the unit tests run).
  const hasGpu = typeof navigator !== "undefined" && "gpu" in navigator;
  const devices = () =>
    (started ??= (hasGpu ? init("wasm", "webgpu") : init("wasm")).then((list) => list.filter((d): d is TrainDevice => d === "wasm" || d === "webgpu")));

  async function selectDevice(device: TrainDevice): Promise<void> {
    const list = await devices();
    if (!list.includes(device)) {
      throw device === "webgpu"
        ? new FolioError("WebGPUUnavailableError", "WebGPU could not start in the training worker.", "Pick the wasm device and start again.")
        : new FolioError("InternalError", "The wasm backend could not start in the training worker.", "Reload the page and try again.");
    }
    defaultDevice(device);
  }

  function refuseWhileRunning(): void {
    if (control) throw new FolioError("InvalidRequestError", "A training run is going.", "Stop the run first.");
  }

  const state = () => ({ state: control ? control.state : ("idle" as const) });

  return {
    async devices() {
      const available = await devices();
      const gpu = await probeWebGpu(hasGpu ? navigator.gpu : undefined);
      const adapter = gpu.available ? [gpu.adapter.vendor, gpu.adapter.architecture].filter(Boolean).join(" / ") || gpu.adapter.description : "";
      const software = gpu.available && (gpu.adapter.isFallbackAdapter || /swiftshader|llvmpipe|software/i.test(`${adapter} ${gpu.adapter.description}`));
      const report: DeviceReport = {
        available,
        wasmThreads,
        adapter,
        software,
        recommended: available.includes("webgpu") && gpu.available && !software ? "webgpu" : "wasm",
      };
      return report;
    },

    async start(request, { progress, signal }) {
      refuseWhileRunning();
      if (request.kind === "new") {
        const resolved = resolveLabRun(request.spec);
        await selectDevice(request.device);
        trainer?.dispose();
        trainer = null;
        trainer = new Trainer(trainerOptions(resolved, onRollouts));
        info = {
          runId: request.runId,
          name: request.spec.name,
          task: request.spec.task,
          modelSize: request.spec.model,
          sftBatchSize: request.spec.sftBatchSize,
          sftLearningRate: request.spec.sftLearningRate,
        };
      }
      const current = trainer;
      if (!current) throw idle();
      const c = new WorkerControl();
      control = c;
      signal.addEventListener("abort", () => c.stop());
      rollouts = [];
      let metrics: StepMetrics[] = [];
      let timer: ReturnType<typeof setTimeout> | null = null;
      const flush = () => {
        if (timer) clearTimeout(timer);
        timer = null;
        if (metrics.length === 0 && rollouts.length === 0) return;
        progress({ metrics, rollouts, state: c.state });
        metrics = [];
        rollouts = [];
      };
      try {
        const outcome = await current.run((m) => {
          metrics.push(m);
          timer ??= setTimeout(flush, FLUSH_MS);
        }, c);
        return { outcome, sftSteps: current.sftSteps, rlSteps: current.rlSteps };
      } finally {
        flush();
        await c.drain();
        control = null;
      }
    },

    async pause() {
      control?.pause();
      return state();
    },
    async resume() {
      control?.resume();
      return state();
    },
    async stop() {
      control?.stop();
      return state();
    },

    async save() {
      const write = async () => {
        if (!trainer || !info) throw idle();
        return { checkpoint: await saveTrainer(trainer, { lab: info }) };
      };
      return control ? control.atStepBoundary(write) : write();
    },

    async load({ checkpoint, device }) {
      refuseWhileRunning();
      await selectDevice(device);
      let loadedInfo: LabCheckpointInfo | null = null;
      const restored = restoreTrainer(checkpoint, (meta) => {
        loadedInfo = labInfoFromMeta(meta);
        const spec = LAB_TASKS[loadedInfo.task];
        return { task: spec.generator, sftBatchSize: loadedInfo.sftBatchSize, sftLearningRate: loadedInfo.sftLearningRate, onRollouts };
      });
      trainer?.dispose();
      trainer = restored;
      info = loadedInfo as unknown as LabCheckpointInfo;
      const spec = specFromCheckpoint(info, restored.options.run);
      return { info, spec, sftSteps: restored.sftSteps, rlSteps: restored.rlSteps, history: restored.history.slice(), done: restored.done };
    },
  };
}
