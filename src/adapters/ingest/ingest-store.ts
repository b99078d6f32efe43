// Ingestion that ends in storage: the ingest worker parses, counts and saves in one go, so only the
// small meta crosses to the main thread (a 100 MB text's millions of ranges never get cloned there).
import type { DocumentMeta, FolioDocument } from "../../core/text/types";
import { cancelledError } from "../../lib/rpc";
import { saveDocument, toDocumentMeta } from "../storage/documents-repository";
import { ingestBytes, type IngestOptions } from "./ingest";
import type { IngestRequest } from "./protocol";

export interface IngestAndStoreOptions extends IngestOptions {
  /** Stores the document; documents-repository's saveDocument unless a test swaps it. */
  save?: (doc: FolioDocument) => Promise<void>;
}

/**
 * Ingests one file (see ingestBytes) and saves it, meta and content in one transaction, then
 * returns its meta. Throws the named errors of ingestBytes, CancelledError when cancelled before
 * the save, and StorageQuotaError or StorageError when the save fails (nothing stored changes).
 * Once the save has begun it runs to its end even if cancelled, and its outcome is returned: the
 * caller (which waits for it, see `settleOnCancel`) lists exactly what storage holds.
 */
export async function ingestAndStoreBytes(request: IngestRequest, options: IngestAndStoreOptions): Promise<DocumentMeta> {
  const doc = await ingestBytes(request, options);
  if (options.signal?.aborted) throw cancelledError();
  options.onProgress?.({ stage: "saving", done: 0, total: 0 });
  await (options.save ?? saveDocument)(doc);
  return toDocumentMeta(doc);
}
