// The plain-data shape of what this browser and device can do for local models: WebGPU, storage,
// isolation. Filled in by src/adapters/gpu/capabilities.ts, interpreted by ./requirements.ts.

/** The WebGPU limits that decide which models can run; all sizes in bytes. */
export interface GpuLimits {
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
  maxComputeWorkgroupStorageSize: number;
  maxComputeInvocationsPerWorkgroup: number;
  maxComputeWorkgroupSizeX: number;
  maxComputeWorkgroupsPerDimension: number;
  maxStorageBuffersPerShaderStage: number;
}

export const GPU_LIMIT_NAMES = [
  "maxStorageBufferBindingSize",
  "maxBufferSize",
  "maxComputeWorkgroupStorageSize",
  "maxComputeInvocationsPerWorkgroup",
  "maxComputeWorkgroupSizeX",
  "maxComputeWorkgroupsPerDimension",
  "maxStorageBuffersPerShaderStage",
] as const satisfies readonly (keyof GpuLimits)[];

export interface AdapterSummary {
  /** Empty strings where the browser hides them (Chromium does unless a flag is set). */
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A software or otherwise degraded adapter (SwiftShader is one): correct but slow. */
  isFallbackAdapter: boolean;
  /** Sorted feature names as the adapter reports them. */
  features: string[];
  /** Half-precision shaders; web-llm's q4f16 models need it. */
  shaderF16: boolean;
  limits: GpuLimits;
}

/** Why WebGPU is not usable, in the terms a user can act on. */
export type WebGpuUnavailableReason =
  /** navigator.gpu is absent: an old browser, WebGPU disabled, or not a secure context. */
  | "no-navigator-gpu"
  /** requestAdapter() resolved to null: no usable GPU or driver, or a blocklisted one. */
  | "no-adapter"
  /** requestAdapter() threw. */
  | "request-failed";

export type WebGpuStatus =
  | { available: true; adapter: AdapterSummary }
  | { available: false; reason: WebGpuUnavailableReason; detail: string };

export interface StorageStatus {
  /** False when navigator.storage is missing (old browser or insecure context). */
  supported: boolean;
  /** Bytes this origin uses, as the browser estimates it; null when unknown. */
  usage: number | null;
  /** Bytes this origin may use before the browser refuses writes; null when unknown. */
  quota: number | null;
  /** True when the browser promised not to evict this origin's data; null when unknown. */
  persisted: boolean | null;
}

export interface Capabilities {
  webgpu: WebGpuStatus;
  storage: StorageStatus;
  /** SharedArrayBuffer and wasm threads need this (COOP/COEP headers). */
  crossOriginIsolated: boolean;
  secureContext: boolean;
  /** Logical CPU cores the browser admits to; null when hidden. */
  hardwareConcurrency: number | null;
  /** navigator.deviceMemory in GiB (Chromium only, rounded and capped); null when absent. */
  deviceMemoryGiB: number | null;
}
