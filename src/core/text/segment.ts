// Sentence segmentation and whitespace normalisation, on the platform's Unicode segmenter.
import type { CharRange } from "./types";

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Collapses runs of white space to one space and trims; the form used to compare texts. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Longest text handed to the segmenter at once. ICU's sentence iterator slows down more than
 * linearly on one huge string (a 4 MB paragraph took 15 s whole, about 0.1 s in windows), so long
 * texts go through in windows of this many characters.
 */
const WINDOW_CHARS = 32_768;
/**
 * A sentence boundary this close to a window's cut end might move once the text after the cut is
 * seen (the segmenter looks ahead past spaces and closing punctuation), so it is not trusted: the
 * next window starts at the last boundary before it, as if the text had never been cut.
 */
const SETTLE_CHARS = 1_024;

/**
 * Splits `text` into sentence ranges, offsets relative to `offset`. Leading and trailing white
 * space is excluded from each range; ranges with no visible character are dropped.
 *
 * Long texts are segmented window by window, each window starting at a boundary the previous one
 * found, so the ranges are the same as one pass would give (test/unit/text-segment.test.ts). Only
 * a run of over WINDOW_CHARS - SETTLE_CHARS characters with no sentence end in it differs: it is
 * cut at its last white space (or anywhere, if it has none) into bounded "sentences".
 * `windowChars` is for tests (Infinity segments in one pass).
 */
export function splitSentences(text: string, offset = 0, windowChars = WINDOW_CHARS): CharRange[] {
  const ranges: CharRange[] = [];
  let joinNext = false;
  const emit = (segment: string, index: number): void => {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed.length === 0) return;
    const start = offset + index + leading;
    const previous = ranges.at(-1);
    if (joinNext && previous) previous.end = start + trimmed.length;
    else ranges.push({ start, end: start + trimmed.length });
    joinNext = ABBREVIATION_END.test(trimmed);
  };
  let from = 0;
  while (from < text.length) {
    if (text.length - from <= windowChars) {
      for (const { segment, index } of sentenceSegmenter.segment(text.slice(from))) emit(segment, from + index);
      break;
    }
    const window = text.slice(from, from + windowChars);
    const trusted = window.length - SETTLE_CHARS;
    let next = 0;
    for (const { segment, index } of sentenceSegmenter.segment(window)) {
      if (index + segment.length > trusted) break;
      emit(segment, from + index);
      next = index + segment.length;
    }
    if (next === 0) {
      // No sentence ends early enough: end one by force, at white space if there is some.
      next = forcedCut(window, trusted);
      for (const { segment, index } of sentenceSegmenter.segment(window.slice(0, next))) emit(segment, from + index);
      joinNext = false;
    }
    from += next;
  }
  return ranges;
}

/** Where to cut a window with no trusted sentence end: after its last white space before `limit`. */
function forcedCut(window: string, limit: number): number {
  for (let i = limit - 1; i > limit / 2; i--) if (/\s/.test(window[i] as string)) return i + 1;
  // Never between the halves of a surrogate pair.
  const code = window.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * The platform segmenter ends a sentence after any "word." followed by a capital; a title or an
 * initial ("Dr. Smith", "Mohammad R. Haghighat", "Fig. 3") does not end one, so those are rejoined.
 */
const ABBREVIATION_END = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|Fig|Figs|Eq|Eqs|Ref|Refs|Sec|Vol|No|pp|vs|e\.g|i\.e|cf|al|approx|Inc|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|\p{Lu})\.$/u;

/** Splits plain text into paragraphs at blank lines, folding single line breaks into spaces. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\f\v]*\n+/)
    .map((paragraph) => normalizeWhitespace(paragraph))
    .filter((paragraph) => paragraph.length > 0);
}
