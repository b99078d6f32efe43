// The cache manager: what web-llm has stored for each model in IndexedDB, how big it is, and
// deleting it. Reads web-llm 0.2.86's own stores: with cacheBackend "indexeddb" its
// ArtifactIndexedDBCache keeps one database per scope ("webllm/model" for weights and tokenizer,
// "webllm/config" for mlc-chat-config.json, "webllm/wasm" for the model library), each with one
// object store "urls" of records {url, data} keyed by the file's URL (data: ArrayBuffer, or the
// parsed JSON for tensor-cache.json). Deletion goes through web-llm's own deleteModelAllInfoInCache.
import { openDB, type IDBPDatabase } from "idb";
import type { AppConfig } from "@mlc-ai/web-llm";
import type { CatalogEntry } from "../../core/models/catalog";
import { loadWebLlm } from "./web-llm-catalog";

export const WEB_LLM_DATABASES = { model: "webllm/model", config: "webllm/config", wasm: "webllm/wasm" } as const;
export const WEB_LLM_STORE = "urls";
/** The weights manifest web-llm fetches first; lists every shard with its size. */
export const TENSOR_CACHE_MANIFEST = "tensor-cache.json";

type Scope = keyof typeof WEB_LLM_DATABASES;

export interface CachedModel {
  modelId: string;
  /** Bytes stored for this model: shard sizes from the manifest plus the measured small files. */
  bytes: number;
  /** Weight shards stored, and in all (from the manifest; 0 when the manifest is not stored yet). */
  shardsCached: number;
  shardsTotal: number;
  /** Every shard is stored: loading needs no network. */
  complete: boolean;
}

interface ManifestRecord {
  dataPath: string;
  nbytes: number;
}

