// Round two (multi-hop): entities named in round one's best passages lead to the documents or
// sections titled with those names (and passages naming a seed's own title lead back to it);
// linked passages inherit part of the seed's score.
import { findTitleMentions } from "./analyse";
import type { CompressConfig } from "./config";
import { topIndices } from "./score";
import { bm25Idf } from "./score-math";
import { stem, wordTokens } from "./terms";
import type { LibraryIndex } from "./types";

/** Title strength (summed IDF, nats) at which a mention counts fully; weaker titles count less. */
const FULL_STRENGTH_NATS = 9;
/** A capitalised word shared by at most this many section titles may stand for one of them. */
const PARTIAL_MAX_SECTIONS = 3;
/** A partial mention (one word of a title) counts this much of a full one. */
const PARTIAL_DISCOUNT = 0.6;

/** The share of a seed's score a mention of a title of `strength` nats passes on (0 to 1). */
export function mentionFactor(strength: number): number {
  return Math.min(1, strength / FULL_STRENGTH_NATS);
}

/** Score a linked passage gets: the inherited part plus a share of its own score (both 0 to 1). */
export function hopScore(seedScore: number, factor: number, ownScore: number, hopWeight: number): number {
  return hopWeight * seedScore * factor + (1 - hopWeight) * ownScore;
}

/** Character range of a run of sentence units. */
function sentenceRangeText(index: LibraryIndex, first: number, last: number): string {
  const doc = index.docs[index.sectionDoc[index.passageSection[index.sentencePassage[first]!]!]!]!;
  return doc.text.slice(index.sentenceStart[first]!, index.sentenceEnd[last]!);
}

/**
 * Sections a piece of text names, with a factor 0 to 1: a whole title phrase by its strength, or
 * one rare capitalised word of a title ("Belinda" for "Belinda Peregrín") at a discount.
 */
export function linkedSections(index: LibraryIndex, text: string): Map<number, number> {
  const tokens = wordTokens(text);
  const links = new Map<number, number>();
  for (const [section, strength] of findTitleMentions(index, tokens.map((t) => t.word))) links.set(section, mentionFactor(strength));
  const passages = index.passageTerms.length;
  for (const token of tokens) {
    const first = text.charCodeAt(token.start);
    if (first < 65 || first > 90 || token.word.length < 3) continue;
    const term = stem(token.word);
    const sections = index.derived.titleSections.get(term);
    if (!sections || sections.length > PARTIAL_MAX_SECTIONS) continue;
    const id = index.derived.termId.get(term);
    const factor = PARTIAL_DISCOUNT * mentionFactor(bm25Idf(passages, id === undefined ? 0 : index.passageDf[id]!));
    for (const section of sections) if (factor > (links.get(section) ?? 0)) links.set(section, factor);
  }
  return links;
}

/** Sections named by the text of one passage. */
export function passageLinks(index: LibraryIndex, passage: number): Map<number, number> {
  return linkedSections(index, sentenceRangeText(index, index.passageFirst[passage]!, index.passageFirst[passage + 1]! - 1));
}

/** Passages of one section (passages are numbered in section order). */
export function sectionPassages(index: LibraryIndex, section: number): number[] {
  let lo = 0, hi = index.passageSection.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.passageSection[mid]! < section) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let p = lo; p < index.passageSection.length && index.passageSection[p] === section; p++) out.push(p);
  return out;
}

/**
 * Final passage scores after one hop. `round1` is normalised (best = 1); each of the best
 * `config.hopSeeds` passages passes its score to the passages of the sections it names, and to
 * passages that name the seed's own title. Returns a new array and the seeds used.
 */
export function expandHops(index: LibraryIndex, round1: Float64Array, config: CompressConfig): { scores: Float64Array; seeds: number[] } {
  const scores = Float64Array.from(round1);
  const seeds = topIndices(round1, Math.round(config.hopSeeds));
  const lift = (passage: number, seed: number, factor: number): void => {
    const linked = hopScore(round1[seed]!, factor, round1[passage]!, config.hopWeight);
    if (linked > scores[passage]!) scores[passage] = linked;
  };
  for (const seed of seeds) {
    const seedSection = index.passageSection[seed]!;
    const seedDoc = index.sectionDoc[seedSection]!;
    for (const [section, factor] of passageLinks(index, seed)) {
      if (index.sectionDoc[section] === seedDoc) continue;
      for (const p of sectionPassages(index, section)) lift(p, seed, factor);
    }
    for (const [passage, factor] of passagesNaming(index, seedSection)) {
      if (index.sectionDoc[index.passageSection[passage]!] !== seedDoc) lift(passage, seed, factor * PARTIAL_DISCOUNT);
    }
  }
  return { scores, seeds };
}

/**
 * Passages whose text holds every content term of a section's title (a cheap stand-in for naming
 * it), found by intersecting postings; factor by the title's strength. Skipped for titles whose
 * rarest term is in more than 50 passages: those name nothing in particular.
 */
export function passagesNaming(index: LibraryIndex, section: number): Map<number, number> {
  const docTitle = index.docs[index.sectionDoc[section]!]!.title;
  const terms = [...new Set(wordTokens(docTitle.replace(/\s*\([^)]*\)\s*$/, "")).map((t) => stem(t.word)))];
  const ids = terms.map((term) => index.derived.termId.get(term)).filter((id): id is number => id !== undefined);
  const out = new Map<number, number>();
  if (ids.length === 0 || ids.length !== terms.length) return out;
  ids.sort((a, b) => index.passageDf[a]! - index.passageDf[b]!);
  if (index.passageDf[ids[0]!]! > 50) return out;
  const passages = index.passageTerms.length;
  let strength = 0;
  for (const id of ids) strength += bm25Idf(passages, index.passageDf[id]!);
  const counts = new Map<number, number>();
  for (const id of ids) {
    for (let k = index.postingFirst[id]!; k < index.postingFirst[id + 1]!; k++) {
      const p = index.sentencePassage[index.postingSentence[k]!]!;
      const seen = counts.get(p) ?? 0;
      if (seen === ids.indexOf(id)) counts.set(p, seen + 1);
    }
  }
  for (const [p, n] of counts) if (n === ids.length) out.set(p, mentionFactor(strength));
  return out;
}
