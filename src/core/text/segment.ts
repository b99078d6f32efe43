// Sentence segmentation and whitespace normalisation, on the platform's Unicode segmenter.
import type { CharRange } from "./types";

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Collapses runs of white space to one space and trims; the form used to compare texts. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Splits `text` into sentence ranges, offsets relative to `offset`. Leading and trailing white
 * space is excluded from each range; ranges with no visible character are dropped.
 */
export function splitSentences(text: string, offset = 0): CharRange[] {
  const ranges: CharRange[] = [];
  let joinNext = false;
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const start = offset + index + leading;
    const previous = ranges.at(-1);
    if (joinNext && previous) previous.end = start + trimmed.length;
    else ranges.push({ start, end: start + trimmed.length });
    joinNext = ABBREVIATION_END.test(trimmed);
  }
  return ranges;
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
