// Saving and restoring a Trainer as one checkpoint blob: params, Adam moments, the frozen
// reference policy when there is one, step counters, metrics history and the retrospective pool.
import { CheckpointError, decodeCheckpoint, encodeCheckpoint, type HostTensor } from "./checkpoint";
import { treeFromHost, treeToHost } from "./params-io";
import { Trainer, type TrainerMeta, type TrainerOptions } from "./trainer";
import { adamInit } from "./adam";
import { initParams, validateTransformerConfig } from "./transformer";

/** Encodes the trainer's current state; the trainer keeps running. `extra` joins the header's meta (e.g. the Lab's run id). */
export async function saveTrainer(trainer: Trainer, extra: Record<string, unknown> = {}): Promise<ArrayBuffer> {
  const { params, opt, refParams } = trainer.arrays();
  const tensors: Record<string, HostTensor> = {
    ...(await treeToHost(params, "params")),
    ...(await treeToHost(opt, "opt")),
    ...(refParams ? await treeToHost(refParams, "ref") : {}),
  };
  return encodeCheckpoint({ meta: { ...extra, ...trainer.meta() }, tensors });
}

/**
 * A trainer resumed from a checkpoint. Options not stored in it (task generator, sampling,
 * SFT batch and learning rate) come from `options`; run and model always come from the checkpoint.
 */
export function restoreTrainer(
  buffer: ArrayBuffer,
  options: Omit<TrainerOptions, "run" | "model"> | ((meta: TrainerMeta & Record<string, unknown>) => Omit<TrainerOptions, "run" | "model">) = {},
): Trainer {
  const { meta, tensors } = decodeCheckpoint<TrainerMeta & Record<string, unknown>>(buffer);
  if (!meta || typeof meta !== "object" || !meta.run || !meta.model || !Array.isArray(meta.history)) {
    throw new CheckpointError("bad-header", "the header lacks the run or model settings.");
  }
  try {
    validateTransformerConfig(meta.model);
  } catch (error) {
    throw new CheckpointError("bad-header", (error as Error).message);
  }
  const rest = typeof options === "function" ? options(meta) : options;
  const template = () => initParams(meta.model, 0);
  const params = treeFromHost(template(), tensors, "params");
  const optTemplate = adamInit(params);
  const opt = treeFromHost(optTemplate, tensors, "opt");
  const hasRef = Object.keys(tensors).some((name) => name.startsWith("ref."));
  const refParams = hasRef ? treeFromHost(template(), tensors, "ref") : null;
  return new Trainer({ ...rest, run: meta.run, model: meta.model }, { params, opt, meta, refParams });
}

