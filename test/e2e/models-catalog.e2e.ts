// User journeys in Models beyond the system report: the catalog and its recommendation on
// SwiftShader, a download that fails for lack of network (mapped error, retry), and the cache
// manager against web-llm's real IndexedDB stores, seeded in the page with web-llm's exact schema.
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { appUrl, artifactPath, newPage, setupBrowser } from "./browser";

const browser = setupBrowser();
const realGpu = process.env.FOLIO_E2E_REAL_GPU === "1";

async function openModels(page: Page): Promise<void> {
  await page.goto(appUrl("#/models"));
  await page.getByTestId("catalog-table").waitFor({ timeout: 60_000 });
}

test("the catalog lists reasoning models and recommends a q4f32 build without shader-f16", async () => {
  const { page } = await newPage(browser());
  await openModels(page);

  const rows = page.getByTestId("catalog-table").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThanOrEqual(8);
  const qwen = page.getByTestId("catalog-row-Qwen3-4B-q4f32_1-MLC");
  expect(await qwen.textContent()).toContain("Qwen3 4B");
  expect(await qwen.textContent()).toContain("q4f32_1");
  expect(Number(await qwen.getByTestId("download-size").getAttribute("data-bytes"))).toBeGreaterThan(2e9);
  expect(await page.getByTestId("catalog-row-DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC").count()).toBe(1);

  const recommended = await page.getByTestId("recommendation").getAttribute("data-model-id");
  if (!realGpu) {
    // SwiftShader: no shader-f16, a software adapter, so the smallest q4f32 Qwen3.
    expect(recommended).toBe("Qwen3-0.6B-q4f32_1-MLC");
    expect(await page.getByTestId("catalog-row-Qwen3-0.6B-q4f16_1-MLC").getAttribute("data-fit")).toBe("needs-f16");
    expect(await page.getByTestId("load-Qwen3-0.6B-q4f16_1-MLC").isDisabled()).toBe(true);
  }
  const badgeRow = page.getByTestId(`catalog-row-${recommended}`);
  expect(await badgeRow.getByTestId("recommended-badge").textContent()).toBe("Recommended for this machine");
  await page.screenshot({ path: artifactPath("models-catalog.png"), fullPage: true });
});

test("Download & load without a network fails quickly with the mapped network error and a retry", async () => {
  const { page } = await newPage(browser());
  await openModels(page);
  const modelId = (await page.getByTestId("recommendation").getAttribute("data-model-id")) ?? "";
  expect(modelId).not.toBe("");

  const started = Date.now();
  await page.getByTestId(`load-${modelId}`).click();
  const error = page.getByTestId("load-error");
  await error.waitFor({ timeout: 90_000 });
  const seconds = (Date.now() - started) / 1000;
  expect(await error.getAttribute("data-error")).toBe("ModelDownloadError");
  expect(await error.textContent()).toContain("the network connection failed");
  expect(await page.getByTestId("load-error-hint").textContent()).toContain("Check your connection");
  expect(await page.getByTestId("engine-status").getAttribute("data-status")).toBe("failed");
  console.log(`[e2e] the offline download failed after ${seconds.toFixed(1)} s`);
  expect(seconds).toBeLessThan(65); // an immediate fetch failure, or at worst the 60 s stall timer

  // Retry runs the load again and lands on the same mapped error.
  await page.getByTestId("retry-load").click();
  await page.waitForFunction(() => document.querySelector("[data-testid=engine-status]")?.getAttribute("data-status") !== "failed", null, { timeout: 5000 }).catch(() => undefined);
  await error.waitFor({ timeout: 90_000 });
  expect(await error.getAttribute("data-error")).toBe("ModelDownloadError");
  await page.screenshot({ path: artifactPath("models-load-error.png"), fullPage: true });
});

