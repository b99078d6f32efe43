// Main-thread entry to ingestion: sends a File's bytes to the (shared, lazily started) ingest worker.
import type { FolioDocument } from "../../core/text/types";
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
 * Reads, parses, segments and counts `file` in the ingest worker. Rejects with a named FolioError
 * (see ingestBytes); the size is checked before a byte is read, and the bytes are transferred.
 */
export async function ingestFile(file: File, options: IngestFileOptions): Promise<FolioDocument> {
  checkFileSize(file.name, file.size);
  const bytes = await file.arrayBuffer();
  return ingestClient().call(
    "ingest",
    { id: options.id, name: file.name, type: file.type, bytes, password: options.password },
    { onProgress: options.onProgress, signal: options.signal, transfer: [bytes] },
  );
}
