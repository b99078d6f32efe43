// A pool of compress workers sized to the machine: documents are split into windows indexed in
// parallel, merged here, and the merged library is loaded into one worker that answers questions
// so the page's thread stays free.
import type { CompressConfig } from "../../core/compress/config";
import { mergeIndexes } from "../../core/compress/index-build";
import { indexBuffers, serializeIndex, type PlainDocument } from "../../core/compress/library";
import type { CompressRequest, CompressResult, LibraryIndex } from "../../core/compress/types";
import { planWindows, poolSize } from "../../core/compress/windows";
import { createRpcClient, type MessagePortLike, type RpcClient } from "../../lib/rpc";
import type { CompressMethods, LibraryLoadProgress, LibraryLoadStats } from "./protocol";

export interface WorkerLike extends MessagePortLike {
  terminate(): void;
}

export interface CompressPoolOptions {
  /** Number of workers; defaults to the machine's hardware threads minus one, capped at 4. */
  size?: number;
  /** Starts one worker; defaults to the bundled compress worker. */
  createWorker?: () => WorkerLike;
}

export interface BuildOptions {
  signal?: AbortSignal;
  /** Documents indexed so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL("../../workers/compress.worker.ts", import.meta.url), { type: "module" });
}

export class CompressPool {
  private readonly workers: WorkerLike[];
  private readonly clients: RpcClient<CompressMethods>[];

  constructor(options: CompressPoolOptions = {}) {
    const size = options.size ?? poolSize(globalThis.navigator?.hardwareConcurrency);
    const create = options.createWorker ?? defaultWorker;
    this.workers = Array.from({ length: Math.max(1, size) }, () => create());
    this.clients = this.workers.map((worker) => createRpcClient<CompressMethods>(worker));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Indexes documents window by window across the workers and merges them in library order. */
  async buildIndex(docs: readonly PlainDocument[], options: BuildOptions = {}): Promise<LibraryIndex> {
    const windows = planWindows(docs.map((doc) => doc.text.length), this.clients.length);
    const done = new Array<number>(windows.length).fill(0);
    const parts = await Promise.all(
      windows.map((window, i) =>
        this.clients[i]!.call(
          "indexWindow",
          { docs: docs.slice(window.from, window.to) },
          {
            signal: options.signal,
            onProgress: (progress) => {
              done[i] = progress.done;
              options.onProgress?.(done.reduce((sum, n) => sum + n, 0), docs.length);
            },
          },
        ),
      ),
    );
    return mergeIndexes(parts.flat());
  }

  /** Hands a library to the answering worker (a copy: the caller keeps its own). */
  async load(index: LibraryIndex, signal?: AbortSignal): Promise<void> {
    await this.clients[0]!.call("loadLibrary", { index: serializeIndex(index) }, { signal });
  }

  /** Like `load`, but moves the buffers instead of copying them; `index` is unusable afterwards. */
  async loadTransferring(index: LibraryIndex, signal?: AbortSignal): Promise<void> {
    const data = serializeIndex(index);
    await this.clients[0]!.call("loadLibrary", { index: data }, { signal, transfer: indexBuffers(data) });
  }

  /** Compresses the loaded library for one question in the answering worker. */
  compress(request: CompressRequest, options: { signal?: AbortSignal; config?: Partial<CompressConfig> } = {}): Promise<CompressResult & { spanTexts?: string[] }> {
    return this.clients[0]!.call("compress", { request, config: options.config }, { signal: options.signal });
  }

  /** Builds and stores the indexes of documents already saved in IndexedDB; returns ms per document. */
  async indexStored(ids: readonly string[], signal?: AbortSignal): Promise<number[]> {
    return (await this.clients[0]!.call("indexStored", { ids: [...ids] }, { signal })).buildMs;
  }

  /**
   * Loads the library of stored documents `ids` (library order) into the answering worker from
   * their stored indexes, building missing ones; a no-op when the same library is loaded already.
   */
  useStoredLibrary(
    ids: readonly string[],
    options: { allIds?: readonly string[]; signal?: AbortSignal; onProgress?: (progress: LibraryLoadProgress) => void } = {},
  ): Promise<LibraryLoadStats> {
    const request = { ids: [...ids], allIds: options.allIds ? [...options.allIds] : undefined };
    return this.clients[0]!.call("useStoredLibrary", request, { signal: options.signal, onProgress: options.onProgress });
  }

  /** Qwen3 token counts of `texts`, counted in the answering worker. */
  countTokens(texts: readonly string[], signal?: AbortSignal): Promise<number[]> {
    return this.clients[0]!.call("countTokens", { texts: [...texts] }, { signal });
  }

  dispose(): void {
    for (const worker of this.workers) worker.terminate();
  }
}
