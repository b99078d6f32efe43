// Baselines for the compression bench: truncation of the haystack, and BM25 top paragraphs
// (minisearch), both filled to the same exact token budget in the same "[Title]\ntext" format.
import MiniSearch from "minisearch";
import { normalizeWhitespace, splitSentences } from "../src/core/text/segment";
import type { Tokenizer } from "../src/core/text/types";
import type { HaystackDoc } from "./hotpot-data";

/** Token counts of rendered documents, by title (titles are unique in a haystack). */
export type DocTokenCache = Map<string, number>;

function renderDoc(doc: HaystackDoc): string {
  return `[${doc.title}]\n${normalizeWhitespace(doc.text)}`;
}

function docTokens(doc: HaystackDoc, tokenizer: Tokenizer, cache: DocTokenCache): number {
  let n = cache.get(doc.title);
  if (n === undefined) {
    n = tokenizer.count(renderDoc(doc));
    cache.set(doc.title, n);
  }
  return n;
}

/** Total tokens of a haystack rendered doc by doc (the compression ratio's numerator). */
export function haystackTokens(docs: readonly HaystackDoc[], tokenizer: Tokenizer, cache: DocTokenCache): number {
  return docs.reduce((sum, doc) => sum + docTokens(doc, tokenizer, cache) + 1, 0);
}

/**
 * Whole documents in the given order while they fit, then the next one cut at a sentence
 * boundary; the result is counted exactly and pieces are dropped from the end until it fits.
 */
export function fillInOrder(docs: readonly HaystackDoc[], budget: number, tokenizer: Tokenizer, cache: DocTokenCache): { text: string; tokens: number } {
  const pieces: string[] = [];
  let used = 0;
  for (const doc of docs) {
    const separator = pieces.length > 0 ? "\n\n" : "";
    const cost = docTokens(doc, tokenizer, cache) + (separator ? 1 : 0);
    if (used + cost <= budget) {
      pieces.push(separator + renderDoc(doc));
      used += cost;
      continue;
    }
    let partial = `${separator}[${doc.title}]\n`;
    used += tokenizer.count(partial);
    let first = true;
    for (const range of splitSentences(doc.text)) {
      const piece = (first ? "" : " ") + normalizeWhitespace(doc.text.slice(range.start, range.end));
      const n = tokenizer.count(piece);
      if (used + n > budget) break;
      partial += piece;
      used += n;
      first = false;
    }
    if (!first) pieces.push(partial);
    break;
  }
  let text = pieces.join("");
  let tokens = tokenizer.count(text);
  while (tokens > budget && pieces.length > 0) {
    pieces.pop();
    text = pieces.join("");
    tokens = tokenizer.count(text);
  }
  return { text, tokens };
}

/** A minisearch BM25 index over one haystack's paragraphs (title and text fields). */
export function buildBm25(docs: readonly HaystackDoc[]): MiniSearch<HaystackDoc> {
  const search = new MiniSearch<HaystackDoc>({ fields: ["title", "text"], idField: "id" });
  search.addAll(docs as HaystackDoc[]);
  return search;
}

/** Haystack documents in BM25 rank order for the query (unmatched ones left out). */
export function bm25Order(search: MiniSearch<HaystackDoc>, docs: readonly HaystackDoc[], query: string): HaystackDoc[] {
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  return search.search(query).map((hit) => byId.get(String(hit.id))!);
}
