// The Lab's run form as plain data: its defaults, the mapping to a LabRunSpec, and validation that
// names the form field at fault (the core's RlConfigError names config paths; this maps them back).
import { resolveLabRun, type LabModelSize, type LabRunSpec, type LabTaskName, type TrainDevice } from "../../adapters/nn/lab-spec";
import { RlConfigError } from "../../core/rl/errors";

export interface LabPhase {
  contextTokens: number;
  steps: number;
}

export interface LabForm {
  name: string;
  task: LabTaskName;
  model: LabModelSize;
  difficulty: number;
  curriculumEnabled: boolean;
  /** With the curriculum off, one phase at the longest context for the sum of the steps. */
  phases: LabPhase[];
  retroEnabled: boolean;
  retroFraction: number;
  algorithm: "grpo" | "dapo";
  /** GRPO's symmetric clip. */
  clipEps: number;
  /** DAPO's clip-low and clip-high. */
  clipLow: number;
  clipHigh: number;
  klCoef: number;
  tokenLevelLoss: boolean;
  dynamicSampling: boolean;
  overlongPenalty: boolean;
  overlongCacheTokens: number;
  sftSteps: number;
  sftBatchSize: number;
  groupSize: number;
  promptsPerStep: number;
  learningRate: number;
  sftLearningRate: number;
  maxResponseTokens: number;
  seed: number;
  device: TrainDevice;
}

/** Small enough to see learning in a minute on two CPU cores with wasm. */
export const DEFAULT_FORM: LabForm = {
  name: "run 1",
  task: "compact-passkey",
  model: "micro",
  difficulty: 0.25,
  curriculumEnabled: true,
  phases: [
    { contextTokens: 32, steps: 20 },
    { contextTokens: 64, steps: 20 },
  ],
  retroEnabled: true,
  retroFraction: 0.25,
  algorithm: "grpo",
  clipEps: 0.2,
  clipLow: 0.2,
  clipHigh: 0.28,
  klCoef: 0,
  tokenLevelLoss: false,
  dynamicSampling: true,
  overlongPenalty: true,
  overlongCacheTokens: 4,
  sftSteps: 40,
  sftBatchSize: 16,
  groupSize: 4,
  promptsPerStep: 2,
  learningRate: 1e-4,
  sftLearningRate: 5e-3,
  maxResponseTokens: 16,
  seed: 0,
  device: "wasm",
};

export type FormField = keyof LabForm | `phases[${number}].${keyof LabPhase}`;

/** A validation failure: the form field to mark and a sentence naming it. */
export interface FieldError {
  field: FormField;
  message: string;
}

/** The form's values as a run spec (no validation). */
export function formToSpec(form: LabForm): LabRunSpec {
  const maxContextTokens = Math.max(1, ...form.phases.map((p) => p.contextTokens).filter(Number.isFinite));
  const aggregation = form.tokenLevelLoss ? "token-mean" : "sequence-mean";
  return {
    name: form.name,
    task: form.task,
    model: form.model,
    sftBatchSize: form.sftBatchSize,
    sftLearningRate: form.sftLearningRate,
    run: {
      difficulty: form.difficulty,
      groupSize: form.groupSize,
      promptsPerStep: form.promptsPerStep,
      learningRate: form.learningRate,
      warmupSftSteps: form.sftSteps,
      maxResponseTokens: form.maxResponseTokens,
      seed: form.seed,
      curriculum: { enabled: form.curriculumEnabled, phases: form.phases.map((p) => ({ ...p })), maxContextTokens },
      sampler: { enabled: form.retroEnabled, retroFraction: form.retroFraction },
      algorithm:
        form.algorithm === "grpo"
          ? { name: "grpo", clipEps: form.clipEps, klCoef: form.klCoef, aggregation }
          : {
              name: "dapo",
              epsLow: form.clipLow,
              epsHigh: form.clipHigh,
              klCoef: form.klCoef,
              aggregation,
              dynamicSampling: form.dynamicSampling,
              overlongCacheTokens: form.overlongPenalty ? form.overlongCacheTokens : 0,
            },
    },
  };
}

const CONFIG_TO_FORM: Readonly<Record<string, keyof LabForm>> = {
  name: "name",
  task: "task",
  model: "model",
  sftBatchSize: "sftBatchSize",
  sftLearningRate: "sftLearningRate",
  difficulty: "difficulty",
  groupSize: "groupSize",
  promptsPerStep: "promptsPerStep",
  learningRate: "learningRate",
  warmupSftSteps: "sftSteps",
  maxResponseTokens: "maxResponseTokens",
  seed: "seed",
  "sampler.retroFraction": "retroFraction",
  "sampler.enabled": "retroEnabled",
  "algorithm.clipEps": "clipEps",
  "algorithm.epsLow": "clipLow",
  "algorithm.epsHigh": "clipHigh",
  "algorithm.klCoef": "klCoef",
  "algorithm.overlongCacheTokens": "overlongCacheTokens",
  "curriculum.maxContextTokens": "phases",
};

/** The form field behind a config path such as "curriculum.phases[1].steps" or "algorithm.epsLow". */
export function formFieldOf(configField: string): FormField {
  const phase = /^curriculum\.phases\[(\d+)\]\.(contextTokens|steps)$/.exec(configField);
  if (phase) return `phases[${Number(phase[1])}].${phase[2] as keyof LabPhase}`;
  return CONFIG_TO_FORM[configField] ?? "name";
}

/** The spec, or the first field at fault. */
export function validateForm(form: LabForm): { spec: LabRunSpec } | { error: FieldError } {
  if (form.phases.length === 0) return { error: { field: "phases", message: "phases: add at least one curriculum phase." } };
  const spec = formToSpec(form);
  try {
    resolveLabRun(spec);
    return { spec };
  } catch (error) {
    if (error instanceof RlConfigError) {
      const field = formFieldOf(error.field);
      const message = error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
      return { error: { field, message: `${field}: ${message}` } };
    }
    throw error;
  }
}
