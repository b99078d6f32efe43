// The compress worker's side of persisted indexes: builds a stored document's index and keeps it
// in IndexedDB, and assembles the library for a question from stored indexes (building any that
// are missing), caching them so a new question over an unchanged library costs nothing to load.
import { DEFAULT_COMPRESS_CONFIG } from "../../core/compress/config";
import { indexDocument, mergeIndexes } from "../../core/compress/index-build";
import type { DocumentIndex, LibraryIndex } from "../../core/compress/types";
import { INDEX_FORMAT_VERSION } from "../../core/compress/library";
import { getDocument } from "../storage/documents-repository";
import { deleteStoredIndexes, getStoredIndex, listStoredIndexIds, putStoredIndex } from "../storage/compress-index-repository";
import type { LibraryLoadProgress, LibraryLoadStats } from "./protocol";

export interface UseOptions {
  signal?: AbortSignal;
  onProgress?: (progress: LibraryLoadProgress) => void;
}

const now = (): number => performance.now();

export class StoredLibrary {
  /** Indexes read or built in this worker, by document id. */
  private readonly cache = new Map<string, DocumentIndex>();
  /** Builds in flight, so an ingest-time build and a question's lazy build never run twice. */
  private readonly building = new Map<string, Promise<{ index: DocumentIndex; ms: number }>>();
  private loadedKey: string | null = null;
  library: LibraryIndex | null = null;

  /** Replaces the library with one built elsewhere (CompressPool.load); the next use() reloads. */
  adopt(index: LibraryIndex): void {
    this.library = index;
    this.loadedKey = null;
  }

  /** Builds the index of stored document `id` from its stored content, and stores it. */
  build(id: string): Promise<{ index: DocumentIndex; ms: number }> {
    const running = this.building.get(id);
    if (running) return running;
    const work = (async () => {
      const doc = await getDocument(id);
      const started = now();
      const index = indexDocument({ id, title: doc.name, text: doc.text, sections: doc.sections }, DEFAULT_COMPRESS_CONFIG.maxSentenceChars);
      const ms = now() - started;
      await putStoredIndex({ id, version: INDEX_FORMAT_VERSION, builtAt: Date.now(), buildMs: ms, index });
      this.cache.set(id, index);
      return { index, ms };
    })().finally(() => this.building.delete(id));
    this.building.set(id, work);
    return work;
  }

  /**
   * Makes the library of `ids` (in that order) the one questions are asked against. Indexes come
   * from this worker's cache, else IndexedDB, else are built now and stored. `allIds`, when given,
   * is every document still in the library: stored indexes of any other id are removed.
   */
  async use(ids: readonly string[], allIds: readonly string[] | undefined, options: UseOptions = {}): Promise<LibraryLoadStats> {
    const key = ids.join("\n");
    const stats: LibraryLoadStats = { documents: ids.length, fromCache: 0, fromStore: 0, built: 0, readMs: 0, buildMs: 0, mergeMs: 0, reused: false, pruned: 0 };
    if (allIds) stats.pruned = await this.prune(allIds);
    if (this.library && key === this.loadedKey) {
      stats.reused = true;
      stats.fromCache = ids.length;
      return stats;
    }
    let done = 0;
    const report = (): void => options.onProgress?.({ done, total: ids.length });
    for (const id of ids) {
      options.signal?.throwIfAborted();
      if (this.cache.has(id)) stats.fromCache++;
      else {
        const started = now();
        const stored = this.building.has(id) ? null : await getStoredIndex(id);
        stats.readMs += now() - started;
        if (stored) {
          this.cache.set(id, stored.index);
          stats.fromStore++;
        } else {
          const built = await this.build(id);
          stats.built++;
          stats.buildMs += built.ms;
        }
      }
      done++;
      report();
    }
    const started = now();
    this.library = mergeIndexes(ids.map((id) => this.cache.get(id)!));
    this.loadedKey = key;
    stats.mergeMs = now() - started;
    return stats;
  }

  /** Drops cached and stored indexes of documents no longer in the library; returns how many. */
  async prune(allIds: readonly string[]): Promise<number> {
    const keep = new Set(allIds);
    for (const id of [...this.cache.keys()]) if (!keep.has(id)) this.cache.delete(id);
    const orphans = (await listStoredIndexIds()).filter((id) => !keep.has(id) && !this.building.has(id));
    await deleteStoredIndexes(orphans);
    if (orphans.length > 0 || (this.library && this.library.docs.some((doc) => !keep.has(doc.id)))) this.loadedKey = null;
    return orphans.length;
  }
}
