// The reasoning-model catalog and its recommendation (src/core/models/catalog.ts), over the real
// web-llm 0.2.86 prebuilt list and over fake capability sets.
import { prebuiltAppConfig } from "@mlc-ai/web-llm";
import { describe, expect, test } from "vitest";
import { GIB, MIB } from "../../src/core/models/bytes";
import { buildCatalog, findEntry, recommendModel, toCatalogEntry } from "../../src/core/models/catalog";
import { folioAppConfig } from "../../src/adapters/llm/web-llm-catalog";
import { capabilities, swiftshaderAdapter } from "./models-fixtures";

const catalog = buildCatalog(prebuiltAppConfig.model_list);
const entry = (id: string) => {
  const found = findEntry(catalog, id);
  if (!found) throw new Error(`${id} is not in the catalog`);
  return found;
};
const gpu = (overrides: Parameters<typeof swiftshaderAdapter>[0] = {}) =>
  ({ available: true, adapter: swiftshaderAdapter({ isFallbackAdapter: false, vendor: "nvidia", architecture: "ampere", ...overrides }) }) as const;

describe("buildCatalog over web-llm's real list", () => {
  test("holds the reasoning families: Qwen3 0.6B-8B, the R1 distills, Qwen3.5; nothing else", () => {
    const ids = catalog.map((e) => e.modelId);
    for (const size of ["0.6B", "1.7B", "4B", "8B"]) {
      expect(ids).toContain(`Qwen3-${size}-q4f16_1-MLC`);
      expect(ids).toContain(`Qwen3-${size}-q4f32_1-MLC`);
    }
    expect(ids).toContain("DeepSeek-R1-Distill-Qwen-7B-q4f32_1-MLC");
    expect(ids).toContain("DeepSeek-R1-Distill-Llama-8B-q4f16_1-MLC");
    expect(ids.some((id) => id.startsWith("Qwen3.5-"))).toBe(true);
    expect(ids.every((id) => /^(Qwen3|Qwen3\.5|DeepSeek-R1-Distill)-/.test(id))).toBe(true);
    expect(ids.some((id) => id.startsWith("Llama-3"))).toBe(false);
    // Qwen3 first, smallest first.
    expect(catalog[0]?.family).toBe("qwen3");
    expect(catalog[0]?.name).toBe("Qwen3 0.6B");
  });

  test("figures of one entry: download computed from parameters, memory from vram_required_MB, windows", () => {
    const qwen4 = entry("Qwen3-4B-q4f32_1-MLC");
    expect(qwen4).toMatchObject({ family: "qwen3", format: "q4f32_1", precision: "f32", templateFamily: "qwen3", thinkingSwitch: true });
    expect(qwen4.downloadBytes).toBe(Math.round((4.02e9 * 5) / 8));
    expect(qwen4.memoryBytes).toBe(Math.round(4327.71 * MIB));
    expect(qwen4.defaultContextWindow).toBe(4096);
    expect(qwen4.maxContextWindow).toBe(40_960);
    expect(qwen4.kvBytesPerToken).toBe(2 * 147_456); // f32 cache: twice the f16 144 KiB
    expect(entry("Qwen3-4B-q4f16_1-MLC").kvBytesPerToken).toBe(147_456);
    expect(entry("Qwen3-4B-q4f16_1-MLC").downloadBytes).toBeLessThan(qwen4.downloadBytes);
    const r1 = entry("DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC");
    expect(r1).toMatchObject({ templateFamily: null, thinkingSwitch: false, supportsThinking: true });
  });

  test("non-reasoning and unknown records are left out", () => {
    const base = { model: "https://example.org/m", model_lib: "https://example.org/m.wasm" };
    expect(toCatalogEntry({ ...base, model_id: "Llama-3.2-1B-Instruct-q4f16_1-MLC" })).toBeNull();
    expect(toCatalogEntry({ ...base, model_id: "Qwen3-4B-q3f16_1-MLC" })).toBeNull();
    expect(toCatalogEntry({ ...base, model_id: "Qwen3-14B-q4f16_1-MLC" })?.parameters).toBe(14e9);
  });

  test("folioAppConfig keeps the whole list and caches in IndexedDB", () => {
    const config = folioAppConfig(prebuiltAppConfig);
    expect(config.cacheBackend).toBe("indexeddb");
    expect(config.model_list).toBe(prebuiltAppConfig.model_list);
  });
});

