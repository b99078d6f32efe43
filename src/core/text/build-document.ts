// Assembles extracted units into one text with offsets for sections, paragraphs and sentences.
import { normalizeWhitespace, splitSentences } from "./segment";
import type { DocumentContent, Extraction, Paragraph, Section } from "./types";

/** Separator between paragraphs, and between sections, in the assembled text. */
export const PARAGRAPH_SEPARATOR = "\n\n";

/**
 * Joins every unit's paragraphs with blank lines into one text. A section's heading becomes its
 * first paragraph so it can be found and cited; pages carry no heading text. Empty units are kept
 * (a blank page is still page N) with empty ranges.
 */
export function buildDocument(extraction: Extraction): DocumentContent {
  const parts: string[] = [];
  let length = 0;
  const sections: Section[] = [];

  const append = (piece: string): Paragraph => {
    if (length > 0) {
      parts.push(PARAGRAPH_SEPARATOR);
      length += PARAGRAPH_SEPARATOR.length;
    }
    const start = length;
    parts.push(piece);
    length += piece.length;
    return { start, end: length, sentences: splitSentences(piece, start) };
  };

  for (const unit of extraction.units) {
    const paragraphs: Paragraph[] = [];
    const heading = unit.kind === "section" && unit.level > 0 ? normalizeWhitespace(unit.title) : "";
    const pieces = heading ? [heading, ...unit.paragraphs] : unit.paragraphs;
    for (const raw of pieces) {
      const piece = normalizeWhitespace(raw);
      if (piece.length > 0) paragraphs.push(append(piece));
    }
    const start = paragraphs[0]?.start ?? length;
    const end = paragraphs.at(-1)?.end ?? length;
    sections.push({ kind: unit.kind, number: unit.number, title: unit.title, level: unit.level, start, end, paragraphs });
  }
  return { text: parts.join(""), sections };
}

/** Counts of the structure, without tokens (those need a tokenizer adapter). */
export function countStructure(content: DocumentContent): { pages: number; sections: number; paragraphs: number; sentences: number; characters: number } {
  let paragraphs = 0;
  let sentences = 0;
  for (const section of content.sections) {
    paragraphs += section.paragraphs.length;
    for (const paragraph of section.paragraphs) sentences += paragraph.sentences.length;
  }
  const pages = content.sections.filter((section) => section.kind === "page").length;
  return { pages, sections: content.sections.length, paragraphs, sentences, characters: content.text.length };
}
