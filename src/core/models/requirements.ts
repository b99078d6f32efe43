// What a device's capabilities mean for running local models with web-llm: pure interpretation,
// no browser APIs. The thresholds mirror web-llm's own device checks (detectGPUDevice in
// @mlc-ai/web-llm 0.2.x), so the report says "no" exactly where web-llm would throw.
import { GIB, MIB, KIB, formatBytes } from "./bytes";
import type { Capabilities, GpuLimits, WebGpuUnavailableReason } from "./capabilities";

export interface LimitRequirement {
  limit: keyof GpuLimits;
  /** Below this web-llm refuses to start. */
  required: number;
  /** Below this web-llm starts but falls back (smaller buffers, fewer models, smaller workgroups). */
  preferred: number;
  /** Whether the figure is a byte size (shown as "1 GiB") or a count. */
  unit: "bytes" | "count";
  /** What falling short costs, in one sentence. */
  consequence: string;
}

export const WEB_LLM_LIMITS: readonly LimitRequirement[] = [
  {
    limit: "maxStorageBufferBindingSize",
    required: 128 * MIB,
    preferred: 1 * GIB,
    unit: "bytes",
    consequence: "Below 1 GiB only small-context (-1k) builds of a few models load.",
  },
  {
    limit: "maxBufferSize",
    required: 256 * MIB,
    preferred: 1 * GIB,
    unit: "bytes",
    consequence: "Below 1 GiB web-llm falls back to 256 MiB buffers, which limits model size.",
  },
  {
    limit: "maxComputeWorkgroupStorageSize",
    required: 32 * KIB,
    preferred: 32 * KIB,
    unit: "bytes",
    consequence: "Below 32 KiB web-llm's kernels cannot run.",
  },
  {
    limit: "maxStorageBuffersPerShaderStage",
    required: 10,
    preferred: 10,
    unit: "count",
    consequence: "Below 10 web-llm's kernels cannot bind their buffers.",
  },
  {
    limit: "maxComputeInvocationsPerWorkgroup",
    required: 0,
    preferred: 256,
    unit: "count",
    consequence: "Below 256 web-llm relies on default workgroup sizes, which can be slower.",
  },
];

export type CheckStatus = "ok" | "limited" | "fail";

export interface LimitCheck extends LimitRequirement {
  actual: number;
  status: CheckStatus;
}

export type Quantization = "q4f16" | "q4f32";
export type Verdict = "ready" | "limited" | "unsupported";

export interface ModelNote {
  level: "info" | "warn" | "error";
  text: string;
}

export interface ModelSupport {
  verdict: Verdict;
  /** The weight format Folio should pick; null when no model can run. */
  quantization: Quantization | null;
  /** One row per web-llm limit; empty without WebGPU. */
  checks: LimitCheck[];
  notes: ModelNote[];
}

/** Storage below this leaves room for only the smallest models (a 0.5B q4 model is ~300-500 MB). */
export const COMFORTABLE_FREE_STORAGE = 2 * GIB;

export function checkLimit(requirement: LimitRequirement, actual: number): LimitCheck {
  const status: CheckStatus =
    actual < requirement.required ? "fail" : actual < requirement.preferred ? "limited" : "ok";
  return { ...requirement, actual, status };
}

/** A sentence a user can act on for each way WebGPU can be missing. */
export function explainUnavailable(reason: WebGpuUnavailableReason, secureContext: boolean): string {
  switch (reason) {
    case "no-navigator-gpu":
      return secureContext
        ? "This browser has no WebGPU. Use a current Chrome, Edge or Safari, or enable WebGPU in its settings."
        : "WebGPU needs a secure page (https or localhost). Open Folio over https.";
    case "no-adapter":
      return "The browser has WebGPU but found no usable GPU. Update the graphics driver, or check that hardware acceleration is on.";
    case "request-failed":
      return "Asking the browser for a GPU failed. Reload the page; if it keeps failing, restart the browser.";
  }
}

/** Reads the whole capability report and says whether, and how, local models can run. */
export function assessModelSupport(caps: Capabilities): ModelSupport {
  const notes: ModelNote[] = [];
  if (!caps.webgpu.available) {
    notes.push({ level: "error", text: explainUnavailable(caps.webgpu.reason, caps.secureContext) });
    notes.push(...storageNotes(caps));
    return { verdict: "unsupported", quantization: null, checks: [], notes };
  }
  const { adapter } = caps.webgpu;
  const checks = WEB_LLM_LIMITS.map((req) => checkLimit(req, adapter.limits[req.limit]));
  const failed = checks.filter((c) => c.status === "fail");
  const limited = checks.filter((c) => c.status === "limited");

  for (const check of failed) {
    notes.push({ level: "error", text: `${check.limit} is ${show(check, check.actual)}, web-llm needs ${show(check, check.required)}. ${check.consequence}` });
  }
  for (const check of limited) {
    notes.push({ level: "warn", text: `${check.limit} is ${show(check, check.actual)} (best: ${show(check, check.preferred)}). ${check.consequence}` });
  }
  const quantization: Quantization = adapter.shaderF16 ? "q4f16" : "q4f32";
  notes.push(
    adapter.shaderF16
      ? { level: "info", text: "shader-f16 available: Folio will use q4f16 models (smaller downloads, faster)." }
      : { level: "warn", text: "shader-f16 missing: Folio will use q4f32 models (larger downloads, more GPU memory)." },
  );
  if (adapter.isFallbackAdapter) {
    notes.push({ level: "warn", text: "This is a software (fallback) adapter: models run on the CPU and will be very slow." });
  }
  if (!caps.crossOriginIsolated) {
    notes.push({ level: "warn", text: "The page is not cross-origin isolated: wasm threads are off, so CPU work runs single-threaded." });
  }
  notes.push(...storageNotes(caps));

  const verdict: Verdict =
    failed.length > 0 ? "unsupported" : limited.length > 0 || adapter.isFallbackAdapter ? "limited" : "ready";
  return { verdict, quantization: failed.length > 0 ? null : quantization, checks, notes };
}

function storageNotes(caps: Capabilities): ModelNote[] {
  const { storage } = caps;
  if (!storage.supported) {
    return [{ level: "error", text: "This browser gives Folio no storage estimate; downloaded models may not be kept." }];
  }
  const notes: ModelNote[] = [];
  if (storage.quota !== null) {
    const free = storage.quota - (storage.usage ?? 0);
    if (free < COMFORTABLE_FREE_STORAGE) {
      notes.push({ level: "warn", text: `Only ${formatBytes(free)} of storage is free for this site: room for the smallest models only.` });
    }
  }
  if (storage.persisted === false) {
    notes.push({ level: "info", text: "Storage is not persistent: the browser may delete downloaded models when the disk runs low." });
  }
  return notes;
}

function show(requirement: LimitRequirement, value: number): string {
  return requirement.unit === "bytes" ? formatBytes(value) : String(value);
}
