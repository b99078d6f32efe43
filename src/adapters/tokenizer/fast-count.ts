// Exact token counts from a byte-level BPE tokenizer (transformers.js-style, as @lenml/tokenizers
// builds it) without running its slow per-piece pipeline on every piece of every text.
//
// Why it is exact: the tokenizer first splits out added tokens (one token each), normalises each
// remaining section, splits it with the pre-tokenizer's regex, byte-maps each piece and runs BPE on
// each piece independently: BPE merges never cross a pre-tokenizer piece. So the count of a text is
// the sum of the counts of its pieces, and a piece's count can be computed once and cached. We run
// the library's own splitter, normaliser, regex, byte mapping and BPE model; only the summing and
// the cache are ours. test/unit/tokenizer-fast-count.test.ts checks equality with the full encode
// on real texts; where the tokenizer is not shaped as expected, `fastCounter` returns null and the
// caller keeps the full encode. One bounded exception: a piece over MAX_PIECE_CHARS characters
// (never prose) is counted in chunks, which keeps counting linear but may differ from the full
// encode by about a token per chunk seam.

/** The parts of a @lenml/tokenizers PreTrainedTokenizer that the count goes through. */
interface PipelineInternals {
  added_tokens_splitter: { split(text: string): string[] };
  added_tokens_map: Map<string, { lstrip?: boolean; rstrip?: boolean }>;
  remove_space?: boolean;
  do_lowercase_and_remove_accent?: boolean;
  normalizer: ((text: string) => string) | null;
  pre_tokenizer: { tokenizers?: unknown[] } | null;
  model: (pieces: string[]) => string[];
}

interface SplitStep {
  config: { type: string; behavior?: string; invert?: boolean };
  pattern: RegExp | null;
}

interface LaterStep {
  pre_tokenize: (pieces: string[]) => string[];
}

/** Distinct pieces remembered; a document has tens of thousands, so this bounds memory, not speed. */
const CACHE_LIMIT = 500_000;

/**
 * Longest pre-token piece counted whole. The library's BPE costs several microseconds a character
 * and grows faster than linearly on one piece (a 512K-letter run took 16 s), and only text that is
 * not prose makes such pieces: base64 or hex without digits, minified identifiers, runs of one
 * letter. A longer piece is counted in chunks of this many characters, so its count is exact up
 * to the merges a chunk seam prevents: off by at most a token or so per seam, against several
 * hundred tokens per chunk. Every piece of this length or shorter, so all prose, counts exactly.
 */
export const MAX_PIECE_CHARS = 4_096;

/**
 * A counting function equal to `tokenizer.encode(text, { add_special_tokens: false }).length`
 * (for text with no pre-token piece over MAX_PIECE_CHARS characters; see there), or
 * null when the tokenizer's pipeline is not a regex Split ("Isolated") followed by piece-local
 * steps, the only shape whose count is a sum over pieces.
 */
export function fastCounter(tokenizer: unknown): ((text: string) => number) | null {
  const inner = tokenizer as Partial<PipelineInternals>;
  const steps = inner.pre_tokenizer?.tokenizers;
  if (!inner.added_tokens_splitter || !inner.added_tokens_map || typeof inner.model !== "function" || !Array.isArray(steps) || steps.length === 0) return null;
  if (inner.remove_space === true || inner.do_lowercase_and_remove_accent === true) return null;
  const split = steps[0] as Partial<SplitStep>;
  if (split.config?.type !== "Split" || split.config.behavior !== "Isolated" || split.config.invert === true || !(split.pattern instanceof RegExp)) return null;
  const later = steps.slice(1) as Partial<LaterStep>[];
  // ByteLevel without its own regex maps each piece alone; any other later step could merge pieces.
  if (!later.every((step) => (step as { config?: { type?: string; use_regex?: boolean } }).config?.type === "ByteLevel" && (step as { config: { use_regex?: boolean } }).config.use_regex === false)) return null;
  if (!later.every((step) => typeof step.pre_tokenize === "function")) return null;
  const pattern = new RegExp(split.pattern.source, split.pattern.flags.includes("g") ? split.pattern.flags : `${split.pattern.flags}g`);
  const { added_tokens_splitter: splitter, added_tokens_map: added, normalizer, model } = inner as PipelineInternals;
  const cache = new Map<string, number>();

  const countPiece = (piece: string): number => {
    if (piece.length > MAX_PIECE_CHARS) return countChunks(piece);
    let count = cache.get(piece);
    if (count === undefined) {
      let mapped = [piece];
      for (const step of later as LaterStep[]) mapped = step.pre_tokenize(mapped);
      count = model(mapped).length;
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(piece, count);
    }
    return count;
  };

  const countChunks = (piece: string): number => {
    let total = 0;
    for (let start = 0; start < piece.length; ) {
      let end = Math.min(piece.length, start + MAX_PIECE_CHARS);
      // Never between the halves of a surrogate pair, which would byte-map to other tokens.
      const code = piece.charCodeAt(end - 1);
      if (end < piece.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
      total += countPiece(piece.slice(start, end));
      start = end;
    }
    return total;
  };

  // The library's regexSplit: matches and the gaps between them, both as pieces, empty ones dropped.
  const countSection = (section: string): number => {
    let total = 0;
    let last = 0;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(section); match !== null; match = pattern.exec(section)) {
      const piece = match[0];
      if (last < match.index) total += countPiece(section.slice(last, match.index));
      if (piece.length > 0) total += countPiece(piece);
      else pattern.lastIndex += (section.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1; // step past an empty match as matchAll does
      last = match.index + piece.length;
    }
    if (last < section.length) total += countPiece(section.slice(last));
    return total;
  };

  return (text: string): number => {
    if (text.length === 0) return 0;
    const sections = splitter.split(text);
    for (let i = 0; i < sections.length; i++) {
      const token = added.get(sections[i]!);
      if (!token) continue;
      if (token.lstrip && i > 0) sections[i - 1] = sections[i - 1]!.trimEnd();
      if (token.rstrip && i < sections.length - 1) sections[i + 1] = sections[i + 1]!.trimStart();
    }
    let total = 0;
    for (const raw of sections) {
      if (raw.length === 0) continue;
      if (added.has(raw)) {
        total += 1;
        continue;
      }
      const section = normalizer ? normalizer(raw) : raw;
      if (section.length > 0) total += countSection(section);
    }
    return total;
  };
}
