// PDF to Extraction through pdf.js's text layer: one unit per page, failures as named errors.
import type * as PdfjsModule from "pdfjs-dist";
import type { TextItem } from "pdfjs-dist/types/src/display/api";
import { assemblePageParagraphs, type PositionedText } from "../../core/text/page-layout";
import type { ExtractedUnit, Extraction } from "../../core/text/types";
import { cancelledError } from "../../lib/rpc";
import { damagedFileError, noTextFoundError, passwordRequiredError, wrongPasswordError } from "../ingest/ingest-errors";

/** pdf.js as loaded for one environment (the legacy build in Node, the modern one in a worker). */
export interface LoadedPdfjs {
  pdfjs: typeof PdfjsModule;
  /** Where CMaps are served locally; without it CMap-encoded text of non-embedded fonts is lost. */
  cMapUrl?: string;
  /** Where the standard 14 fonts' data is served locally; without it their metrics are estimated. */
  standardFontDataUrl?: string;
}

export type PdfjsLoader = () => Promise<LoadedPdfjs>;

export interface PdfExtractOptions {
  name: string;
  password?: string;
  signal?: AbortSignal;
  /** Called after each page with pages done and the page count. */
  onPage?: (done: number, total: number) => void;
}

/** pdf.js's PasswordException codes (NEED_PASSWORD, INCORRECT_PASSWORD). */
const NEED_PASSWORD = 1;
const INCORRECT_PASSWORD = 2;

/**
 * Extracts every page's text. Throws PasswordRequiredError / WrongPasswordError for encrypted files,
 * DamagedFileError for anything pdf.js cannot parse, NoTextFoundError when no page has text, and
 * CancelledError when `signal` aborts (checked between pages).
 */
export async function extractPdf(bytes: Uint8Array, loaded: LoadedPdfjs, options: PdfExtractOptions): Promise<Extraction> {
  const { pdfjs, cMapUrl, standardFontDataUrl } = loaded;
  const task = pdfjs.getDocument({
    data: bytes,
    password: options.password,
    // Never fetch, evaluate or install anything: text extraction needs none of it.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
    ...(standardFontDataUrl ? { standardFontDataUrl } : {}),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const abort = () => void task.destroy();
  options.signal?.addEventListener("abort", abort);
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw translateOpenError(error, options.name, options.signal);
    });
    const total = document.numPages;
    const units: ExtractedUnit[] = [];
    let hasText = false;
    for (let number = 1; number <= total; number++) {
      if (options.signal?.aborted) throw cancelledError();
      const paragraphs = await readPage(document, number).catch((error: unknown) => {
        throw options.signal?.aborted ? cancelledError() : damagedFileError(options.name, `page ${number}: ${describe(error)}`, error);
      });
      hasText ||= paragraphs.length > 0;
      units.push({ kind: "page", number, title: `Page ${number}`, level: 0, paragraphs });
      options.onPage?.(number, total);
    }
    if (!hasText) throw noTextFoundError(options.name);
    return { units };
  } finally {
    options.signal?.removeEventListener("abort", abort);
    await task.destroy();
  }
}

async function readPage(document: PdfjsModule.PDFDocumentProxy, number: number): Promise<string[]> {
  const page = await document.getPage(number);
  try {
    const content = await page.getTextContent();
    const runs: PositionedText[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue; // marked-content boundaries carry no text
      runs.push(toRun(item));
    }
    return assemblePageParagraphs(runs);
  } finally {
    page.cleanup();
  }
}

function toRun(item: TextItem): PositionedText {
  const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
  return { text: item.str, x, y, width: item.width, height: item.height || Math.hypot(c, d), hasEOL: item.hasEOL };
}

function translateOpenError(error: unknown, name: string, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) return cancelledError();
  const named = error as { name?: string; code?: number } | null;
  if (named?.name === "PasswordException") {
    return named.code === INCORRECT_PASSWORD ? wrongPasswordError(name) : named.code === NEED_PASSWORD ? passwordRequiredError(name) : damagedFileError(name, describe(error), error);
  }
  return damagedFileError(name, describe(error), error);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
