// The tiny-model file: a Folio checkpoint (src/adapters/nn/checkpoint.ts) holding only the policy's
// params and a header that says how to run it. Lab trainer checkpoints (params, Adam moments and
// the run config) load too: their window comes from the run's curriculum. Pure; no jax-js here.
import { CheckpointError, decodeCheckpoint, encodeCheckpoint, type HostTensor } from "../nn/checkpoint";
import { validateTransformerConfig, type TransformerConfig } from "../nn/transformer";

export const TINY_MODEL_KIND = "folio-tiny-model";
/** The prompt layout of src/core/rl/tasks/evidence-passkey.ts: "<context>\nQuestion: <q>\n" -> "Answer: X". */
export const TINY_LAYOUT = "passage-question-v1";

/** The header of a shipped tiny model. */
export interface TinyModelMeta {
  kind: typeof TINY_MODEL_KIND;
  id: string;
  name: string;
  /** What it was trained to do, in a few words. */
  task: string;
  layout: typeof TINY_LAYOUT;
  model: TransformerConfig;
  /** Longest prompt it was trained on, in characters (BOS not counted). */
  maxPromptTokens: number;
  /** Longest answer it was trained to give, in characters (EOS not counted). */
  maxAnswerTokens: number;
  /** Free-form facts about training (seed, steps, held-out accuracy). */
  training?: Record<string, unknown>;
}

export interface TinyModelFile {
  meta: TinyModelMeta;
  /** "params.embed", "params.layers.0.wqkv", ... */
  tensors: Record<string, HostTensor>;
}

/** Encodes a tiny model; only tensors named "params.*" are kept. */
export function encodeTinyModel(meta: TinyModelMeta, tensors: Readonly<Record<string, HostTensor>>): ArrayBuffer {
  const params = Object.fromEntries(Object.entries(tensors).filter(([name]) => name.startsWith("params.")));
  return encodeCheckpoint({ meta, tensors: params });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function checkModel(model: unknown): TransformerConfig {
  if (!isRecord(model)) throw new CheckpointError("bad-header", "the header has no model shape.");
  try {
    return validateTransformerConfig(model as unknown as TransformerConfig);
  } catch (error) {
    throw new CheckpointError("bad-header", (error as Error).message);
  }
}

/** A Lab trainer checkpoint's header as a tiny model: the last curriculum phase sets the window. */
function fromTrainerMeta(meta: Record<string, unknown>, fallbackId: string): TinyModelMeta {
  const run = meta.run as { task?: unknown; maxResponseTokens?: unknown; curriculum?: { phases?: { contextTokens?: unknown }[] } };
  const phases = Array.isArray(run.curriculum?.phases) ? run.curriculum.phases : [];
  const maxPrompt = Number(phases[phases.length - 1]?.contextTokens);
  const maxAnswer = Number(run.maxResponseTokens);
  if (!Number.isInteger(maxPrompt) || maxPrompt < 1 || !Number.isInteger(maxAnswer) || maxAnswer < 1) {
    throw new CheckpointError("bad-header", "the run settings lack a context length or an answer length.");
  }
  return {
    kind: TINY_MODEL_KIND,
    id: fallbackId,
    name: `Lab model (${String(run.task ?? "unknown task")})`,
    task: String(run.task ?? "unknown"),
    layout: TINY_LAYOUT,
    model: checkModel(meta.model),
    maxPromptTokens: maxPrompt,
    maxAnswerTokens: maxAnswer,
  };
}

/**
 * Decodes and validates a tiny model (or a Lab trainer checkpoint, named `fallbackId`). Throws a
 * CheckpointError (a DamagedFileError) naming what is wrong.
 */
export function decodeTinyModel(buffer: ArrayBuffer, fallbackId = "lab-checkpoint"): TinyModelFile {
  const { meta, tensors } = decodeCheckpoint<unknown>(buffer);
  if (!isRecord(meta)) throw new CheckpointError("bad-header", "the header has no meta object.");
  let parsed: TinyModelMeta;
  if (meta.kind === TINY_MODEL_KIND) {
    const ok =
      typeof meta.id === "string" &&
      typeof meta.name === "string" &&
      typeof meta.task === "string" &&
      meta.layout === TINY_LAYOUT &&
      Number.isInteger(meta.maxPromptTokens) &&
      (meta.maxPromptTokens as number) > 0 &&
      Number.isInteger(meta.maxAnswerTokens) &&
      (meta.maxAnswerTokens as number) > 0;
    if (!ok) throw new CheckpointError("bad-header", "the tiny-model header lacks its id, task, layout or lengths.");
    parsed = { ...(meta as unknown as TinyModelMeta), model: checkModel(meta.model) };
  } else if (isRecord(meta.run) && isRecord(meta.model)) {
    parsed = fromTrainerMeta(meta, fallbackId);
  } else {
    throw new CheckpointError("bad-header", "this checkpoint is neither a tiny model nor a Lab run.");
  }
  if (!tensors["params.embed"]) throw new CheckpointError("bad-tensor", "tensor params.embed is missing.");
  return { meta: parsed, tensors };
}
