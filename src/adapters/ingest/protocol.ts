// The ingestion worker's typed protocol: one file in, one structured document (or a named error) out.
import type { FolioDocument } from "../../core/text/types";

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
  stage: "reading" | "extracting" | "segmenting" | "counting";
  /** Units done and total in this stage (pages for PDFs); total 0 when unknown. */
  done: number;
  total: number;
}

export type IngestMethods = {
  ingest: { request: IngestRequest; progress: IngestProgress; response: FolioDocument };
};
