// Capability probing against fake browser objects (src/adapters/gpu/capabilities.ts); the real
// browser path is covered end to end in test/e2e/capabilities.e2e.ts.
import { describe, expect, test } from "vitest";
import { probeCapabilities, probeStorage, probeWebGpu, requestPersistence, type ProbeSource } from "../../src/adapters/gpu/capabilities";

function fakeAdapter(features: string[], info: Partial<GPUAdapterInfo> = {}): GPUAdapter {
  const limits = {
    maxStorageBufferBindingSize: 2 ** 30,
    maxBufferSize: 2 ** 30,
    maxComputeWorkgroupStorageSize: 32768,
    maxComputeInvocationsPerWorkgroup: 256,
    maxComputeWorkgroupSizeX: 256,
    maxComputeWorkgroupsPerDimension: 65535,
    maxStorageBuffersPerShaderStage: 10,
    maxBindGroups: 4,
  };
  return { features: new Set(features), limits, info: { vendor: "acme", architecture: "rdna", device: "", description: "Acme X", isFallbackAdapter: false, ...info } } as unknown as GPUAdapter;
}

function fakeGpu(requestAdapter: () => Promise<GPUAdapter | null>): GPU {
  return { requestAdapter } as unknown as GPU;
}

function fakeStorage(overrides: Partial<StorageManager> = {}): StorageManager {
  return {
    estimate: async () => ({ usage: 1234, quota: 5678 }),
    persisted: async () => false,
    persist: async () => true,
    ...overrides,
  } as StorageManager;
}

describe("probeWebGpu", () => {
  test("no navigator.gpu", async () => {
    expect(await probeWebGpu(undefined)).toMatchObject({ available: false, reason: "no-navigator-gpu" });
  });

  test("requestAdapter returns null", async () => {
    expect(await probeWebGpu(fakeGpu(async () => null))).toMatchObject({ available: false, reason: "no-adapter" });
  });

  test("requestAdapter throws", async () => {
    const status = await probeWebGpu(fakeGpu(async () => Promise.reject(new TypeError("gpu process crashed"))));
    expect(status).toEqual({ available: false, reason: "request-failed", detail: "TypeError: gpu process crashed" });
  });

  test("an adapter: info, sorted features, shader-f16 and only the limits Folio reads", async () => {
    const status = await probeWebGpu(fakeGpu(async () => fakeAdapter(["subgroups", "shader-f16"])));
    if (!status.available) throw new Error("expected an adapter");
    expect(status.adapter).toMatchObject({ vendor: "acme", architecture: "rdna", description: "Acme X", isFallbackAdapter: false, shaderF16: true });
    expect(status.adapter.features).toEqual(["shader-f16", "subgroups"]);
    expect(Object.keys(status.adapter.limits)).not.toContain("maxBindGroups");
    expect(status.adapter.limits.maxStorageBufferBindingSize).toBe(2 ** 30);
  });

  test("older browsers: isFallbackAdapter on the adapter itself", async () => {
    const adapter = fakeAdapter([], { isFallbackAdapter: undefined });
    (adapter as unknown as { isFallbackAdapter: boolean }).isFallbackAdapter = true;
    const status = await probeWebGpu(fakeGpu(async () => adapter));
    expect(status.available && status.adapter.isFallbackAdapter).toBe(true);
  });
});

describe("probeStorage and requestPersistence", () => {
  test("usage, quota and persisted; missing storage is 'unsupported'", async () => {
    expect(await probeStorage(fakeStorage())).toEqual({ supported: true, usage: 1234, quota: 5678, persisted: false });
    expect(await probeStorage(undefined)).toEqual({ supported: false, usage: null, quota: null, persisted: null });
  });

  test("a rejected estimate keeps the persisted answer", async () => {
    const storage = fakeStorage({ estimate: () => Promise.reject(new Error("denied")) });
    expect(await probeStorage(storage)).toEqual({ supported: true, usage: null, quota: null, persisted: false });
  });

  test("persist() answers are passed through", async () => {
    expect(await requestPersistence({ storage: fakeStorage() })).toBe(true);
    expect(await requestPersistence({ storage: fakeStorage({ persist: async () => false }) })).toBe(false);
    expect(await requestPersistence({ storage: undefined })).toBe(false);
  });
});

test("probeCapabilities combines GPU, storage and the environment", async () => {
  const source: ProbeSource = {
    gpu: undefined,
    storage: fakeStorage(),
    isSecureContext: true,
    crossOriginIsolated: false,
    hardwareConcurrency: 4,
    deviceMemory: undefined,
  };
  const caps = await probeCapabilities(source);
  expect(caps.webgpu.available).toBe(false);
  expect(caps).toMatchObject({ crossOriginIsolated: false, secureContext: true, hardwareConcurrency: 4, deviceMemoryGiB: null });
  expect(caps.storage.quota).toBe(5678);
});
