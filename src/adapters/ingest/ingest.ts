// One ingestion path for the worker and the CLI: bytes in, a segmented, counted FolioDocument out.
import { buildDocument, countStructure } from "../../core/text/build-document";
import type { DocumentFormat, Extraction, FolioDocument, Tokenizer } from "../../core/text/types";
import { cancelledError } from "../../lib/rpc";
import { extractDocx } from "../docx/docx-extract";
import { detectFormat } from "../formats/detect";
import { extractHtml } from "../formats/html";
import { extractMarkdown } from "../formats/markdown";
import { decodeText, extractPlainText } from "../formats/plain-text";
import { extractPdf, type PdfjsLoader } from "../pdf/pdf-extract";
import { qwen3Tokenizer } from "../tokenizer/qwen3";
import { checkFileSize, noTextFoundError } from "./ingest-errors";
import type { IngestProgress, IngestRequest } from "./protocol";

export interface IngestOptions {
  /** How pdf.js is loaded here: `loadPdfjsNode` (CLI, tests) or `loadPdfjsBrowser` (worker). */
  loadPdfjs: PdfjsLoader;
  onProgress?: (progress: IngestProgress) => void;
  signal?: AbortSignal;
  /** Counts tokens for the stats; the Qwen3 tokenizer unless a test swaps it. */
  tokenizer?: () => Tokenizer;
  /** Clock for `addedAt`. */
  now?: () => number;
}

/**
 * Detects the format, extracts, segments and counts one file. Throws a FolioError with a name
 * (EmptyFileError, FileTooLargeError, UnsupportedTypeError, DamagedFileError,
 * PasswordRequiredError, WrongPasswordError, NoTextFoundError, CancelledError) on failure.
 */
export async function ingestBytes(request: IngestRequest, options: IngestOptions): Promise<FolioDocument> {
  const { onProgress, signal } = options;
  const checkCancelled = () => {
    if (signal?.aborted) throw cancelledError();
  };
  checkFileSize(request.name, request.bytes.byteLength);
  checkCancelled();
  onProgress?.({ stage: "reading", done: 0, total: 1 });
  const bytes = new Uint8Array(request.bytes);
  const format = detectFormat(bytes, request.name, request.type);
  onProgress?.({ stage: "reading", done: 1, total: 1 });

  const extraction = await extract(format, bytes, request, options);
  checkCancelled();
  onProgress?.({ stage: "segmenting", done: 0, total: 1 });
  const content = buildDocument(extraction);
  if (content.text.length === 0) throw noTextFoundError(request.name);
  onProgress?.({ stage: "segmenting", done: 1, total: 1 });

  checkCancelled();
  onProgress?.({ stage: "counting", done: 0, total: 1 });
  const tokens = (options.tokenizer ?? qwen3Tokenizer)().count(content.text);
  onProgress?.({ stage: "counting", done: 1, total: 1 });
  return {
    id: request.id,
    name: request.name,
    format,
    bytes: request.bytes.byteLength,
    addedAt: (options.now ?? Date.now)(),
    stats: { ...countStructure(content), tokens },
    ...content,
  };
}

async function extract(format: DocumentFormat, bytes: Uint8Array, request: IngestRequest, options: IngestOptions): Promise<Extraction> {
  const untitled = request.name.replace(/\.[^.]*$/, "") || request.name;
  const { onProgress, signal } = options;
  onProgress?.({ stage: "extracting", done: 0, total: 0 });
  switch (format) {
    case "pdf":
      return extractPdf(bytes, await options.loadPdfjs(), {
        name: request.name,
        password: request.password,
        signal,
        onPage: (done, total) => onProgress?.({ stage: "extracting", done, total }),
      });
    case "docx":
      return extractDocx(bytes, request.name, untitled);
    case "html":
      return extractHtml(decodeText(bytes), untitled);
    case "markdown":
      return extractMarkdown(decodeText(bytes), untitled);
    case "text":
      return extractPlainText(decodeText(bytes), untitled);
  }
}
