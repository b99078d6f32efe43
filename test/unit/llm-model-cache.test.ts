// The cache manager (src/adapters/llm/model-cache.ts) over fake-indexeddb, with web-llm's own
// cache classes doing the deletes: the database/store names and record shape must be web-llm's.
import "fake-indexeddb/auto";
import { prebuiltAppConfig } from "@mlc-ai/web-llm";
import { openDB } from "idb";
import { expect, test } from "vitest";
import { buildCatalog, findEntry } from "../../src/core/models/catalog";
import { deleteAllCachedModels, deleteCachedModel, listCachedModels, modelBaseUrl } from "../../src/adapters/llm/model-cache";
import { folioAppConfig } from "../../src/adapters/llm/web-llm-catalog";

const catalog = buildCatalog(prebuiltAppConfig.model_list);
const appConfig = folioAppConfig(prebuiltAppConfig);
const entry = (id: string) => findEntry(catalog, id)!;

async function put(name: string, records: { url: string; data: unknown }[]): Promise<void> {
  const db = await openDB(name, 1, { upgrade: (d) => void d.createObjectStore("urls", { keyPath: "url" }) });
  for (const record of records) await db.put("urls", record);
  db.close();
}

async function keys(name: string): Promise<string[]> {
  const db = await openDB(name, 1);
  const all = (await db.getAllKeys("urls")).map(String);
  db.close();
  return all;
}

async function seed(id: string, stored: number): Promise<void> {
  const e = entry(id);
  const base = modelBaseUrl(e.modelUrl);
  const records = [0, 1, 2].map((i) => ({ dataPath: `params_shard_${i}.bin`, nbytes: 1000 * (i + 1), records: [] }));
  await put("webllm/model", [
    { url: `${base}tensor-cache.json`, data: { metadata: {}, records } },
    { url: `${base}tokenizer.json`, data: new ArrayBuffer(300) },
    ...records.slice(0, stored).map((r) => ({ url: `${base}${r.dataPath}`, data: new ArrayBuffer(r.nbytes) })),
  ]);
  await put("webllm/config", [{ url: `${base}mlc-chat-config.json`, data: new ArrayBuffer(200) }]);
  await put("webllm/wasm", [{ url: e.modelLibUrl, data: new ArrayBuffer(500) }]);
}

test("modelBaseUrl matches web-llm's cleanModelUrl", () => {
  expect(modelBaseUrl("https://huggingface.co/mlc-ai/Qwen3-4B-q4f16_1-MLC")).toBe("https://huggingface.co/mlc-ai/Qwen3-4B-q4f16_1-MLC/resolve/main/");
  expect(modelBaseUrl("https://example.org/m/resolve/v2/")).toBe("https://example.org/m/resolve/v2/");
});

test("empty before web-llm stored anything; lists, sizes, and deletes through web-llm", async () => {
  expect(await listCachedModels(catalog)).toEqual([]);
  await seed("Qwen3-1.7B-q4f32_1-MLC", 3);
  await seed("Qwen3-4B-q4f16_1-MLC", 1);
  const listed = await listCachedModels(catalog);
  const manifestBytes = (n: number) =>
    new TextEncoder().encode(JSON.stringify({ metadata: {}, records: [0, 1, 2].map((i) => ({ dataPath: `params_shard_${i}.bin`, nbytes: 1000 * (i + 1), records: [] })) })).byteLength + n;
  expect(listed).toEqual([
    { modelId: "Qwen3-1.7B-q4f32_1-MLC", bytes: 6000 + manifestBytes(300 + 200 + 500), shardsCached: 3, shardsTotal: 3, complete: true },
    { modelId: "Qwen3-4B-q4f16_1-MLC", bytes: 1000 + manifestBytes(300 + 200 + 500), shardsCached: 1, shardsTotal: 3, complete: false },
  ]);
  // web-llm itself agrees which one is complete.
  const webllm = await import("@mlc-ai/web-llm");
  expect(await webllm.hasModelInCache("Qwen3-1.7B-q4f32_1-MLC", appConfig)).toBe(true);
  expect(await webllm.hasModelInCache("Qwen3-4B-q4f16_1-MLC", appConfig)).toBe(false);

  await deleteCachedModel(entry("Qwen3-1.7B-q4f32_1-MLC"), appConfig);
  const base = modelBaseUrl(entry("Qwen3-1.7B-q4f32_1-MLC").modelUrl);
  expect((await keys("webllm/model")).filter((k) => k.startsWith(base))).toEqual([]);
  expect((await keys("webllm/config")).filter((k) => k.startsWith(base))).toEqual([]);
  expect(await keys("webllm/wasm")).toEqual([entry("Qwen3-4B-q4f16_1-MLC").modelLibUrl]);
  expect((await listCachedModels(catalog)).map((m) => m.modelId)).toEqual(["Qwen3-4B-q4f16_1-MLC"]);

  await deleteAllCachedModels(catalog, appConfig);
  expect(await listCachedModels(catalog)).toEqual([]);
  expect([...(await keys("webllm/model")), ...(await keys("webllm/config")), ...(await keys("webllm/wasm"))]).toEqual([]);
});

test("a model whose manifest never arrived is deleted without web-llm fetching it", async () => {
  const e = entry("Qwen3-0.6B-q4f32_1-MLC");
  await put("webllm/config", [{ url: `${modelBaseUrl(e.modelUrl)}mlc-chat-config.json`, data: new ArrayBuffer(10) }]);
  expect(await listCachedModels(catalog)).toEqual([{ modelId: e.modelId, bytes: 10, shardsCached: 0, shardsTotal: 0, complete: false }]);
  await deleteCachedModel(e, appConfig);
  expect(await listCachedModels(catalog)).toEqual([]);
});
