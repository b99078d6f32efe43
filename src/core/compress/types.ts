// Shapes of the compressor: its input documents, the library index, requests, config and results.
import type { Section } from "../text/types";

/** A document as the compressor sees it: text with section > paragraph > sentence offsets. */
export interface CompressDocument {
  id: string;
  title: string;
  text: string;
  sections: Section[];
}

/**
 * The searchable form of one document, built at ingest time. Plain arrays and typed arrays only,
 * so it posts between threads and stores in IndexedDB as is. Offsets are UTF-16 code units into
 * `text`; sentence and passage numbers are local to the document.
 */
export interface DocumentIndex {
  id: string;
  title: string;
  text: string;
  /** Per section: [start, end) characters, kind, 1-based number, title. */
  sections: { start: number; end: number; kind: "page" | "section"; number: number; title: string }[];
  /** Per passage (a paragraph, or a slice of a long one): section number (0-based), first sentence. */
  passageSection: Int32Array;
  /** Passage p owns sentences [passageFirst[p], passageFirst[p + 1]). Length passages + 1. */
  passageFirst: Int32Array;
  /** Per sentence unit: character range and number of content terms. */
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  sentenceTerms: Uint16Array;
  /** Local vocabulary; postings of term t are entries [postingFirst[t], postingFirst[t + 1]). */
  terms: string[];
  postingFirst: Int32Array;
  /** Sentence (local number) and term frequency of each posting, sorted by sentence. */
  postingSentence: Int32Array;
  postingTf: Uint16Array;
}

/** Many documents merged under one vocabulary: what a question is asked against. */
export interface LibraryIndex {
  docs: { id: string; title: string; text: string }[];
  /** Per section (global numbering). */
  sectionDoc: Int32Array;
  sectionStart: Int32Array;
  sectionEnd: Int32Array;
  sectionNumber: Int32Array;
  /** 0 for a page, 1 for a section. */
  sectionKind: Uint8Array;
  sectionTitle: string[];
  passageSection: Int32Array;
  /** Passage p owns sentences [passageFirst[p], passageFirst[p + 1]). */
  passageFirst: Int32Array;
  /** Content terms per passage (sum over its sentences). */
  passageTerms: Int32Array;
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  sentenceTerms: Uint16Array;
  sentencePassage: Int32Array;
  terms: string[];
  postingFirst: Int32Array;
  postingSentence: Int32Array;
  postingTf: Uint16Array;
  /** Number of passages containing each term. */
  passageDf: Int32Array;
  /** Derived lookups, rebuilt on load and never serialised. */
  derived: DerivedLookups;
}

export interface DerivedLookups {
  termId: Map<string, number>;
  /** Title words (folded, unstemmed) of every section: doc title plus its own heading. */
  titlePhrases: Map<string, TitlePhrase[]>;
  /** Sections whose title (document title plus heading) holds each stemmed term. */
  titleSections: Map<string, number[]>;
  avgPassageTerms: number;
  avgSentenceTerms: number;
}

/** An entity name taken from a document or section title, to find where it is mentioned. */
export interface TitlePhrase {
  words: string[];
  section: number;
}

export const GRANULARITIES = ["phrase", "sentence", "paragraph", "section"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const INTENTS = ["factoid", "comparison", "coverage"] as const;
export type Intent = (typeof INTENTS)[number];

export interface CompressRequest {
  query: string;
  /** Token budget of the returned context, in the tokenizer family's tokens. */
  budget: number;
  /** Override the intent and granularity the question classifier would choose. */
  intent?: Intent;
  granularity?: Granularity;
}

/** One selected span with its source, in document order. */
export interface CompressSpan {
  doc: string;
  /** 1-based page or section number and its title. */
  section: { kind: "page" | "section"; number: number; title: string };
  start: number;
  end: number;
}

export interface CompressResult {
  text: string;
  /** Exact token count of `text`; never more than the budget. */
  tokens: number;
  spans: CompressSpan[];
  intent: Intent;
  granularity: Granularity;
}