/** Seeds web-llm's three IndexedDB databases ("webllm/model|config|wasm", store "urls", keyPath "url"). */
async function seedWebLlmCache(page: Page, model: { id: string; base: string; lib: string; shards: number; stored: number }): Promise<number> {
  return page.evaluate(async ({ base, lib, shards, stored }) => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => {
          if (!request.result.objectStoreNames.contains("urls")) request.result.createObjectStore("urls", { keyPath: "url" });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const put = async (name: string, records: { url: string; data: unknown }[]) => {
      const db = await open(name);
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction("urls", "readwrite");
        for (const record of records) tx.objectStore("urls").put(record);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    };
    const shardBytes = 64 * 1024;
    const manifest = {
      metadata: { ParamSize: shards },
      records: Array.from({ length: shards }, (_, i) => ({ dataPath: `params_shard_${i}.bin`, format: "raw-shard", nbytes: shardBytes * (i + 1), records: [] })),
    };
    const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).buffer;
    const tokenizer = new ArrayBuffer(3000);
    const config = json({ context_window_size: 40960, tokenizer_files: ["tokenizer.json"] });
    const wasm = new ArrayBuffer(5000);
    await put("webllm/model", [
      { url: `${base}tensor-cache.json`, data: manifest },
      { url: `${base}tokenizer.json`, data: tokenizer },
      ...manifest.records.slice(0, stored).map((r) => ({ url: `${base}${r.dataPath}`, data: new ArrayBuffer(r.nbytes) })),
    ]);
    await put("webllm/config", [{ url: `${base}mlc-chat-config.json`, data: config }]);
    await put("webllm/wasm", [{ url: lib, data: wasm }]);
    const shardTotal = manifest.records.slice(0, stored).reduce((sum, r) => sum + r.nbytes, 0);
    return shardTotal + new TextEncoder().encode(JSON.stringify(manifest)).byteLength + tokenizer.byteLength + config.byteLength + wasm.byteLength;
  }, model);
}

/** Every key under `base` (and the wasm URL) left in web-llm's three databases. */
async function remainingKeys(page: Page, base: string, lib: string): Promise<string[]> {
  return page.evaluate(async ({ base, lib }) => {
    const keys: string[] = [];
    for (const name of ["webllm/model", "webllm/config", "webllm/wasm"]) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const request = db.transaction("urls").objectStore("urls").getAllKeys();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      keys.push(...all.map(String).filter((key) => key.startsWith(base) || key === lib));
    }
    return keys;
  }, { base, lib });
}

test("the cache manager lists web-llm's stored models with sizes and deletes them through the UI", async () => {
  const { page } = await newPage(browser());
  await openModels(page);
  // web-llm 0.2.86 prebuilt URLs: the model repo (cleaned as web-llm does) and its wasm library.
  const hf = "https://huggingface.co/mlc-ai";
  const libs = "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base";
  const complete = { id: "Qwen3-1.7B-q4f32_1-MLC", base: `${hf}/Qwen3-1.7B-q4f32_1-MLC/resolve/main/`, lib: `${libs}/Qwen3-1.7B-q4f32_1_cs1k-webgpu.wasm`, shards: 3, stored: 3 };
  const partial = { id: "Qwen3-4B-q4f32_1-MLC", base: `${hf}/Qwen3-4B-q4f32_1-MLC/resolve/main/`, lib: `${libs}/Qwen3-4B-q4f32_1_cs1k-webgpu.wasm`, shards: 4, stored: 1 };
  const completeBytes = await seedWebLlmCache(page, complete);
  const partialBytes = await seedWebLlmCache(page, partial);

  await page.getByTestId("refresh-cache").click();
  const completeRow = page.getByTestId(`cached-${complete.id}`);
  await completeRow.waitFor();
  expect(Number(await completeRow.getAttribute("data-bytes"))).toBe(completeBytes);
  expect(await completeRow.textContent()).toContain("Complete");
  const partialRow = page.getByTestId(`cached-${partial.id}`);
  expect(Number(await partialRow.getAttribute("data-bytes"))).toBe(partialBytes);
  expect(await partialRow.textContent()).toContain("Partial: 1 of 4 shards");
  expect(await page.getByTestId("cache-storage").textContent()).toMatch(/uses .+ of .+/);
  expect(Number(await page.getByTestId("cache-storage").getAttribute("data-quota"))).toBeGreaterThan(0);
  await page.screenshot({ path: artifactPath("models-cache.png"), fullPage: true });

  // Delete one: it goes through web-llm's deleteModelAllInfoInCache, then Folio sweeps the manifest.
  expect((await remainingKeys(page, complete.base, complete.lib)).length).toBe(7); // manifest, tokenizer, 3 shards, config, wasm
  await page.getByTestId(`delete-${complete.id}`).click();
  await completeRow.waitFor({ state: "detached" });
  expect(await remainingKeys(page, complete.base, complete.lib)).toEqual([]);
  expect(await partialRow.count()).toBe(1);
  expect((await remainingKeys(page, partial.base, partial.lib)).length).toBe(5);

  // Delete all: the partial download goes too, and the list is empty.
  await page.getByTestId("delete-all").click();
  await page.getByTestId("cache-empty").waitFor();
  expect(await remainingKeys(page, partial.base, partial.lib)).toEqual([]);

  // The same stores after a reload: still empty.
  await openModels(page);
  await page.getByTestId("cache-empty").waitFor();
});