describe("recommendModel", () => {
  test("SwiftShader (no shader-f16, software adapter): the smallest q4f32 Qwen3", () => {
    const rec = recommendModel(catalog, capabilities());
    expect(rec.modelId).toBe("Qwen3-0.6B-q4f32_1-MLC");
    expect(rec.reasons.join(" ")).toContain("q4f32");
    const f16 = rec.assessments.find((a) => a.modelId === "Qwen3-0.6B-q4f16_1-MLC");
    expect(f16?.fit).toBe("needs-f16");
  });

  test("a real GPU with shader-f16 and 16 GiB: the largest q4f16 Qwen3 within 60% of memory", () => {
    const rec = recommendModel(catalog, capabilities({ webgpu: gpu({ shaderF16: true }), deviceMemoryGiB: 16 }));
    expect(rec.modelId).toBe("Qwen3-8B-q4f16_1-MLC");
  });

  test("a real GPU without shader-f16 and 8 GiB: q4f32, and 8B no longer fits", () => {
    const rec = recommendModel(catalog, capabilities({ webgpu: gpu(), deviceMemoryGiB: 8 }));
    expect(rec.modelId).toBe("Qwen3-4B-q4f32_1-MLC");
    expect(rec.assessments.find((a) => a.modelId === "Qwen3-8B-q4f32_1-MLC")?.fit).toBe("too-big");
  });

  test("little memory: a smaller model", () => {
    const rec = recommendModel(catalog, capabilities({ webgpu: gpu({ shaderF16: true }), deviceMemoryGiB: 4 }));
    expect(rec.modelId).toBe("Qwen3-1.7B-q4f16_1-MLC");
    const tiny = recommendModel(catalog, capabilities({ webgpu: gpu({ shaderF16: true }), deviceMemoryGiB: 3 }));
    expect(tiny.modelId).toBe("Qwen3-0.6B-q4f16_1-MLC");
  });

  test("hidden device memory assumes 8 GiB and says so", () => {
    const rec = recommendModel(catalog, capabilities({ webgpu: gpu({ shaderF16: true }), deviceMemoryGiB: null }));
    expect(rec.modelId).toBe("Qwen3-4B-q4f16_1-MLC");
    expect(rec.reasons.join(" ")).toContain("assuming 8 GiB");
  });

  test("buffer limits under 1 GiB: only web-llm's low-resource models", () => {
    const limits = { ...swiftshaderAdapter().limits, maxStorageBufferBindingSize: 512 * MIB };
    const rec = recommendModel(catalog, capabilities({ webgpu: gpu({ shaderF16: true, limits }), deviceMemoryGiB: 16 }));
    expect(rec.modelId).toBe("Qwen3-4B-q4f16_1-MLC"); // 8B is not low-resource in web-llm's list
    expect(rec.assessments.find((a) => a.modelId === "Qwen3-8B-q4f16_1-MLC")?.fit).toBe("too-big");
  });

  test("no WebGPU, or limits web-llm refuses: no recommendation, every entry unsupported", () => {
    const none = recommendModel(catalog, capabilities({ webgpu: { available: false, reason: "no-adapter", detail: "" } }));
    expect(none.modelId).toBeNull();
    expect(none.assessments.every((a) => a.fit === "unsupported")).toBe(true);
    const limits = { ...swiftshaderAdapter().limits, maxComputeWorkgroupStorageSize: 16 * 1024 };
    expect(recommendModel(catalog, capabilities({ webgpu: gpu({ limits }) })).modelId).toBeNull();
  });

  test("memory too small for any Qwen3: null with a reason", () => {
    const rec = recommendModel(catalog, capabilities({ webgpu: gpu({ shaderF16: true }), deviceMemoryGiB: 1 }));
    expect(rec.modelId).toBeNull();
    expect(rec.reasons[0]).toContain("No Qwen3 model fits");
    expect(GIB).toBeGreaterThan(0);
  });
});
