// The compress worker's typed protocol: index windows of documents, build and keep the indexes of
// stored documents, hold a library, answer questions, and count tokens.
import type { CompressConfig } from "../../core/compress/config";
import type { PlainDocument, SerializedLibraryIndex } from "../../core/compress/library";
import type { CompressRequest, CompressResult, DocumentIndex } from "../../core/compress/types";

export interface IndexWindowRequest {
  docs: PlainDocument[];
}

export interface IndexWindowProgress {
  /** Documents of this window indexed so far, and the window's total. */
  done: number;
  total: number;
}

export interface LoadLibraryRequest {
  index: SerializedLibraryIndex;
}

export interface CompressCall {
  request: CompressRequest;
  config?: Partial<CompressConfig>;
}

export interface IndexStoredRequest {
  /** Ids of documents already saved in IndexedDB. */
  ids: string[];
}

export interface UseStoredLibraryRequest {
  /** The documents to ask over, in library order. */
  ids: string[];
  /** Every document in the library, when known: indexes of others are removed from storage. */
  allIds?: string[];
}

export interface LibraryLoadProgress {
  /** Documents ready so far, of `total`. */
  done: number;
  total: number;
}

/** Where a library's indexes came from and what loading it cost, in milliseconds. */
export interface LibraryLoadStats {
  documents: number;
  fromCache: number;
  fromStore: number;
  /** Documents without a stored index (added before indexing existed), indexed now. */
  built: number;
  readMs: number;
  buildMs: number;
  mergeMs: number;
  /** True when the same library was already loaded: nothing was read or merged. */
  reused: boolean;
  /** Stored indexes removed because their document is gone. */
  pruned: number;
}

export type CompressMethods = {
  indexWindow: { request: IndexWindowRequest; progress: IndexWindowProgress; response: DocumentIndex[] };
  loadLibrary: { request: LoadLibraryRequest; progress: never; response: { documents: number } };
  /** The result, plus each span's text (white space collapsed) so callers need not hold the documents. */
  compress: { request: CompressCall; progress: never; response: CompressResult & { spanTexts?: string[] } };
  indexStored: { request: IndexStoredRequest; progress: never; response: { buildMs: number[] } };
  useStoredLibrary: { request: UseStoredLibraryRequest; progress: LibraryLoadProgress; response: LibraryLoadStats };
  /** Qwen3 token counts of each text (the compressor's tokenizer). */
  countTokens: { request: { texts: string[] }; progress: never; response: number[] };
};
