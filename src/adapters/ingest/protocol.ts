// The ingestion worker's typed protocol: one file in, stored by the worker; its meta (or a named error) out.
import type { DocumentMeta } from "../../core/text/types";

export interface IngestRequest {
  /** Id to give the document (chosen by the caller so a retry keeps it). */
  id: string;
  name: string;
  /** MIME type as the browser reported it; may be empty. */
  type: string;
  bytes: ArrayBuffer;
  /** For encrypted PDFs, the password the user typed. */
  password?: string;
}

export interface IngestProgress {
  stage: "reading" | "extracting" | "segmenting" | "counting" | "saving";
  /** Units done and total in this stage (pages for PDFs); total 0 when unknown. */
  done: number;
  total: number;
}

export type IngestMethods = {
  /**
   * Parses, segments, counts and saves the document (meta and content in one transaction) in the
   * worker, so the big content never crosses to the main thread; answers with the small meta.
   */
  ingestAndStore: { request: IngestRequest; progress: IngestProgress; response: DocumentMeta };
};
