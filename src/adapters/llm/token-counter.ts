// Token counting for a loaded model. web-llm has no tokenizer API, and @mlc-ai/web-tokenizers is
// not installed on its own (web-llm 0.2.86 bundles it privately and does not export it), so Folio
// counts with the Qwen3 tokenizer adapter (src/adapters/tokenizer/qwen3.ts): exact for the qwen3
// family, whose MLC builds ship Qwen3's own tokenizer.json. Other families get an estimate.
import type { CatalogEntry } from "../../core/models/catalog";

export interface TokenCounter {
  kind: "exact" | "estimate";
  count(text: string): Promise<number>;
}

/** Characters per token for the estimate: about 3 for English and code in Qwen/Llama vocabularies; errs high. */
const CHARS_PER_TOKEN = 3;

export function tokenCounterFor(entry: Pick<CatalogEntry, "family">): TokenCounter {
  if (entry.family === "qwen3" || entry.family === "deepseek-r1-qwen") {
    // R1-Distill-Qwen uses Qwen2.5's byte-level BPE, which Qwen3 kept for ordinary text (they differ
    // in special tokens), so its counts are close but not guaranteed: called an estimate.
    const kind = entry.family === "qwen3" ? "exact" : "estimate";
    return {
      kind,
      async count(text) {
        // Loaded on first use: an 11 MB vocabulary, parsed once (a few hundred ms).
        const { qwen3Tokenizer } = await import("../tokenizer/qwen3");
        return qwen3Tokenizer().count(text);
      },
    };
  }
  return { kind: "estimate", count: async (text) => Math.ceil(text.length / CHARS_PER_TOKEN) };
}
