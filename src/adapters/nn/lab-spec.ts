// What the Lab asks the training worker to run (task, model size, RL config, SFT options), resolved
// and validated once into TrainerOptions; errors are RlConfigErrors naming the bad field. No jax-js
// here, so the main thread can validate a form without loading the numeric library.
import { CHAR_VOCAB_SIZE, createCharTokenizer } from "../../core/rl/char-tokenizer";
import { MODEL_SIZES, resolveRunConfig, type ModelSize, type RlRunConfig, type RlRunConfigInput } from "../../core/rl/config";
import { resolvePhases } from "../../core/rl/curriculum";
import { lookupByName, requireIntegerInRange, requireNumberInRange, RlConfigError } from "../../core/rl/errors";
import { compactPasskeyTask } from "../../core/rl/tasks/compact-passkey";
import { TASKS } from "../../core/rl/tasks/registry";
import type { TaskExample, TaskGenerator, TaskName } from "../../core/rl/tasks/types";
import type { TrainerOptions } from "./trainer";
import type { TransformerConfig } from "./transformer";

export type LabTaskName = "compact-passkey" | TaskName;
export type LabModelSize = "micro" | "tiny" | "small";
export type TrainDevice = "wasm" | "webgpu";

/** Tasks the Lab offers; the compact passkey is the only one short enough for 32-256-token contexts. */
export const LAB_TASKS: { readonly [K in LabTaskName]: { label: string; registryTask: TaskName; generator: TaskGenerator } } = {
  "compact-passkey": { label: "Compact passkey", registryTask: "passkey", generator: compactPasskeyTask },
  passkey: { label: "Passkey", registryTask: "passkey", generator: TASKS.passkey },
  "kv-lookup": { label: "Key-value lookup", registryTask: "kv-lookup", generator: TASKS["kv-lookup"] },
  "variable-tracking": { label: "Variable tracking", registryTask: "variable-tracking", generator: TASKS["variable-tracking"] },
  "record-compare": { label: "Record compare", registryTask: "record-compare", generator: TASKS["record-compare"] },
};

/** Character-level models small enough to train in a tab; `runSize` is the nearest RlRunConfig size. */
export const LAB_MODELS: { readonly [K in LabModelSize]: { label: string; layers: number; dModel: number; heads: number; runSize: ModelSize } } = {
  micro: { label: "Micro (2 x 64, 0.1M)", layers: 2, dModel: 64, heads: 4, runSize: "tiny" },
  tiny: { label: "Tiny (2 x 128, 0.4M)", ...MODEL_SIZES.tiny, runSize: "tiny" },
  small: { label: "Small (4 x 256, 3.2M)", ...MODEL_SIZES.small, runSize: "small" },
};

export interface LabRunSpec {
  /** Shown in run and checkpoint lists. */
  name: string;
  task: LabTaskName;
  model: LabModelSize;
  /** The RL run; its `task` and `modelSize` are set from the two fields above. */
  run: Omit<RlRunConfigInput, "task" | "modelSize">;
  /** Rows per warm-up SFT step. */
  sftBatchSize: number;
  sftLearningRate: number;
}

export interface ResolvedLabRun {
  spec: LabRunSpec;
  run: RlRunConfig;
  model: TransformerConfig;
}

/** Lab settings a checkpoint header carries beside the trainer's own meta. */
export interface LabCheckpointInfo {
  runId: string;
  name: string;
  task: LabTaskName;
  modelSize: LabModelSize;
  sftBatchSize: number;
  sftLearningRate: number;
}

function renameField(error: unknown, from: string, to: string): unknown {
  if (error instanceof RlConfigError && error.field === from) return new RlConfigError(to, error.message.replace(`${from}: `, ""));
  return error;
}

/** Applies defaults and validates everything a run needs; throws an RlConfigError naming the first bad field. */
export function resolveLabRun(spec: LabRunSpec): ResolvedLabRun {
  if (typeof spec.name !== "string" || spec.name.trim() === "") throw new RlConfigError("name", "give the run a name.");
  const task = lookupByName("task", LAB_TASKS, spec.task);
  const size = lookupByName("model", LAB_MODELS, spec.model);
  requireIntegerInRange("sftBatchSize", spec.sftBatchSize, 1, 256);
  requireNumberInRange("sftLearningRate", spec.sftLearningRate, Number.MIN_VALUE, 1);
  const run = resolveRunConfig({ ...spec.run, task: task.registryTask, modelSize: size.runSize });
  const phases = resolvePhases(run.curriculum);
  const smallest = (phases[0] as { contextTokens: number }).contextTokens;
  const longest = Math.max(...phases.map((p) => p.contextTokens));
  let example: TaskExample;
  try {
    example = task.generator({ seed: run.seed, difficulty: run.difficulty, contextTokens: smallest, tokenizer: createCharTokenizer() });
  } catch (error) {
    const at = run.curriculum.enabled ? "curriculum.phases[0].contextTokens" : "curriculum.maxContextTokens";
    throw renameField(error, "contextTokens", at);
  }
  const solutionTokens = example.solution.length + 1;
  if (run.warmupSftSteps > 0 && solutionTokens > run.maxResponseTokens) {
    throw new RlConfigError("maxResponseTokens", `a worked solution of this task takes ${solutionTokens} tokens; allow at least that many.`);
  }
  const model: TransformerConfig = {
    layers: size.layers,
    dModel: size.dModel,
    heads: size.heads,
    dFf: 4 * size.dModel,
    vocab: CHAR_VOCAB_SIZE,
    maxContext: longest + 1 + run.maxResponseTokens,
  };
  return { spec, run, model };
}

/** The Trainer's options for a resolved run. */
export function trainerOptions(resolved: ResolvedLabRun, onRollouts?: TrainerOptions["onRollouts"]): TrainerOptions {
  return {
    run: resolved.run,
    model: resolved.model,
    task: LAB_TASKS[resolved.spec.task].generator,
    sftBatchSize: resolved.spec.sftBatchSize,
    sftLearningRate: resolved.spec.sftLearningRate,
    onRollouts,
  };
}

/** The spec a checkpoint's run was started with, rebuilt from its header. */
export function specFromCheckpoint(info: LabCheckpointInfo, run: RlRunConfig): LabRunSpec {
  const { task: _task, modelSize: _size, ...rest } = run;
  return { name: info.name, task: info.task, model: info.modelSize, run: rest, sftBatchSize: info.sftBatchSize, sftLearningRate: info.sftLearningRate };
}

/** A short view of a long prompt: the text around the first needle, then the closing question. */
export function promptExcerpt(example: TaskExample, width = 48): string {
  const flat = (text: string) => text.replace(/\s+/g, " ").trim();
  const { prompt } = example;
  const at = example.metadata.needleCharOffsets[0];
  const tail = flat(prompt.slice(-Math.floor(width / 2)));
  if (at === undefined || prompt.length <= 2 * width) return flat(prompt.slice(-2 * width));
  const from = Math.max(0, at - Math.floor(width / 3));
  return `…${flat(prompt.slice(from, from + width))}… ${tail}`;
}
