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
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const start = offset + index + leading;
    ranges.push({ start, end: start + trimmed.length });
  }
  return ranges;
}

/** Splits plain text into paragraphs at blank lines, folding single line breaks into spaces. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\f\v]*\n+/)
    .map((paragraph) => normalizeWhitespace(paragraph))
    .filter((paragraph) => paragraph.length > 0);
}
