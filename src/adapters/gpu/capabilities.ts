// WebGPU and storage capability probing: the only code that asks the browser what this device can
// do for local models. Returns plain data (src/core/models/capabilities.ts); never throws for a
// missing feature, because "no WebGPU" is an answer, not an error.
import {
  GPU_LIMIT_NAMES,
  type AdapterSummary,
  type Capabilities,
  type GpuLimits,
  type StorageStatus,
  type WebGpuStatus,
} from "../../core/models/capabilities";

/** The slice of the browser the probe reads; tests pass a fake, the app passes the real one. */
export interface ProbeSource {
  gpu: GPU | undefined;
  storage: StorageManager | undefined;
  isSecureContext: boolean;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number | undefined;
  deviceMemory: number | undefined;
}

export function browserProbeSource(): ProbeSource {
  // deviceMemory is Chromium-only and absent from the DOM typings. No navigator at all (Node 20,
  // some workers' tests) reads as a browser without any of these features.
  const nav: Partial<Navigator> & { deviceMemory?: number } = typeof navigator === "undefined" ? {} : navigator;
  return {
    gpu: "gpu" in nav ? nav.gpu : undefined,
    storage: "storage" in nav ? nav.storage : undefined,
    isSecureContext: globalThis.isSecureContext === true,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    hardwareConcurrency: nav.hardwareConcurrency,
    deviceMemory: nav.deviceMemory,
  };
}

export async function probeCapabilities(source: ProbeSource = browserProbeSource()): Promise<Capabilities> {
  // Both probes are independent and each can take a while on a cold GPU process.
  const [webgpu, storage] = await Promise.all([probeWebGpu(source.gpu), probeStorage(source.storage)]);
  return {
    webgpu,
    storage,
    crossOriginIsolated: source.crossOriginIsolated,
    secureContext: source.isSecureContext,
    hardwareConcurrency: positiveOrNull(source.hardwareConcurrency),
    deviceMemoryGiB: positiveOrNull(source.deviceMemory),
  };
}

export async function probeWebGpu(gpu: GPU | undefined): Promise<WebGpuStatus> {
  if (!gpu) {
    return { available: false, reason: "no-navigator-gpu", detail: "navigator.gpu is undefined" };
  }
  let adapter: GPUAdapter | null;
  try {
    // Default power preference: what web-llm gets unless told otherwise on most platforms.
    adapter = await gpu.requestAdapter();
  } catch (error) {
    return { available: false, reason: "request-failed", detail: describe(error) };
  }
  if (!adapter) {
    return { available: false, reason: "no-adapter", detail: "navigator.gpu.requestAdapter() returned null" };
  }
  return { available: true, adapter: summarizeAdapter(adapter) };
}

export function summarizeAdapter(adapter: GPUAdapter): AdapterSummary {
  // adapter.info is current; isFallbackAdapter moved onto it from the adapter in 2024, so read both.
  const info: Partial<GPUAdapterInfo> = adapter.info ?? {};
  const legacyFallback = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const features = [...adapter.features].sort();
  const limits = {} as GpuLimits;
  for (const name of GPU_LIMIT_NAMES) limits[name] = adapter.limits[name];
  return {
    vendor: info.vendor ?? "",
    architecture: info.architecture ?? "",
    device: info.device ?? "",
    description: info.description ?? "",
    isFallbackAdapter: info.isFallbackAdapter ?? legacyFallback ?? false,
    features,
    shaderF16: adapter.features.has("shader-f16"),
    limits,
  };
}

export async function probeStorage(storage: StorageManager | undefined): Promise<StorageStatus> {
  if (!storage) return { supported: false, usage: null, quota: null, persisted: null };
  // Either call can reject (private windows, locked-down profiles); the other figure is still useful.
  const [estimate, persisted] = await Promise.all([
    storage.estimate().catch(() => null),
    typeof storage.persisted === "function" ? storage.persisted().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    supported: true,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    persisted,
  };
}

/**
 * Asks the browser not to evict this origin's data (downloaded models, documents). Resolves to what
 * the browser decided; Chromium grants it silently by site engagement, Firefox asks the user.
 */
export async function requestPersistence(source: Pick<ProbeSource, "storage"> = browserProbeSource()): Promise<boolean> {
  const { storage } = source;
  if (!storage || typeof storage.persist !== "function") return false;
  return storage.persist();
}

function positiveOrNull(value: number | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
