// Reads and writes documents: meta and content always together, in one transaction each time.
import { FolioError, toFolioError } from "../../lib/errors";
import { packSections, unpackSections } from "../../core/text/packed-sections";
import type { DocumentMeta, FolioDocument, Section } from "../../core/text/types";
import { openFolioDatabase } from "./database";
import { STORES, type ContentRecord } from "./schema";
import { toStorageError } from "./storage-errors";
import { writeTogether, type WriteRequest } from "./write-transaction";

/** Both document stores: every write touches meta and content together. */
const DOCUMENT_STORES = [STORES.documents, STORES.contents];

/** Every stored document's meta, newest first. Cheap: content is not read. */
export async function listDocuments(): Promise<DocumentMeta[]> {
  try {
    const db = await openFolioDatabase();
    const metas = await db.getAll(STORES.documents);
    return metas.sort((a, b) => b.addedAt - a.addedAt || a.name.localeCompare(b.name));
  } catch (error) {
    throw toStorageError(error, "list your documents");
  }
}

/** One document with its text and sections. Throws DocumentNotFoundError when it is not stored. */
export async function getDocument(id: string): Promise<FolioDocument> {
  let meta: DocumentMeta | undefined;
  let content: ContentRecord | undefined;
  try {
    const db = await openFolioDatabase();
    const tx = db.transaction([STORES.documents, STORES.contents], "readonly");
    [meta, content] = await Promise.all([tx.objectStore(STORES.documents).get(id), tx.objectStore(STORES.contents).get(id), tx.done]);
  } catch (error) {
    throw toStorageError(error, "open this document");
  }
  if (!meta || !content) {
    throw new FolioError(
      "DocumentNotFoundError",
      "This document is not in your library on this device.",
      "It may have been removed; add the file again to read it.",
    );
  }
  return { ...toDocumentMeta(meta), text: content.text, sections: contentSections(content) };
}

/** A record's sections, from the packed form or (records written before it) the object form. */
function contentSections(content: ContentRecord): Section[] {
  if (!content.packed) return content.sections ?? [];
  try {
    return unpackSections(content.packed);
  } catch (error) {
    throw toFolioError(error);
  }
}

/**
 * Stores a document (or replaces one with the same id). Meta and content go in one transaction,
 * so a failure, a full disk included, leaves whatever was stored before exactly as it was.
 */
export async function saveDocument(doc: FolioDocument): Promise<void> {
  await write(`save “${doc.name}”`, [
    (tx) => tx.objectStore(STORES.documents).put(toDocumentMeta(doc)),
    (tx) => tx.objectStore(STORES.contents).put({ id: doc.id, text: doc.text, packed: packSections(doc.sections) } satisfies ContentRecord),
  ]);
}

/** Removes a document's meta and content together. Removing an id that is not stored is fine. */
export async function deleteDocument(id: string): Promise<void> {
  await write("remove the document", [
    (tx) => tx.objectStore(STORES.documents).delete(id),
    (tx) => tx.objectStore(STORES.contents).delete(id),
  ]);
}

/** Removes every document, meta and content, in one transaction. */
export async function deleteAllDocuments(): Promise<void> {
  await write("remove your documents", [
    (tx) => tx.objectStore(STORES.documents).clear(),
    (tx) => tx.objectStore(STORES.contents).clear(),
  ]);
}

/** Only the meta fields, so nothing from the content (or stray properties) lands in the small store. */
export function toDocumentMeta(doc: DocumentMeta): DocumentMeta {
  const { id, name, format, bytes, addedAt, stats } = doc;
  return { id, name, format, bytes, addedAt, stats };
}

/** Writes over both document stores, all or nothing (see writeTogether). */
function write(action: string, requests: WriteRequest[]): Promise<void> {
  return writeTogether(action, DOCUMENT_STORES, requests);
}
