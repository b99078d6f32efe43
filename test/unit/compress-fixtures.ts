// Small libraries and a word-count tokenizer for the compressor's unit tests.
import type { Tokenizer } from "../../src/core/text/types";
import type { PlainDocument } from "../../src/core/compress/library";

/** One token per word or mark: predictable, so budgets can be asserted exactly. */
export const wordTokenizer: Tokenizer = {
  family: "words",
  encode: (text) => (text.match(/\w+|[^\w\s]/g) ?? []).map((_, i) => i),
  count: (text) => (text.match(/\w+|[^\w\s]/g) ?? []).length,
};

export const LIBRARY: PlainDocument[] = [
  { id: "band", title: "Tinted Windows (band)", text: "Tinted Windows is an American rock supergroup. The band played its first performance in Tulsa, Oklahoma. It released one album." },
  { id: "noise", title: "Gardening", text: "Tomatoes need sun. Roses need pruning in spring.\n\nCompost helps soil. Water in the morning." },
  { id: "album", title: "Tinted Windows (album)", text: "Tinted Windows is the debut album of the supergroup Tinted Windows. It was released in 2009." },
  { id: "director", title: "Jane Holm", text: "Jane Holm is a Swedish film director. She was born in Uppsala in 1970." },
  { id: "film", title: "Silent Lake", text: "Silent Lake is a 2004 drama film directed by Jane Holm. It won a jury prize." },
];
