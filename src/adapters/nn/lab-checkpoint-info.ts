// Reading a Lab checkpoint's header without jax-js: validates an imported .folio-ckpt file (every
// problem is a CheckpointError, a DamagedFileError) and pulls out what the Lab lists and plots.
import { resolveRunConfig, type RlRunConfig } from "../../core/rl/config";
import { CheckpointError, decodeCheckpoint } from "./checkpoint";
import { LAB_MODELS, LAB_TASKS, type LabCheckpointInfo } from "./lab-spec";
import type { StepMetrics } from "./trainer";

export interface CheckpointSummary {
  info: LabCheckpointInfo;
  run: RlRunConfig;
  sftSteps: number;
  rlSteps: number;
  history: StepMetrics[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The Lab settings in a checkpoint's meta; throws CheckpointError when they are missing or malformed. */
export function labInfoFromMeta(meta: unknown): LabCheckpointInfo {
  const lab = isRecord(meta) ? meta.lab : undefined;
  if (!isRecord(lab)) throw new CheckpointError("bad-header", "it holds no Lab settings (it was not saved by the Lab).");
  const { runId, name, task, modelSize, sftBatchSize, sftLearningRate } = lab;
  const ok =
    typeof runId === "string" &&
    runId.length > 0 &&
    typeof name === "string" &&
    typeof task === "string" &&
    Object.prototype.hasOwnProperty.call(LAB_TASKS, task) &&
    typeof modelSize === "string" &&
    Object.prototype.hasOwnProperty.call(LAB_MODELS, modelSize) &&
    Number.isInteger(sftBatchSize) &&
    (sftBatchSize as number) > 0 &&
    typeof sftLearningRate === "number" &&
    sftLearningRate > 0;
  if (!ok) throw new CheckpointError("bad-header", "its Lab settings are malformed.");
  return lab as unknown as LabCheckpointInfo;
}

function isMetrics(value: unknown): value is StepMetrics {
  return isRecord(value) && (value.kind === "sft" || value.kind === "rl") && Number.isInteger(value.step) && typeof value.loss === "number";
}

/** Decodes and checks a whole checkpoint (tensors included); throws CheckpointError naming the problem. */
export function readCheckpointSummary(buffer: ArrayBuffer): CheckpointSummary {
  const { meta, tensors } = decodeCheckpoint(buffer);
  const info = labInfoFromMeta(meta);
  const m = meta as Record<string, unknown>;
  if (!isRecord(m.run) || !isRecord(m.model) || !Array.isArray(m.history) || !m.history.every(isMetrics)) {
    throw new CheckpointError("bad-header", "the header lacks the run, the model or the metrics history.");
  }
  let run: RlRunConfig;
  try {
    run = resolveRunConfig(m.run as Parameters<typeof resolveRunConfig>[0]);
  } catch (error) {
    throw new CheckpointError("bad-header", `its run settings are invalid (${(error as Error).message}).`);
  }
  if (!Object.keys(tensors).some((name) => name.startsWith("params."))) throw new CheckpointError("bad-tensor", "it holds no model parameters.");
  const steps = (key: string) => (Number.isInteger(m[key]) && (m[key] as number) >= 0 ? (m[key] as number) : 0);
  return { info, run, sftSteps: steps("sftSteps"), rlSteps: steps("rlSteps"), history: m.history };
}
