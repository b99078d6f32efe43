// The reasoning-model catalog: which of web-llm's prebuilt records Folio offers, what each costs in
// download, memory and context, and which one to recommend for a device. Pure; the record list is
// read by src/adapters/llm/web-llm-catalog.ts.
import { GIB, MIB } from "./bytes";
import type { Capabilities } from "./capabilities";
import { assessModelSupport, type Quantization } from "./requirements";

/** The fields of web-llm's ModelRecord the catalog reads (a structural subset, so core stays pure). */
export interface ModelRecordLike {
  model: string;
  model_id: string;
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  overrides?: { context_window_size?: number };
}

export type ModelFamily = "qwen3" | "qwen3.5" | "deepseek-r1-qwen" | "deepseek-r1-llama";
/** Families of the engines Folio carries itself (not in web-llm's list): checkpoints trained in the Lab. */
export type LocalFamily = "folio-tiny";
/** web-llm's weight formats: 4-bit groups with f16/f32 scales, or unquantised f16/f32. */
export type WeightFormat = "q4f16_1" | "q4f32_1" | "q0f16" | "q0f32";

interface FamilyInfo {
  label: string;
  /** The model id prefix in web-llm's list, before the size. */
  pattern: RegExp;
  /** Prompt template / tokenizer family known to src/core/prompt; null when Folio has none yet. */
  templateFamily: string | null;
  /** Whether `enable_thinking` switches a <think> block on and off (Qwen3's hybrid thinking). */
  thinkingSwitch: boolean;
}

export const FAMILIES: Readonly<Record<ModelFamily, FamilyInfo>> = {
  qwen3: { label: "Qwen3", pattern: /^Qwen3-(\d+(?:\.\d+)?)B-/, templateFamily: "qwen3", thinkingSwitch: true },
  "qwen3.5": { label: "Qwen3.5", pattern: /^Qwen3\.5-(\d+(?:\.\d+)?)B-/, templateFamily: null, thinkingSwitch: true },
  // The R1 distills always think; they have no switch, so `thinking: false` cannot turn it off.
  "deepseek-r1-qwen": { label: "DeepSeek-R1 Distill (Qwen)", pattern: /^DeepSeek-R1-Distill-Qwen-(\d+(?:\.\d+)?)B-/, templateFamily: null, thinkingSwitch: false },
  "deepseek-r1-llama": { label: "DeepSeek-R1 Distill (Llama)", pattern: /^DeepSeek-R1-Distill-Llama-(\d+(?:\.\d+)?)B-/, templateFamily: null, thinkingSwitch: false },
};

/**
 * Exact parameter counts (from the models' Hugging Face configs) where known; otherwise the size in
 * the name is used. Qwen3.5 figures are the names' nominal sizes.
 */
const PARAMETERS: Readonly<Record<string, number>> = {
  "Qwen3-0.6B": 0.596e9,
  "Qwen3-1.7B": 1.72e9,
  "Qwen3-4B": 4.02e9,
  "Qwen3-8B": 8.19e9,
  "DeepSeek-R1-Distill-Qwen-7B": 7.62e9,
  "DeepSeek-R1-Distill-Llama-8B": 8.03e9,
};

/**
 * KV cache per token of window for f16 caches, in bytes: 2 (K and V) × layers × KV heads × head dim
 * × 2 bytes, from each model's config (Qwen3-0.6B/1.7B: 28×8×128; Qwen3-4B/8B: 36×8×128;
 * R1-Qwen-7B: 28×4×128; R1-Llama-8B: 32×8×128). f32 models keep an f32 cache: twice this.
 * Qwen3.5 mixes linear-attention layers; its figure is unknown, so the largest here is assumed.
 */
const KV_BYTES_F16: Readonly<Record<string, number>> = {
  "Qwen3-0.6B": 2 * 28 * 8 * 128 * 2,
  "Qwen3-1.7B": 2 * 28 * 8 * 128 * 2,
  "Qwen3-4B": 2 * 36 * 8 * 128 * 2,
  "Qwen3-8B": 2 * 36 * 8 * 128 * 2,
  "DeepSeek-R1-Distill-Qwen-7B": 2 * 28 * 4 * 128 * 2,
  "DeepSeek-R1-Distill-Llama-8B": 2 * 32 * 8 * 128 * 2,
};
const KV_BYTES_F16_UNKNOWN = 2 * 36 * 8 * 128 * 2;

/**
 * The longest window each model was trained for, in tokens (max_position_embeddings of the Hugging
 * Face config, which MLC copies into mlc-chat-config.json). web-llm's records load with 4096 unless
 * told otherwise. Unknown families keep the record's own window as their maximum.
 */
