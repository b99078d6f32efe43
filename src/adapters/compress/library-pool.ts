// The app's one compress worker for the stored library: the library feature asks it to index each
// saved document, and Ask loads the stored indexes into it and compresses there. One worker, so an
// index built at ingest is already in memory when the next question comes.
import { deleteStoredIndexes, clearStoredIndexes } from "../storage/compress-index-repository";
import { CompressPool } from "./compress-pool";

let shared: CompressPool | null = null;

/** The shared pool (one worker), started on first use. */
export function libraryCompressPool(): CompressPool {
  shared ??= new CompressPool({ size: 1 });
  return shared;
}

/**
 * Builds and stores the compression index of a document just saved, off the main thread. Returns
 * the build time in milliseconds. A failure leaves no index: Ask builds it on first use.
 */
export async function indexSavedDocument(id: string): Promise<number> {
  const [ms] = await libraryCompressPool().indexStored([id]);
  return ms ?? 0;
}

/** Removes the stored index of a removed document (Ask also prunes any it finds orphaned). */
export function forgetDocumentIndex(id: string): Promise<void> {
  return deleteStoredIndexes([id]);
}

/** Removes every stored index (the whole library was removed). */
export function forgetAllDocumentIndexes(): Promise<void> {
  return clearStoredIndexes();
}
