// Getting a tiny-model checkpoint's bytes: from a URL with download progress, or handed over as an
// ArrayBuffer. Failures become named errors (ModelNotFoundError, ModelDownloadError, CancelledError).
import { FolioError } from "../../lib/errors";
import { cancelledError } from "../../lib/rpc";
import type { LoadProgress } from "./engine";

/** Where a checkpoint comes from; `id` names a Lab checkpoint, whose header has no id. */
export type TinySource = { url: string; id?: string } | { buffer: ArrayBuffer; id?: string };

/** The shipped models' files, relative to the app: public/models/<id>.folio-ckpt (listed in models/index.json). */
export const SHIPPED_TINY_MODELS_PATH = "models/";
export const TINY_CHECKPOINT_EXTENSION = ".folio-ckpt";

/** The URL of a shipped model, against the app's base URL (Vite's BASE_URL) and the page's location. */
export function shippedTinyModelUrl(id: string): string {
  const base = import.meta.env?.BASE_URL ?? "/";
  const path = `${base}${SHIPPED_TINY_MODELS_PATH}${encodeURIComponent(id)}${TINY_CHECKPOINT_EXTENSION}`;
  const origin = globalThis.location?.href;
  return origin ? new URL(path, origin).href : path;
}

export interface FetchCheckpointOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
}

function downloadError(url: string, reason: string, cause?: unknown): FolioError {
  return new FolioError("ModelDownloadError", `The model file ${url} could not be downloaded: ${reason}.`, "Check your connection and try again.", { cause });
}

/** The checkpoint's bytes; a buffer source is returned as it is. */
export async function fetchTinyCheckpoint(source: TinySource, options: FetchCheckpointOptions = {}): Promise<ArrayBuffer> {
  if ("buffer" in source) {
    const bytes = source.buffer.byteLength;
    options.onProgress?.({ fraction: 1, phase: "download", bytesDone: bytes, bytesTotal: bytes, text: "Checkpoint provided" });
    return source.buffer;
  }
  const { url } = source;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(url, { signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw cancelledError();
    throw downloadError(url, (error as Error)?.message ?? String(error), error);
  }
  if (response.status === 404) {
    throw new FolioError("ModelNotFoundError", `There is no model file at ${url}.`, "Pick a model from the list in Models, or check the checkpoint's address.");
  }
  if (!response.ok) throw downloadError(url, `the server answered ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get("content-length"));
  const total = Number.isFinite(declared) && declared > 0 ? declared : undefined;
  const chunks: Uint8Array[] = [];
  let done = 0;
  try {
    const reader = response.body?.getReader();
    if (!reader) {
      const whole = new Uint8Array(await response.arrayBuffer());
      chunks.push(whole);
      done = whole.length;
    } else {
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        chunks.push(next.value);
        done += next.value.length;
        options.onProgress?.({
          fraction: total ? Math.min(1, done / total) : 0,
          phase: "download",
          bytesDone: done,
          bytesTotal: total,
          text: `Downloading the tiny model: ${(done / 1024).toFixed(0)} KiB`,
        });
      }
    }
  } catch (error) {
    if (options.signal?.aborted) throw cancelledError();
    throw downloadError(url, (error as Error)?.message ?? String(error), error);
  }
  const out = new Uint8Array(done);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  options.onProgress?.({ fraction: 1, phase: "download", bytesDone: done, bytesTotal: done, text: "Downloaded the tiny model" });
  return out.buffer;
}
