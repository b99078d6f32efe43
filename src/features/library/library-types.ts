// The library store's data: ingestion jobs, the open document, and the services it depends on.
import type { IngestProgress } from "../../adapters/ingest/protocol";
import type { CharRange, DocumentMeta, FolioDocument } from "../../core/text/types";
import type { SerializedError } from "../../lib/errors";

export type JobStatus =
  | "queued"
  /** Reading, extracting, segmenting, counting, then saving (all in the ingest worker). */
  | IngestProgress["stage"]
  | "done"
  | "error"
  | "needs-password";

/** One file being added: what the user dropped, how far it got, and how it ended. */
export interface IngestJob {
  id: string;
  /** The id the document gets; kept across password retries. */
  docId: string;
  fileName: string;
  /** Bytes. */
  size: number;
  status: JobStatus;
  /** Units done and total in the current stage (pages for PDFs); total 0 when unknown. */
  progress: { done: number; total: number };
  error: SerializedError | null;
}

export type OpenDocument =
  | { status: "closed" }
  | { status: "loading"; id: string }
  | {
      status: "ready";
      id: string;
      document: FolioDocument;
      /** Normalised (sorted, merged, clamped) ranges to mark. */
      highlights: CharRange[];
      /** Grows on every open, so the viewer scrolls to the highlights again for a repeat request. */
      request: number;
    }
  | { status: "error"; id: string; error: SerializedError };

export interface IngestOptions {
  id: string;
  password?: string;
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

/** Everything with side effects the store uses; the app passes the real ones, tests pass fakes. */
export interface LibraryServices {
  /**
   * Ingests and stores a file (meta and content together, or nothing), resolving with its meta.
   * Off the main thread in the app, so the document's content is never cloned into the page.
   * Cancelled through `options.signal` until saving starts; a save that started is reported.
   */
  ingestAndStore(file: File, options: IngestOptions): Promise<DocumentMeta>;
  listDocuments(): Promise<DocumentMeta[]>;
  getDocument(id: string): Promise<FolioDocument>;
  deleteDocument(id: string): Promise<void>;
  deleteAllDocuments(): Promise<void>;
  newId(): string;
  /** Files ingested at once; defaults to DEFAULT_CONCURRENCY. */
  concurrency?: number;
}

/** Two files at a time: the worker stays busy without fighting over memory for big PDFs. */
export const DEFAULT_CONCURRENCY = 2;

export interface LibraryState {
  /** Stored documents' meta, newest first. */
  documents: DocumentMeta[];
  loadStatus: "idle" | "loading" | "ready" | "error";
  /** A failure not tied to one file (loading or removing), shown above the list. */
  notice: SerializedError | null;
  jobs: Record<string, IngestJob>;
  /** Job ids in the order files were added. */
  jobOrder: string[];
  open: OpenDocument;

  /** Reads the stored documents' meta; runs once unless `force`. */
  load(options?: { force?: boolean }): Promise<void>;
  /** Queues one job per file and returns their ids; failures of one never stop the others. */
  addFiles(files: Iterable<File> | ArrayLike<File>): string[];
  /** Retries a job waiting for a password with the one the user typed. */
  submitPassword(jobId: string, password: string): void;
  /** Forgets a job, cancelling it if it is still running. */
  dismissJob(jobId: string): void;
  /** Forgets every finished (done) job. */
  clearFinishedJobs(): void;
  removeDocument(id: string): Promise<void>;
  removeAll(): Promise<void>;
  /** Loads a document into the viewer with `highlights` marked; the first is scrolled into view. */
  openDocument(id: string, highlights?: readonly CharRange[]): Promise<void>;
  /** For Ask's citations: the same as openDocument, named for what the caller wants. */
  showPassage(docId: string, ranges: readonly CharRange[]): Promise<void>;
  closeDocument(): void;
  dismissNotice(): void;
}
