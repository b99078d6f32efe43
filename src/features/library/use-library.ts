// The app's one library store, wired to the real ingestion worker and IndexedDB, and its hook.
import { useStore } from "zustand";
import { ingestFile } from "../../adapters/ingest/ingest-client";
import { newDocumentId } from "../../adapters/storage/document-id";
import {
  deleteAllDocuments,
  deleteDocument,
  getDocument,
  listDocuments,
  saveDocument,
} from "../../adapters/storage/documents-repository";
import { createLibraryStore } from "./library-store";
import type { LibraryState } from "./library-types";

export const libraryStore = createLibraryStore({
  ingest: ingestFile,
  listDocuments,
  getDocument,
  saveDocument,
  deleteDocument,
  deleteAllDocuments,
  newId: newDocumentId,
});

/** Subscribes a component to the part of the library state it reads. */
export function useLibrary<T>(selector: (state: LibraryState) => T): T {
  return useStore(libraryStore, selector);
}
