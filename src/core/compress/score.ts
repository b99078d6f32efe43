// Round-one scoring: BM25 of every passage (body plus boosted title field, plus named-title
// bonus) and of every sentence, in one walk over the query terms' postings.
import type { CompressConfig } from "./config";
import type { QueryPlan } from "./analyse";
import { bm25Saturation } from "./score-math";
import type { LibraryIndex } from "./types";

export interface RoundScores {
  /** Per passage (global numbering), unnormalised score (nats-weighted BM25). */
  passage: Float64Array;
  /** Per sentence unit, BM25 of the sentence on its own. */
  sentence: Float64Array;
  /**
   * Per passage, which query terms it holds in its text or its section's title: bit i for
   * `plan.terms[i]` (terms past the 32nd are left out of the masks).
   */
  mask: Uint32Array;
}

/** Bit of the i-th query term in a coverage mask (0 past the 32nd term). */
export function termBit(i: number): number {
  return i < 32 ? (1 << i) >>> 0 : 0;
}

/** Adds each query term's title-field score to every section whose title holds it. Per section. */
export function sectionTitleScores(index: LibraryIndex, plan: QueryPlan, config: CompressConfig): Float64Array {
  const scores = new Float64Array(index.sectionTitle.length);
  for (const term of plan.terms) {
    const sections = index.derived.titleSections.get(index.terms[term.id]!);
    if (!sections) continue;
    for (const section of sections) scores[section]! += config.titleWeight * term.weight * term.idf;
  }
  for (const [section, strength] of plan.namedSections) scores[section]! += config.titlePhraseBonus * strength;
  return scores;
}

/** Coverage masks (see RoundScores.mask) of the sections whose title holds a query term. */
export function sectionTitleMasks(index: LibraryIndex, plan: QueryPlan): Map<number, number> {
  const masks = new Map<number, number>();
  plan.terms.forEach((term, i) => {
    for (const section of index.derived.titleSections.get(index.terms[term.id]!) ?? []) masks.set(section, (masks.get(section) ?? 0) | termBit(i));
  });
  return masks;
}

/** Scores passages and sentences for the plan's terms. Cost: linear in the terms' postings. */
export function scoreRound(index: LibraryIndex, plan: QueryPlan, config: CompressConfig): RoundScores {
  const passages = index.passageTerms.length;
  const passage = new Float64Array(passages);
  const sentence = new Float64Array(index.sentenceTerms.length);
  const passageTf = new Float64Array(passages);
  const mask = new Uint32Array(passages);
  const { avgPassageTerms, avgSentenceTerms } = index.derived;
  plan.terms.forEach((term, i) => {
    const bit = termBit(i);
    const touched: number[] = [];
    const from = index.postingFirst[term.id]!;
    const to = index.postingFirst[term.id + 1]!;
    for (let k = from; k < to; k++) {
      const s = index.postingSentence[k]!;
      const tf = index.postingTf[k]!;
      sentence[s]! += term.weight * term.idf * bm25Saturation(tf, index.sentenceTerms[s]!, avgSentenceTerms, config.k1, config.b);
      const p = index.sentencePassage[s]!;
      if (passageTf[p] === 0) touched.push(p);
      passageTf[p]! += tf;
    }
    for (const p of touched) {
      passage[p]! += term.weight * term.idf * bm25Saturation(passageTf[p]!, index.passageTerms[p]!, avgPassageTerms, config.k1, config.b);
      passageTf[p] = 0;
      mask[p]! |= bit;
    }
  });
  const titles = sectionTitleScores(index, plan, config);
  const titleMasks = sectionTitleMasks(index, plan);
  for (let p = 0; p < passages; p++) {
    const section = index.passageSection[p]!;
    const bonus = titles[section]!;
    if (bonus > 0) passage[p]! += bonus;
    mask[p]! |= titleMasks.get(section) ?? 0;
  }
  return { passage, sentence, mask };
}

/** Indices of the `k` largest positive scores, best first. */
export function topIndices(scores: Float64Array, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (score <= 0) continue;
    if (best.length === k && score <= scores[best[k - 1]!]!) continue;
    let at = best.length < k ? best.length : k - 1;
    if (best.length < k) best.push(i);
    while (at > 0 && scores[best[at - 1]!]! < score) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = i;
  }
  return best;
}
