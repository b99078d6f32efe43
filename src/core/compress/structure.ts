// Builds the compressor's document structure from plain text, keeping offsets into the original
// text (unlike buildDocument, which normalises white space first).
import { splitSentences } from "../text/segment";
import type { Paragraph } from "../text/types";
import type { CompressDocument } from "./types";

/** Character ranges of the paragraphs of `text`, split at blank lines, trimmed, empty ones dropped. */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const separator = /\n[ \t\f\v\r]*\n\s*/g;
  let from = 0;
  const push = (start: number, end: number): void => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (trimmed.length > 0) ranges.push({ start: start + lead, end: start + lead + trimmed.length });
  };
  for (const match of text.matchAll(separator)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return ranges;
}

/** One untitled-section document over `text`: paragraphs at blank lines, sentences inside them. */
export function plainTextDocument(id: string, title: string, text: string): CompressDocument {
  const paragraphs: Paragraph[] = paragraphRanges(text).map(({ start, end }) => ({
    start,
    end,
    sentences: splitSentences(text.slice(start, end), start),
  }));
  const section = { kind: "section" as const, number: 1, title, level: 0, start: 0, end: text.length, paragraphs };
  return { id, title, text, sections: [section] };
}

/**
 * A sentence range ending like this was most likely cut inside a sentence by the segmenter: an
 * initialism ("U.S.", "J.F."), a court or date abbreviation ("Alleyne v.", "c."), a title after a
 * quote mark ('"Dr.'). Joining costs a slightly longer unit; a wrong cut costs half a fact.
 */
const CUT_INSIDE = /(?:(?:^|[^\p{L}])(?:\p{L}\.){2,}|(?:^|[^\p{L}])(?:\p{Lu}|v|vs|Vs|c|ca|est|Bros|Mr|Mrs|Ms|Dr|St|Jr|Sr|Lt|Col|Gen|Capt|Sgt|Rev|Gov|Sen|Rep|Ft|Mt|No)\.)$/u;

/**
 * Rejoins sentence ranges that the text segmenter cut after an abbreviation it does not know,
 * when the next range starts with a capital or a digit (as after "U.S." in "the U.S. Army").
 */
export function joinAbbreviationCuts(text: string, ranges: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = out.at(-1);
    if (last && CUT_INSIDE.test(text.slice(Math.max(last.start, last.end - 24), last.end)) && /^["“'(]?[\p{Lu}\p{N}]/u.test(text.slice(range.start, range.start + 2))) {
      last.end = range.end;
    } else out.push({ start: range.start, end: range.end });
  }
  return out;
}

/**
 * Cuts a sentence range longer than `maxChars` at white space into pieces of at most `maxChars`
 * (a piece with no white space is cut hard). Ranges are half-open character offsets.
 */
export function splitLongRange(text: string, start: number, end: number, maxChars: number): [number, number][] {
  const pieces: [number, number][] = [];
  let from = start;
  while (end - from > maxChars) {
    let cut = text.lastIndexOf(" ", from + maxChars);
    if (cut <= from) cut = from + maxChars;
    pieces.push([from, cut]);
    from = cut;
    while (from < end && text[from] === " ") from++;
  }
  if (end > from) pieces.push([from, end]);
  return pieces;
}
