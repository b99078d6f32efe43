// The app's one library store, wired to the real ingestion worker and IndexedDB, and its hook.
import { useStore } from "zustand";
import { forgetAllDocumentIndexes, forgetDocumentIndex, indexSavedDocument } from "../../adapters/compress/library-pool";
import { ingestAndStore } from "../../adapters/ingest/ingest-client";
import { newDocumentId } from "../../adapters/storage/document-id";
import {
  deleteAllDocuments,
  deleteDocument,
  getDocument,
  listDocuments,
} from "../../adapters/storage/documents-repository";
import { createLibraryStore } from "./library-store";
import type { LibraryState } from "./library-types";

export const libraryStore = createLibraryStore({
  // Each stored document gets its compression index built off the main thread and stored, for Ask.
  // The compress worker reads the content from IndexedDB by id, so only the meta is needed here.
  // Not awaited: the document is in the library either way, and Ask builds a missing index itself.
  ingestAndStore: async (file, options) => {
    const meta = await ingestAndStore(file, options);
    indexSavedDocument(meta.id).catch((error: unknown) => console.warn("Folio: indexing deferred to first Ask:", error));
    return meta;
  },
  listDocuments,
  getDocument,
  // A removed document's index goes too; one left behind by a failure is pruned by Ask.
  deleteDocument: async (id) => {
    await deleteDocument(id);
    await forgetDocumentIndex(id).catch(() => undefined);
  },
  deleteAllDocuments: async () => {
    await deleteAllDocuments();
    await forgetAllDocumentIndexes().catch(() => undefined);
  },
  newId: newDocumentId,
});

/** Subscribes a component to the part of the library state it reads. */
export function useLibrary<T>(selector: (state: LibraryState) => T): T {
  return useStore(libraryStore, selector);
}
