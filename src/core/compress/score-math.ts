// BM25 in small pure functions, shared by passage and sentence scoring.

/** Robertson-Sparck Jones IDF with +1 inside the log so it never goes negative (nats). */
export function bm25Idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/**
 * BM25 term-frequency saturation: tf occurrences in a unit of `length` terms, where units average
 * `avgLength` terms. Returns a factor in [0, k1 + 1).
 */
export function bm25Saturation(tf: number, length: number, avgLength: number, k1: number, b: number): number {
  if (tf <= 0) return 0;
  const norm = k1 * (1 - b + (b * length) / Math.max(avgLength, 1e-9));
  return (tf * (k1 + 1)) / (tf + norm);
}

/** Scores divided by their maximum, so the best is 1 (all zeros stay zeros). */
export function normaliseByMax(scores: Float64Array): Float64Array {
  let max = 0;
  for (const score of scores) if (score > max) max = score;
  if (max === 0) return scores;
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i]! / max;
  return out;
}
