// Wiring of the catalog and the capability report into chooseContextWindow (context-window.ts).
import { prebuiltAppConfig } from "@mlc-ai/web-llm";
import { expect, test } from "vitest";
import { GIB } from "../../src/core/models/bytes";
import { buildCatalog, findEntry } from "../../src/core/models/catalog";
import { contextWindowFor } from "../../src/core/models/context-window";
import { capabilities } from "./models-fixtures";

const catalog = buildCatalog(prebuiltAppConfig.model_list);
const entry = (id: string) => findEntry(catalog, id)!;

test("plenty of memory: the model's trained maximum (Qwen3: 40960)", () => {
  const choice = contextWindowFor(entry("Qwen3-0.6B-q4f16_1-MLC"), capabilities({ deviceMemoryGiB: 64 }));
  expect(choice).toMatchObject({ contextWindow: 40_960, limitedBy: "model" });
});

test("memory-bound: (memory × 0.7 − vram_required) / KV bytes per token, in multiples of 1024", () => {
  const qwen4 = entry("Qwen3-4B-q4f16_1-MLC");
  const choice = contextWindowFor(qwen4, capabilities({ deviceMemoryGiB: 8 }));
  const expected = Math.floor((8 * GIB * 0.7 - qwen4.memoryBytes) / 147_456 / 1024) * 1024;
  expect(choice).toMatchObject({ contextWindow: expected, limitedBy: "memory" });
  expect(choice.kvCacheBytes).toBe(expected * 147_456);
  // The f32 build's cache is twice as large per token, so its window is about half.
  const f32 = contextWindowFor(entry("Qwen3-4B-q4f32_1-MLC"), capabilities({ deviceMemoryGiB: 8 }));
  expect(f32.contextWindow).toBeLessThan(choice.contextWindow);
});

test("the user's cap wins when smaller", () => {
  const choice = contextWindowFor(entry("Qwen3-1.7B-q4f16_1-MLC"), capabilities({ deviceMemoryGiB: 64 }), { preferredTokens: 8192 });
  expect(choice).toMatchObject({ contextWindow: 8192, limitedBy: "preference" });
});

test("too little memory: InsufficientMemoryError with a hint", () => {
  expect(() => contextWindowFor(entry("Qwen3-8B-q4f32_1-MLC"), capabilities({ deviceMemoryGiB: 4 }))).toThrowError(
    expect.objectContaining({ name: "InsufficientMemoryError" }),
  );
});
