// Ingestion worker: parses dropped files off the main thread, streams per-page progress, and saves
// each document to IndexedDB here, so only its small meta goes back to the page.
import { ingestAndStoreBytes } from "../adapters/ingest/ingest-store";
import type { IngestMethods } from "../adapters/ingest/protocol";
import { loadPdfjsBrowser } from "../adapters/pdf/pdfjs-browser";
import { serveRpc, type MessagePortLike } from "../lib/rpc";

// The project's TypeScript lib is DOM's, which types `self` as a Window; in a worker it is the
// worker scope, whose postMessage(message, transfer) is exactly MessagePortLike.
const scope = self as unknown as MessagePortLike;

serveRpc<IngestMethods>(scope, {
  ingestAndStore: (request, { progress, signal }) => ingestAndStoreBytes(request, { loadPdfjs: loadPdfjsBrowser, onProgress: progress, signal }),
});
