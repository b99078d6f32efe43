// The Models area's engine state: the catalog, loading a model into the app's active Engine (with
// progress and mapped errors), and the cache of downloaded models. Ask reaches the loaded model
// through getActiveEngine() in src/adapters/llm/active-engine.ts, not through this store.
import { create } from "zustand";
import type { AppConfig } from "@mlc-ai/web-llm";
import type { Capabilities, StorageStatus } from "../../core/models/capabilities";
import { findEntry, type CatalogEntry } from "../../core/models/catalog";
import { contextWindowFor } from "../../core/models/context-window";
import type { LoadProgress } from "../../core/models/progress";
import { getActiveEngine, setActiveEngine, subscribeActiveEngine } from "../../adapters/llm/active-engine";
import type { LoadedModel } from "../../adapters/llm/engine";
import { deleteAllCachedModels, deleteCachedModel, listCachedModels, type CachedModel } from "../../adapters/llm/model-cache";
import { loadWebLlmCatalog } from "../../adapters/llm/web-llm-catalog";
import { WebLlmEngine } from "../../adapters/llm/web-llm-engine";
import { mapWebLlmError } from "../../adapters/llm/web-llm-errors";
import { probeStorage, requestPersistence } from "../../adapters/gpu/capabilities";
import { serializeError, type SerializedError } from "../../lib/errors";

/** A failure as the UI shows it: the named error, and whether a retry button makes sense. */
export interface ShownError extends SerializedError {
  retryable: boolean;
}

export type LoadStatus = "idle" | "loading" | "ready" | "failed";

interface EngineStoreState {
  catalog: CatalogEntry[] | null;
  appConfig: AppConfig | null;
  catalogError: ShownError | null;

  loadStatus: LoadStatus;
  /** The model being loaded, loaded, or that failed last. */
  loadingModelId: string | null;
  progress: LoadProgress | null;
  loaded: LoadedModel | null;
  loadError: ShownError | null;

  cached: CachedModel[];
  cacheStatus: "idle" | "listing" | "ready" | "failed";
  /** The model id being deleted, "all", or null. */
  deleting: string | null;
  cacheError: ShownError | null;
  storage: StorageStatus | null;
  persistResult: "granted" | "declined" | null;

  loadCatalog: () => Promise<void>;
  /** Loads `modelId` with the context window this device allows; Download & load and Retry both call it. */
  loadModel: (modelId: string, capabilities: Capabilities) => Promise<void>;
  cancelLoad: () => void;
  unloadModel: () => Promise<void>;
  refreshCache: () => Promise<void>;
  deleteModel: (modelId: string) => Promise<void>;
  deleteAll: () => Promise<void>;
  makePersistent: () => Promise<void>;
}

/**
 * The active engine as a web-llm one: Ask may have made the tiny engine active, and the catalog's
 * models only load into web-llm, so a fresh WebLlmEngine replaces it (the old one is unloaded).
 */
async function webLlmEngine(): Promise<WebLlmEngine> {
  const active = getActiveEngine();
  if (active instanceof WebLlmEngine) return active;
  const engine: WebLlmEngine = new WebLlmEngine({ onChange: () => void (getActiveEngine() === engine && setActiveEngine(engine)) });
  await setActiveEngine(engine);
  return engine;
}

function shown(error: unknown): ShownError {
  const mapped = mapWebLlmError(error);
  return { ...serializeError(mapped.error), retryable: mapped.retryable };
}

let loadAbort: AbortController | null = null;

export const useEngineStore = create<EngineStoreState>()((set, get) => ({
  catalog: null,
  appConfig: null,
  catalogError: null,
  loadStatus: "idle",
  loadingModelId: null,
  progress: null,
  loaded: null,
  loadError: null,
  cached: [],
  cacheStatus: "idle",
  deleting: null,
  cacheError: null,
  storage: null,
  persistResult: null,

  loadCatalog: async () => {
    if (get().catalog) return;
    try {
      const { entries, appConfig } = await loadWebLlmCatalog();
      set({ catalog: entries, appConfig, catalogError: null });
      await get().refreshCache();
    } catch (error) {
      set({ catalogError: shown(error) });
    }
  },

  loadModel: async (modelId, capabilities) => {
    const entry = findEntry(get().catalog ?? [], modelId);
    if (!entry || get().loadStatus === "loading") return;
    loadAbort?.abort();
    const controller = new AbortController();
    loadAbort = controller;
    set({ loadStatus: "loading", loadingModelId: modelId, progress: null, loadError: null, loaded: null });
    try {
      const { contextWindow } = contextWindowFor(entry, capabilities);
      const loaded = await (await webLlmEngine()).load(modelId, {
        contextWindow,
        signal: controller.signal,
        onProgress: (progress) => {
          if (loadAbort === controller) set({ progress });
        },
      });
      set({ loadStatus: "ready", loaded, progress: null });
    } catch (error) {
      if (loadAbort !== controller) return;
      const loadError = shown(error);
      set(loadError.name === "CancelledError"
        ? { loadStatus: "idle", loadingModelId: null, progress: null }
        : { loadStatus: "failed", loadError, progress: null });
    } finally {
      if (loadAbort === controller) loadAbort = null;
      // A download, even a failed one, leaves finished shards in the cache.
      void get().refreshCache();
    }
  },

  cancelLoad: () => {
    loadAbort?.abort();
  },

  unloadModel: async () => {
    loadAbort?.abort();
    await getActiveEngine().unload();
    set({ loadStatus: "idle", loaded: null, loadingModelId: null, progress: null, loadError: null });
  },

  refreshCache: async () => {
    const catalog = get().catalog;
    if (!catalog) return;
    set({ cacheStatus: "listing" });
    try {
      const [cached, storage] = await Promise.all([
        listCachedModels(catalog),
        probeStorage(typeof navigator === "undefined" ? undefined : navigator.storage),
      ]);
      set({ cached, storage, cacheStatus: "ready", cacheError: null });
    } catch (error) {
      set({ cacheStatus: "failed", cacheError: shown(error) });
    }
  },

  deleteModel: async (modelId) => {
    const { catalog, appConfig } = get();
    const entry = findEntry(catalog ?? [], modelId);
    if (!entry || !appConfig) return;
    set({ deleting: modelId, cacheError: null });
    try {
      await deleteCachedModel(entry, appConfig);
    } catch (error) {
      set({ cacheError: shown(error) });
    } finally {
      set({ deleting: null });
      await get().refreshCache();
    }
  },

  deleteAll: async () => {
    const { catalog, appConfig } = get();
    if (!catalog || !appConfig) return;
    set({ deleting: "all", cacheError: null });
    try {
      await deleteAllCachedModels(catalog, appConfig);
    } catch (error) {
      set({ cacheError: shown(error) });
    } finally {
      set({ deleting: null });
      await get().refreshCache();
    }
  },

  makePersistent: async () => {
    try {
      const granted = await requestPersistence();
      set({ persistResult: granted ? "granted" : "declined" });
    } catch (error) {
      set({ cacheError: shown(error) });
    }
    await get().refreshCache();
  },
}));

// Ask can make another engine active (the tiny checkpoint) or unload; the panel then no longer
// claims the model it loaded is there.
subscribeActiveEngine(() => {
  const { loadStatus, loaded } = useEngineStore.getState();
  if (loadStatus !== "ready" || !loaded) return;
  if (getActiveEngine().capabilities?.modelId !== loaded.capabilities.modelId) useEngineStore.setState({ loadStatus: "idle", loaded: null });
});
