// The document model every part of Folio builds on: text with character offsets for pages or
// sections, paragraphs and sentences.

export type DocumentFormat = "pdf" | "docx" | "html" | "markdown" | "text";

/** A half-open character range [start, end) into a document's text. */
export interface CharRange {
  start: number;
  end: number;
}

export interface Paragraph extends CharRange {
  sentences: CharRange[];
}

/** A page of a PDF, or a heading-delimited section of any other format. */
export interface Section extends CharRange {
  kind: "page" | "section";
  /** 1-based page number for pages; 1-based position for sections. */
  number: number;
  /** "Page 3" for pages; the heading text (or the document name before the first heading) for sections. */
  title: string;
  /** Heading depth, 1 for a top-level heading; 0 for pages and untitled leading text. */
  level: number;
  paragraphs: Paragraph[];
}

export interface DocumentStats {
  pages: number;
  sections: number;
  characters: number;
  paragraphs: number;
  sentences: number;
  /** Tokens of the whole text in the default model family's tokenizer (Qwen3). */
  tokens: number;
}

export interface DocumentContent {
  text: string;
  sections: Section[];
}

export interface DocumentMeta {
  id: string;
  name: string;
  format: DocumentFormat;
  /** Size of the original file in bytes. */
  bytes: number;
  /** Milliseconds since the epoch. */
  addedAt: number;
  stats: DocumentStats;
}

export interface FolioDocument extends DocumentMeta, DocumentContent {}

/** What a format adapter extracts before segmentation: units of paragraphs of plain text. */
export interface ExtractedUnit {
  kind: "page" | "section";
  number: number;
  title: string;
  level: number;
  paragraphs: string[];
}

export interface Extraction {
  units: ExtractedUnit[];
}

/** Counts tokens in a model family's tokenizer. Implemented in adapters; core only consumes it. */
export interface Tokenizer {
  readonly family: string;
  encode(text: string): number[];
  count(text: string): number;
}