const FAMILY_MAX_CONTEXT: Readonly<Partial<Record<ModelFamily, number>>> = {
  qwen3: 40_960,
  "deepseek-r1-qwen": 131_072,
  "deepseek-r1-llama": 131_072,
};

/** Bits per weight on disk: 4-bit values plus one f16 or f32 scale per group of 32 (MLC's q4*_1). */
const BITS_PER_WEIGHT: Readonly<Record<WeightFormat, number>> = {
  q4f16_1: 4 + 16 / 32,
  q4f32_1: 4 + 32 / 32,
  q0f16: 16,
  q0f32: 32,
};

export interface CatalogEntry {
  modelId: string;
  /** "Qwen3 4B", for lists. */
  name: string;
  family: ModelFamily | LocalFamily;
  familyLabel: string;
  /** Parameters, e.g. 4.02e9. */
  parameters: number;
  format: WeightFormat;
  /** The compute precision the GPU must offer: f16 needs shader-f16. */
  precision: "f16" | "f32";
  /**
   * Estimated download, in bytes: parameters × bits per weight of the format ÷ 8. Computed, not
   * read: web-llm's list has no download size. The tokenizer and the .wasm add a few tens of MB.
   */
  downloadBytes: number;
  /** GPU memory web-llm says the model needs at its default 4096-token window (vram_required_MB); advisory. */
  memoryBytes: number;
  /** The window the record loads with by default (overrides.context_window_size), in tokens. */
  defaultContextWindow: number;
  /** The longest window the model supports, in tokens. */
  maxContextWindow: number;
  /** KV cache per token of window at this format's precision, in bytes. */
  kvBytesPerToken: number;
  /** web-llm marks models that run on limited devices (small buffers). */
  lowResource: boolean;
  /** Prompt template family for src/core/prompt (e.g. "qwen3"); null: Folio cannot build prompts for it yet. */
  templateFamily: string | null;
  supportsThinking: boolean;
  /** Whether thinking can be switched off per request (enable_thinking). */
  thinkingSwitch: boolean;
  /** Where the weights live (the record's `model`) and its compiled library (`model_lib`). */
  modelUrl: string;
  modelLibUrl: string;
}

const FORMAT = /-(q4f16_1|q4f32_1|q0f16|q0f32)-MLC$/;

/** The catalog entry for one web-llm record, or null when it is not a reasoning model Folio offers. */
export function toCatalogEntry(record: ModelRecordLike): CatalogEntry | null {
  const format = FORMAT.exec(record.model_id)?.[1] as WeightFormat | undefined;
  if (!format) return null;
  for (const [family, info] of Object.entries(FAMILIES) as [ModelFamily, FamilyInfo][]) {
    const match = info.pattern.exec(record.model_id);
    if (!match) continue;
    const base = record.model_id.slice(0, match[0].length - 1);
    const nominal = Number(match[1]) * 1e9;
    const parameters = PARAMETERS[base] ?? nominal;
    const precision = format.includes("f16") ? "f16" : "f32";
    const defaultContextWindow = record.overrides?.context_window_size ?? 4096;
    return {
      modelId: record.model_id,
      name: `${info.label} ${match[1]}B`,
      family,
      familyLabel: info.label,
      parameters,
      format,
      precision,
      downloadBytes: Math.round((parameters * BITS_PER_WEIGHT[format]) / 8),
      memoryBytes: Math.round((record.vram_required_MB ?? 0) * MIB),
      defaultContextWindow,
      maxContextWindow: Math.max(defaultContextWindow, FAMILY_MAX_CONTEXT[family] ?? defaultContextWindow),
      kvBytesPerToken: (KV_BYTES_F16[base] ?? KV_BYTES_F16_UNKNOWN) * (precision === "f32" ? 2 : 1),
      lowResource: record.low_resource_required === true,
      templateFamily: info.templateFamily,
      supportsThinking: true,
      thinkingSwitch: info.thinkingSwitch,
      modelUrl: record.model,
      modelLibUrl: record.model_lib,
    };
  }
  return null;
}

const FORMAT_ORDER: readonly WeightFormat[] = ["q4f16_1", "q4f32_1", "q0f16", "q0f32"];

/** The reasoning models among `records`: Qwen3 first, smallest first, the 4-bit builds before unquantised ones. */
export function buildCatalog(records: readonly ModelRecordLike[]): CatalogEntry[] {
  const order = Object.keys(FAMILIES);
  return records
    .map(toCatalogEntry)
    .filter((entry): entry is CatalogEntry => entry !== null)
    .sort(
      (a, b) =>
        order.indexOf(a.family) - order.indexOf(b.family) ||
        a.parameters - b.parameters ||
        FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format),
    );
}

export function findEntry(catalog: readonly CatalogEntry[], modelId: string): CatalogEntry | undefined {
  return catalog.find((entry) => entry.modelId === modelId);
}

