// Reads a question: its weighted index terms, its intent (factoid, comparison, coverage), the
// granularity that intent wants, and the titles of documents or sections it names.
import { contentTerms, stem, wordTokens } from "./terms";
import { bm25Idf } from "./score-math";
import type { Granularity, Intent, LibraryIndex, TitlePhrase } from "./types";

export interface QueryTerm {
  id: number;
  /** How many times the question uses the term (unitless weight). */
  weight: number;
  /** BM25 inverse document frequency over passages (nats). */
  idf: number;
}

export interface QueryPlan {
  terms: QueryTerm[];
  intent: Intent;
  granularity: Granularity;
  /** Sections whose title the question names, with the title's strength (summed IDF, nats). */
  namedSections: Map<number, number>;
}

const COVERAGE = /\b(summari[sz]e|summary|overview|outline|list (?:all|every|each)|all (?:the|of the)|every|each of|compare all|main (?:points|ideas|themes|arguments)|key (?:points|findings|ideas)|themes?)\b/i;
const COMPARISON = /\b(both|either|neither|compare|comparison|difference|differ|same|versus|vs\.?|more|less|older|younger|earlier|later|first|larger|smaller|longer|shorter|higher|lower)\b|\bor\b/i;

/** Coverage questions want spread over documents; comparisons name two things; the rest are factoids. */
export function classifyIntent(query: string): Intent {
  if (COVERAGE.test(query)) return "coverage";
  if (COMPARISON.test(query)) return "comparison";
  return "factoid";
}

const GRANULARITY_OF: Record<Intent, Granularity> = { factoid: "sentence", comparison: "sentence", coverage: "paragraph" };

/** The unit a question of this intent is best answered from. */
export function defaultGranularity(intent: Intent): Granularity {
  return GRANULARITY_OF[intent];
}

/** Summed IDF (nats) of a title phrase's content words: how specific a mention of it is. */
export function titleStrength(index: LibraryIndex, phrase: TitlePhrase): number {
  const passages = index.passageTerms.length;
  let strength = 0;
  for (const term of contentTerms(phrase.words.join(" "))) {
    const id = index.derived.termId.get(term);
    strength += bm25Idf(passages, id === undefined ? 0 : index.passageDf[id]!);
  }
  return strength;
}

/**
 * Sections whose title appears as a whole phrase in `words` (folded words, in order), each with its
 * strength; the strongest mention wins when a title is named twice.
 */
export function findTitleMentions(index: LibraryIndex, words: readonly string[]): Map<number, number> {
  const found = new Map<number, number>();
  for (let i = 0; i < words.length; i++) {
    const phrases = index.derived.titlePhrases.get(words[i]!);
    if (!phrases) continue;
    for (const phrase of phrases) {
      if (phrase.words.length > words.length - i) continue;
      let match = true;
      for (let k = 1; k < phrase.words.length && match; k++) match = words[i + k] === phrase.words[k];
      if (!match) continue;
      const strength = titleStrength(index, phrase);
      if (strength > (found.get(phrase.section) ?? 0)) found.set(phrase.section, strength);
    }
  }
  return found;
}

/** Plans a question against an index: terms known to the index, intent, granularity, named titles. */
export function planQuery(index: LibraryIndex, query: string, intent?: Intent, granularity?: Granularity): QueryPlan {
  const weights = new Map<number, number>();
  for (const term of contentTerms(query)) {
    const id = index.derived.termId.get(term) ?? index.derived.termId.get(stem(term));
    if (id !== undefined) weights.set(id, (weights.get(id) ?? 0) + 1);
  }
  const passages = index.passageTerms.length;
  // Heaviest first, so coverage masks (32 bits) keep the terms that matter most.
  const terms = [...weights].map(([id, weight]) => ({ id, weight, idf: bm25Idf(passages, index.passageDf[id]!) })).sort((a, b) => b.weight * b.idf - a.weight * a.idf);
  const chosen = intent ?? classifyIntent(query);
  const words = wordTokens(query).map((token) => token.word);
  return { terms, intent: chosen, granularity: granularity ?? defaultGranularity(chosen), namedSections: findTitleMentions(index, words) };
}
