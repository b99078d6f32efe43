// Whole-library helpers: index plain {id, title, text} documents, and (de)serialise a library
// index to plain data for IndexedDB or postMessage.
import { FolioError } from "../../lib/errors";
import { DEFAULT_COMPRESS_CONFIG } from "./config";
import { deriveLookups, indexDocument, mergeIndexes } from "./index-build";
import { plainTextDocument } from "./structure";
import type { DocumentIndex, LibraryIndex } from "./types";

export interface PlainDocument {
  id: string;
  title: string;
  text: string;
}

/** Indexes plain-text documents (paragraphs at blank lines) into one library index. */
export function indexPlainDocuments(docs: readonly PlainDocument[], maxSentenceChars = DEFAULT_COMPRESS_CONFIG.maxSentenceChars): LibraryIndex {
  return mergeIndexes(docs.map((doc) => indexPlainDocument(doc, maxSentenceChars)));
}

/** Indexes one plain-text document (the unit of work a worker does per document). */
export function indexPlainDocument(doc: PlainDocument, maxSentenceChars = DEFAULT_COMPRESS_CONFIG.maxSentenceChars): DocumentIndex {
  return indexDocument(plainTextDocument(doc.id, doc.title, doc.text), maxSentenceChars);
}

export const INDEX_FORMAT_VERSION = 1;

/** A library index as plain data: typed arrays and strings only, no Maps. */
export type SerializedLibraryIndex = Omit<LibraryIndex, "derived"> & { version: number };

export function serializeIndex(index: LibraryIndex): SerializedLibraryIndex {
  const { derived: _derived, ...plain } = index;
  return { ...plain, version: INDEX_FORMAT_VERSION };
}

/** Rebuilds the derived lookups; a stored index of another version or shape is an error. */
export function deserializeIndex(data: SerializedLibraryIndex): LibraryIndex {
  const ok =
    data.version === INDEX_FORMAT_VERSION &&
    data.postingFirst.length === data.terms.length + 1 &&
    data.passageFirst.length === data.passageSection.length + 1 &&
    data.sentencePassage.length === data.sentenceStart.length;
  if (!ok) {
    throw new FolioError("InvalidRequestError", "The stored search index is from another version of Folio or is damaged.", "Rebuild the index by re-adding the documents.");
  }
  const { version: _version, ...plain } = data;
  return { ...plain, derived: deriveLookups(plain) };
}

/** The buffers of a serialised index or document index, to transfer rather than copy. */
export function indexBuffers(data: SerializedLibraryIndex | DocumentIndex): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(data)) if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  return [...buffers];
}
