// Capability reports for unit tests: a SwiftShader-like device (what the e2e machine has) to vary.
import type { AdapterSummary, Capabilities } from "../../src/core/models/capabilities";
import { GIB, KIB } from "../../src/core/models/bytes";

export function swiftshaderAdapter(overrides: Partial<AdapterSummary> = {}): AdapterSummary {
  return {
    vendor: "google",
    architecture: "swiftshader",
    device: "",
    description: "",
    isFallbackAdapter: true,
    features: ["subgroups", "timestamp-query"],
    shaderF16: false,
    limits: {
      maxStorageBufferBindingSize: GIB,
      maxBufferSize: GIB,
      maxComputeWorkgroupStorageSize: 32 * KIB,
      maxComputeInvocationsPerWorkgroup: 256,
      maxComputeWorkgroupSizeX: 256,
      maxComputeWorkgroupsPerDimension: 65_535,
      maxStorageBuffersPerShaderStage: 10,
    },
    ...overrides,
  };
}

export function capabilities(overrides: Partial<Capabilities> = {}): Capabilities {
  return {
    webgpu: { available: true, adapter: swiftshaderAdapter() },
    storage: { supported: true, usage: 0, quota: 10 * GIB, persisted: false },
    crossOriginIsolated: true,
    secureContext: true,
    hardwareConcurrency: 8,
    deviceMemoryGiB: 16,
    ...overrides,
  };
}
