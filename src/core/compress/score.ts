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

/** Scores passages and sentences for the plan's terms. Cost: linear in the terms' postings. */
export function scoreRound(index: LibraryIndex, plan: QueryPlan, config: CompressConfig): RoundScores {
  const passages = index.passageTerms.length;
  const passage = new Float64Array(passages);
  const sentence = new Float64Array(index.sentenceTerms.length);
  const passageTf = new Float64Array(passages);
  const { avgPassageTerms, avgSentenceTerms } = index.derived;
  for (const term of plan.terms) {
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
    }
  }
  const titles = sectionTitleScores(index, plan, config);
  for (let p = 0; p < passages; p++) {
    const bonus = titles[index.passageSection[p]!]!;
    if (bonus > 0) passage[p]! += bonus;
  }
  return { passage, sentence };
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
