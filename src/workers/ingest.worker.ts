// Ingestion worker: parses dropped files off the main thread and streams per-page progress.
import { ingestBytes } from "../adapters/ingest/ingest";
import type { IngestMethods } from "../adapters/ingest/protocol";
import { loadPdfjsBrowser } from "../adapters/pdf/pdfjs-browser";
import { serveRpc, type MessagePortLike } from "../lib/rpc";

// The project's TypeScript lib is DOM's, which types `self` as a Window; in a worker it is the
// worker scope, whose postMessage(message, transfer) is exactly MessagePortLike.
const scope = self as unknown as MessagePortLike;

serveRpc<IngestMethods>(scope, {
  ingest: (request, { progress, signal }) => ingestBytes(request, { loadPdfjs: loadPdfjsBrowser, onProgress: progress, signal }),
});
