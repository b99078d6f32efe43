// The compress worker's typed protocol: index windows of documents, hold a library, answer questions.
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

export type CompressMethods = {
  indexWindow: { request: IndexWindowRequest; progress: IndexWindowProgress; response: DocumentIndex[] };
  loadLibrary: { request: LoadLibraryRequest; progress: never; response: { documents: number } };
  compress: { request: CompressCall; progress: never; response: CompressResult };
};