/** When device memory is hidden (Firefox, Safari), Folio assumes this much. */
export const ASSUMED_DEVICE_MEMORY = 8 * GIB;

/**
 * Memory a model may take on this device, in bytes: navigator.deviceMemory (Chromium rounds it and
 * caps it at 8 GiB, so it is a lower bound) or ASSUMED_DEVICE_MEMORY when hidden.
 */
export function deviceMemoryBytes(caps: Capabilities): number {
  return caps.deviceMemoryGiB !== null ? caps.deviceMemoryGiB * GIB : ASSUMED_DEVICE_MEMORY;
}

/** Largest share of device memory a recommended model's vram_required may take. */
export const RECOMMEND_MEMORY_SHARE = 0.6;
/** Buffer limits below these leave only web-llm's low-resource models able to load. */
const FULL_BUFFER_BYTES = 1 * GIB;

export type Fit = "fits" | "too-big" | "needs-f16" | "unsupported";

export interface EntryAssessment {
  modelId: string;
  fit: Fit;
  /** Why, in a sentence, when it does not simply fit. */
  reason: string | null;
}

export interface Recommendation {
  /** The model to suggest, or null when none can run here. */
  modelId: string | null;
  /** Why this one, in short sentences. */
  reasons: string[];
  /** Every catalog entry's fit on this device, in catalog order. */
  assessments: EntryAssessment[];
}

/**
 * Which catalog entries can run on `caps`, and the one to recommend: the largest Qwen3 q4 model (a
 * family Folio can build prompts for) of the weight format the device supports whose memory need is
 * within RECOMMEND_MEMORY_SHARE of device memory; only low-resource models when buffer limits are
 * below 1 GiB; the smallest on a software adapter, where every token is computed on the CPU.
 */
export function recommendModel(catalog: readonly CatalogEntry[], caps: Capabilities): Recommendation {
  const support = assessModelSupport(caps);
  const adapter = caps.webgpu.available ? caps.webgpu.adapter : null;
  if (!adapter || support.quantization === null) {
    const reason = "Local models cannot run on this device (see System above).";
    return { modelId: null, reasons: [reason], assessments: catalog.map((e) => ({ modelId: e.modelId, fit: "unsupported", reason })) };
  }
  const budget = deviceMemoryBytes(caps) * RECOMMEND_MEMORY_SHARE;
  const smallBuffers =
    adapter.limits.maxStorageBufferBindingSize < FULL_BUFFER_BYTES || adapter.limits.maxBufferSize < FULL_BUFFER_BYTES;

  const assessments = catalog.map((entry): EntryAssessment => {
    if (entry.precision === "f16" && !adapter.shaderF16) {
      return { modelId: entry.modelId, fit: "needs-f16", reason: "Needs shader-f16, which this GPU lacks; use the q4f32 build." };
    }
    if (smallBuffers && !entry.lowResource) {
      return { modelId: entry.modelId, fit: "too-big", reason: "GPU buffer limits are below 1 GiB; only small models load." };
    }
    if (entry.memoryBytes > budget) {
      return { modelId: entry.modelId, fit: "too-big", reason: `Needs about ${(entry.memoryBytes / GIB).toFixed(1)} GiB of memory; more than this device can spare.` };
    }
    return { modelId: entry.modelId, fit: "fits", reason: null };
  });

  const wanted: Quantization = support.quantization;
  const candidates = catalog.filter(
    (entry, index) =>
      assessments[index]?.fit === "fits" && entry.family === "qwen3" && entry.format.startsWith(wanted),
  );
  const reasons = [
    wanted === "q4f16"
      ? "shader-f16 is available, so the smaller, faster q4f16 build."
      : "shader-f16 is missing, so the q4f32 build.",
  ];
  let pick: CatalogEntry | undefined;
  if (adapter.isFallbackAdapter) {
    pick = candidates[0];
    reasons.push("This is a software adapter that computes on the CPU, so the smallest model.");
  } else {
    pick = candidates.reduce<CatalogEntry | undefined>((best, entry) => (!best || entry.parameters > best.parameters ? entry : best), undefined);
    reasons.push(
      caps.deviceMemoryGiB === null
        ? `Device memory is hidden by the browser; assuming ${ASSUMED_DEVICE_MEMORY / GIB} GiB, the largest model that fits.`
        : `The largest model within ${Math.round(RECOMMEND_MEMORY_SHARE * 100)}% of the ${caps.deviceMemoryGiB} GiB of device memory.`,
    );
  }
  if (smallBuffers) reasons.push("GPU buffer limits are below 1 GiB, so only low-resource models.");
  if (!pick) return { modelId: null, reasons: ["No Qwen3 model fits this device's memory and limits."], assessments };
  return { modelId: pick.modelId, reasons, assessments };
}
