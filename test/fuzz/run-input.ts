// Runs one fuzz input through the CLI's ingestion entry point (ingestBytes with the Node pdf.js
// loader), then, for a document that ingested, the compressor with a random question and budget.
// Classifies what happened: the contract is "a document or a named FolioError", nothing else.
import { ingestBytes } from "../../src/adapters/ingest/ingest";
import { loadPdfjsNode } from "../../src/adapters/pdf/pdfjs-node";
import { qwen3Tokenizer } from "../../src/adapters/tokenizer/qwen3";
import { compress } from "../../src/core/compress/compress";
import { indexDocument, mergeIndexes } from "../../src/core/compress/index-build";
import { indexPlainDocument } from "../../src/core/compress/library";
import { createRng, deriveSeed, type Rng } from "../../src/core/rl/random";
import type { FolioDocument, Tokenizer } from "../../src/core/text/types";
import { isFolioError } from "../../src/lib/errors";
import type { FuzzInput } from "./generate";

export type OutcomeKind = "ok" | "named-error" | "bad-error" | "broken-invariant" | "crash" | "hang";

export interface Outcome {
  index: number;
  kind: OutcomeKind;
  /** The error's name for errors ("DamagedFileError", "TypeError"); the stage for ok. */
  name: string;
  detail: string;
  ms: number;
  /** What the compressor did with the document: "ok", a FolioError name, or a failure. */
  compress?: string;
}

export interface RunOptions {
  seed: number;
  /** Compress each ingested document with a random question and budget. */
  compress: boolean;
  /** The Qwen3 tokenizer (as the app) or a character count (fast, for the unit suite). */
  tokenizer: "qwen3" | "chars";
}

const CHARS: Tokenizer = {
  family: "chars",
  encode: (text) => Array.from(text, (c) => c.codePointAt(0) ?? 0),
  count: (text) => text.length,
};

const QUERY_WORDS = ["what", "who", "compare", "list", "all", "the", "when", "which", "and", "both", "?", "é", "😀", "", " "];
const BUDGETS = [0, -5, 1, 2, 7, 64, 512, 4096, 1_000_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY];

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);
}

function errorOutcome(index: number, error: unknown, ms: number): Outcome {
  const named = isFolioError(error) && error.name !== "InternalError";
  const name = error instanceof Error ? error.name : typeof error;
  return { index, kind: named ? "named-error" : "bad-error", name, detail: describe(error), ms };
}

/** A question of random words, often ones from the document so that something matches. */
function randomQuery(rng: Rng, doc: FolioDocument): string {
  const words = doc.text.slice(0, 20_000).split(/\s+/).filter(Boolean);
  const count = rng.int(9);
  const parts = Array.from({ length: count }, () => (words.length > 0 && rng.next() < 0.6 ? words[rng.int(words.length)] : QUERY_WORDS[rng.int(QUERY_WORDS.length)]));
  return parts.join(" ");
}

/** Compresses `doc` (with a small second document) and checks the result keeps to its budget. */
function fuzzCompress(doc: FolioDocument, rng: Rng, tokenizer: Tokenizer): string {
  const budget = BUDGETS[rng.int(BUDGETS.length)] as number;
  const query = randomQuery(rng, doc);
  try {
    const index = mergeIndexes([
      indexDocument({ id: doc.id, title: doc.name, text: doc.text, sections: doc.sections }),
      indexPlainDocument({ id: "other", title: "Other notes", text: "The harbour master keeps the ledger.\n\nShips leave at dawn." }),
    ]);
    const result = compress(index, { query, budget }, tokenizer);
    if (!(result.tokens <= budget)) throw new RangeError(`result has ${result.tokens} tokens, over the budget ${budget}`);
    const exact = tokenizer.count(result.text);
    if (exact !== result.tokens) throw new RangeError(`result says ${result.tokens} tokens but its text has ${exact}`);
    for (const span of result.spans) {
      if (!(span.start >= 0 && span.end >= span.start)) throw new RangeError(`span [${span.start}, ${span.end}) is malformed`);
    }
    return "ok";
  } catch (error) {
    if (isFolioError(error) && error.name !== "InternalError") return error.name;
    return `FAILED query=${JSON.stringify(query)} budget=${budget}: ${describe(error)}`;
  }
}

export async function runInput(input: FuzzInput, options: RunOptions): Promise<Outcome> {
  const tokenizer = options.tokenizer === "qwen3" ? qwen3Tokenizer() : CHARS;
  const started = performance.now();
  const bytes = input.bytes.slice().buffer as ArrayBuffer;
  let doc: FolioDocument;
  try {
    doc = await ingestBytes({ id: `fuzz-${input.index}`, name: input.name, type: input.type, bytes }, { loadPdfjs: loadPdfjsNode, tokenizer: () => tokenizer });
  } catch (error) {
    return errorOutcome(input.index, error, performance.now() - started);
  }
  const broken = checkDocument(doc);
  const ingested: Outcome = { index: input.index, kind: broken ? "broken-invariant" : "ok", name: broken ? "BrokenDocument" : doc.format, detail: broken ?? "", ms: 0 };
  if (options.compress && !broken) {
    const verdict = fuzzCompress(doc, createRng(deriveSeed(options.seed, "fuzz-compress", input.index)), tokenizer);
    ingested.compress = verdict;
    if (verdict.startsWith("FAILED")) Object.assign(ingested, { kind: "broken-invariant", name: "CompressFailure", detail: verdict });
  }
  ingested.ms = performance.now() - started;
  return ingested;
}

/** A document's offsets must nest and stay inside its text; returns what is wrong, or null. */
export function checkDocument(doc: FolioDocument): string | null {
  const length = doc.text.length;
  if (length === 0) return "empty text for a document that ingested";
  if (doc.stats.characters !== length) return `stats.characters ${doc.stats.characters} != text length ${length}`;
  let last = 0;
  for (const section of doc.sections) {
    if (section.start < last || section.end < section.start || section.end > length) return `section ${section.number} [${section.start}, ${section.end}) out of order or range`;
    last = section.start;
    for (const paragraph of section.paragraphs) {
      if (paragraph.start < section.start || paragraph.end > section.end || paragraph.end <= paragraph.start) return `paragraph [${paragraph.start}, ${paragraph.end}) outside section ${section.number}`;
      for (const sentence of paragraph.sentences) {
        if (sentence.start < paragraph.start || sentence.end > paragraph.end || sentence.end < sentence.start) return `sentence [${sentence.start}, ${sentence.end}) outside its paragraph`;
      }
    }
  }
  return null;
}
