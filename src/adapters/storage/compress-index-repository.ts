// Reads and writes each document's compression index (built at ingest, read when Ask loads the
// library). One record per document, under the document's id; works in workers as well as pages.
import { INDEX_FORMAT_VERSION } from "../../core/compress/library";
import type { DocumentIndex } from "../../core/compress/types";
import { openFolioDatabase } from "./database";
import { STORES } from "./schema";
import { toStorageError } from "./storage-errors";

/** A stored index: the DocumentIndex as is (typed arrays store natively) and how it was built. */
export interface StoredDocumentIndex {
  /** The document's id. */
  id: string;
  /** INDEX_FORMAT_VERSION when built; an index of another version is rebuilt, not read. */
  version: number;
  /** Milliseconds since the epoch. */
  builtAt: number;
  /** Wall-clock milliseconds the build took. */
  buildMs: number;
  index: DocumentIndex;
}

/** The stored index of `id`, or null when there is none or it is of another format version. */
export async function getStoredIndex(id: string): Promise<StoredDocumentIndex | null> {
  try {
    const db = await openFolioDatabase();
    const record = await db.get(STORES.compressIndexes, id);
    return record && record.version === INDEX_FORMAT_VERSION ? record : null;
  } catch (error) {
    throw toStorageError(error, "read the search index");
  }
}

/** Stores (or replaces) one document's index. */
export async function putStoredIndex(record: StoredDocumentIndex): Promise<void> {
  try {
    const db = await openFolioDatabase();
    await db.put(STORES.compressIndexes, record);
  } catch (error) {
    throw toStorageError(error, "save the search index");
  }
}

/** The ids of every stored index (cheap: keys only). */
export async function listStoredIndexIds(): Promise<string[]> {
  try {
    const db = await openFolioDatabase();
    return await db.getAllKeys(STORES.compressIndexes);
  } catch (error) {
    throw toStorageError(error, "list the search indexes");
  }
}

/** Removes the indexes of `ids` in one transaction; ids without an index are fine. */
export async function deleteStoredIndexes(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const db = await openFolioDatabase();
    const tx = db.transaction(STORES.compressIndexes, "readwrite");
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  } catch (error) {
    throw toStorageError(error, "remove the search index");
  }
}

/** Removes every stored index. */
export async function clearStoredIndexes(): Promise<void> {
  try {
    const db = await openFolioDatabase();
    await db.clear(STORES.compressIndexes);
  } catch (error) {
    throw toStorageError(error, "remove the search indexes");
  }
}
