// Pair coverage (multi-hop re-ranking): a bridge question is answered by two passages, one that
// matches its description and one that the first names, which between them hold most of the
// question's terms. BM25 sums reward a passage that repeats one half of the question; coverage
// of the union rewards the pair that holds both halves.
import type { CompressConfig } from "./config";
import type { QueryPlan } from "./analyse";
import { passageLinks, sectionPassages } from "./hops";
import { termBit, topIndices } from "./score";
import type { LibraryIndex } from "./types";

/** Weighted share (0 to 1) of the question's terms a coverage mask holds; weights weight x idf. */
export function maskCoverage(mask: number, weights: readonly number[], total: number): number {
  if (total <= 0) return 0;
  let covered = 0;
  for (let i = 0; i < weights.length && i < 32; i++) if (mask & termBit(i)) covered += weights[i]!;
  return covered / total;
}

/**
 * Per passage, the best coverage (0 to 1, times the link's strength) of a pair it forms with a
 * passage it names or that names it, among the best `config.pairCandidates` passages by
 * `scores`. A pair counts for a member only if that member adds at least `config.pairMinGain` of
 * coverage to the other: a passage that merely names the best one adds nothing.
 */
export function pairCoverage(index: LibraryIndex, plan: QueryPlan, masks: Uint32Array, scores: Float64Array, config: CompressConfig): Map<number, number> {
  const weights = plan.terms.slice(0, 32).map((term) => term.weight * term.idf);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const best = new Map<number, number>();
  const note = (p: number, value: number): void => {
    if (value > (best.get(p) ?? 0)) best.set(p, value);
  };
  for (const p of topIndices(scores, Math.round(config.pairCandidates))) {
    const doc = index.sectionDoc[index.passageSection[p]!]!;
    for (const [section, factor] of passageLinks(index, p)) {
      if (index.sectionDoc[section] === doc) continue;
      for (const q of sectionPassages(index, section)) {
        const both = maskCoverage(masks[p]! | masks[q]!, weights, total);
        const value = factor * both;
        if (both - maskCoverage(masks[q]!, weights, total) >= config.pairMinGain) note(p, value);
        if (both - maskCoverage(masks[p]!, weights, total) >= config.pairMinGain) note(q, value);
      }
    }
  }
  return best;
}

/**
 * Blends pair coverage into passage scores (`scores` best = 1): a passage in a pair whose
 * coverage is the best found gets at least `pairWeight`, falling with (coverage / best)^pairPower.
 * Returns a new array.
 */
export function blendPairs(scores: Float64Array, pairs: ReadonlyMap<number, number>, config: CompressConfig): Float64Array {
  const out = Float64Array.from(scores);
  let top = 0;
  for (const value of pairs.values()) top = Math.max(top, value);
  if (top <= 0 || config.pairWeight <= 0) return out;
  for (const [p, value] of pairs) {
    const lifted = config.pairWeight * (value / top) ** config.pairPower + (1 - config.pairWeight) * scores[p]!;
    if (lifted > out[p]!) out[p] = lifted;
  }
  return out;
}
