// Main-thread entry to ingestion: sends a File's bytes to the (shared, lazily started) ingest worker,
// which parses and stores the document and answers with its meta.
import type { DocumentMeta } from "../../core/text/types";
import { createRpcClient, type RpcClient } from "../../lib/rpc";
import { checkFileSize } from "./ingest-errors";
import type { IngestMethods, IngestProgress } from "./protocol";

export { MAX_FILE_BYTES } from "./ingest-errors";

export interface IngestFileOptions {
  /** Id to give the document (a retry keeps it). */
  id: string;
  /** For encrypted PDFs. */
  password?: string;
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

let client: RpcClient<IngestMethods> | null = null;

function ingestClient(): RpcClient<IngestMethods> {
  client ??= createRpcClient<IngestMethods>(
    new Worker(new URL("../../workers/ingest.worker.ts", import.meta.url), { type: "module", name: "folio-ingest" }),
  );
  return client;
}

/**
 * Reads, parses, segments, counts and stores `file` in the ingest worker (see ingestAndStoreBytes)
 * and resolves with the stored document's meta. Rejects with a named FolioError; the size is
 * checked before a byte is read, and the bytes are transferred. Cancelling before the save rejects
 * with CancelledError; once the worker is saving, the call waits for the save and reports it.
 */
export async function ingestAndStore(file: File, options: IngestFileOptions): Promise<DocumentMeta> {
  checkFileSize(file.name, file.size);
  const bytes = await file.arrayBuffer();
  return ingestClient().call(
    "ingestAndStore",
    { id: options.id, name: file.name, type: file.type, bytes, password: options.password },
    { onProgress: options.onProgress, signal: options.signal, transfer: [bytes], settleOnCancel: true },
  );
}