/** web-llm's cleanModelUrl: "https://host/user/model" -> "https://host/user/model/resolve/main/". */
export function modelBaseUrl(modelUrl: string): string {
  let url = modelUrl.endsWith("/") ? modelUrl : `${modelUrl}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += "resolve/main/";
  return new URL(url).href;
}

/** Opens one of web-llm's databases with web-llm's exact schema (version 1, store "urls" keyed by url). */
function openScope(scope: Scope): Promise<IDBPDatabase> {
  return openDB(WEB_LLM_DATABASES[scope], 1, {
    upgrade(db) {
      if (!db.objectStoreNames.contains(WEB_LLM_STORE)) db.createObjectStore(WEB_LLM_STORE, { keyPath: "url" });
    },
  });
}

/**
 * Runs `fn` on each of web-llm's databases that exists. Databases web-llm has not created yet are
 * skipped rather than opened, where the browser can list them (indexedDB.databases()).
 */
async function withScopes<T>(fn: (scope: Scope, db: IDBPDatabase) => Promise<T>): Promise<Map<Scope, T>> {
  const existing =
    typeof indexedDB.databases === "function" ? new Set((await indexedDB.databases()).map((info) => info.name)) : null;
  const results = new Map<Scope, T>();
  for (const scope of Object.keys(WEB_LLM_DATABASES) as Scope[]) {
    if (existing && !existing.has(WEB_LLM_DATABASES[scope])) continue;
    const db = await openScope(scope);
    try {
      results.set(scope, await fn(scope, db));
    } finally {
      db.close();
    }
  }
  return results;
}

/** Bytes of one stored value: an ArrayBuffer's length, or the length of parsed JSON written back out. */
function sizeOf(data: unknown): number {
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (data === undefined || data === null) return 0;
  return new TextEncoder().encode(JSON.stringify(data)).byteLength;
}

async function valueSize(db: IDBPDatabase, url: string): Promise<number> {
  const record = (await db.get(WEB_LLM_STORE, url)) as { data?: unknown } | undefined;
  return sizeOf(record?.data);
}

/**
 * Every catalog model with something stored, with its size. Shard sizes come from the stored
 * manifest (reading gigabytes of shards just to measure them would be slow and use that much
 * memory); the tokenizer, manifest, config and wasm are read and measured.
 */
export async function listCachedModels(catalog: readonly CatalogEntry[]): Promise<CachedModel[]> {
  const keys = await withScopes(async (_scope, db) => (await db.getAllKeys(WEB_LLM_STORE)).map(String));
  const modelKeys = keys.get("model") ?? [];
  const configKeys = new Set(keys.get("config") ?? []);
  const wasmKeys = new Set(keys.get("wasm") ?? []);
  const cached: CachedModel[] = [];
  const db = { model: modelKeys.length > 0 ? await openScope("model") : null, config: configKeys.size > 0 ? await openScope("config") : null, wasm: wasmKeys.size > 0 ? await openScope("wasm") : null };
  try {
    for (const entry of catalog) {
      const base = modelBaseUrl(entry.modelUrl);
      const stored = modelKeys.filter((key) => key.startsWith(base));
      const configUrl = new URL("mlc-chat-config.json", base).href;
      const hasConfig = configKeys.has(configUrl);
      const hasWasm = wasmKeys.has(entry.modelLibUrl);
      if (stored.length === 0 && !hasConfig) continue; // a wasm alone may belong to another model sharing it
      const manifestUrl = new URL(TENSOR_CACHE_MANIFEST, base).href;
      const manifestRecord = db.model && stored.includes(manifestUrl)
        ? ((await db.model.get(WEB_LLM_STORE, manifestUrl)) as { data?: { records?: ManifestRecord[] } } | undefined)
        : undefined;
      const records = manifestRecord?.data?.records ?? [];
      const storedSet = new Set(stored);
      const shardUrls = new Set<string>();
      let bytes = 0;
      let shardsCached = 0;
      for (const record of records) {
        const url = new URL(record.dataPath, base).href;
        shardUrls.add(url);
        if (storedSet.has(url)) {
          shardsCached += 1;
          bytes += record.nbytes;
        }
      }
      for (const url of stored) {
        if (!shardUrls.has(url) && db.model) bytes += await valueSize(db.model, url);
      }
      if (hasConfig && db.config) bytes += await valueSize(db.config, configUrl);
      if (hasWasm && db.wasm) bytes += await valueSize(db.wasm, entry.modelLibUrl);
      cached.push({ modelId: entry.modelId, bytes, shardsCached, shardsTotal: records.length, complete: records.length > 0 && shardsCached === records.length });
    }
  } finally {
    db.model?.close();
    db.config?.close();
    db.wasm?.close();
  }
  return cached;
}

/**
 * Deletes everything web-llm stored for `entry`, with web-llm's deleteModelAllInfoInCache and the
 * same appConfig the engine uses. web-llm reads the manifest to find the shards and would fetch it
 * from the network when it is not stored, so without a stored manifest only the config and wasm go
 * through web-llm. Either way, whatever is left under the model's URL (the manifest itself, which
 * web-llm keeps) is removed after.
 */
export async function deleteCachedModel(entry: CatalogEntry, appConfig: AppConfig): Promise<void> {
  const webllm = await loadWebLlm();
  const base = modelBaseUrl(entry.modelUrl);
  const manifestUrl = new URL(TENSOR_CACHE_MANIFEST, base).href;
  const present = await withScopes(async (scope, db) => (scope === "model" ? (await db.getKey(WEB_LLM_STORE, manifestUrl)) !== undefined : false));
  if (present.get("model") === true) {
    await webllm.deleteModelAllInfoInCache(entry.modelId, appConfig);
  } else {
    await webllm.deleteChatConfigInCache(entry.modelId, appConfig);
    await webllm.deleteModelWasmInCache(entry.modelId, appConfig);
  }
  await withScopes(async (scope, db) => {
    if (scope === "wasm") return;
    const tx = db.transaction(WEB_LLM_STORE, "readwrite");
    const keys = (await tx.store.getAllKeys()).map(String).filter((key) => key.startsWith(base));
    await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
  });
}

/** Deletes every listed model through web-llm, then clears whatever else is left in web-llm's stores. */
export async function deleteAllCachedModels(catalog: readonly CatalogEntry[], appConfig: AppConfig): Promise<void> {
  const cached = await listCachedModels(catalog);
  for (const model of cached) {
    const entry = catalog.find((candidate) => candidate.modelId === model.modelId);
    if (entry) await deleteCachedModel(entry, appConfig);
  }
  await withScopes(async (_scope, db) => db.clear(WEB_LLM_STORE));
}
