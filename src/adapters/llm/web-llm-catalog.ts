// web-llm's prebuilt model list as Folio's catalog, and the one AppConfig every web-llm call gets.
// web-llm (about 6 MB of JS) is imported lazily, so the app shell loads without it.
import type * as WebLlm from "@mlc-ai/web-llm";
import type { AppConfig } from "@mlc-ai/web-llm";
import { buildCatalog, type CatalogEntry } from "../../core/models/catalog";

/** The web-llm module, loaded once on first use (a separate chunk). */
export type WebLlmModule = typeof WebLlm;

let modulePromise: Promise<WebLlmModule> | null = null;

export function loadWebLlm(): Promise<WebLlmModule> {
  modulePromise ??= import("@mlc-ai/web-llm");
  return modulePromise;
}

/**
 * Folio's AppConfig: web-llm's prebuilt list, weights cached in IndexedDB. Every web-llm call
 * (the engine, hasModelInCache, deleteModelAllInfoInCache) must get this same object, or web-llm
 * looks in the Cache API instead and finds nothing.
 */
export function folioAppConfig(prebuilt: AppConfig): AppConfig {
  return { model_list: prebuilt.model_list, cacheBackend: "indexeddb" };
}

export interface WebLlmCatalog {
  appConfig: AppConfig;
  entries: CatalogEntry[];
}

let catalogPromise: Promise<WebLlmCatalog> | null = null;

/** The catalog of reasoning models from the installed web-llm's prebuiltAppConfig.model_list. */
export function loadWebLlmCatalog(): Promise<WebLlmCatalog> {
  catalogPromise ??= loadWebLlm().then((webllm) => {
    const appConfig = folioAppConfig(webllm.prebuiltAppConfig);
    return { appConfig, entries: buildCatalog(appConfig.model_list) };
  });
  return catalogPromise;
}
