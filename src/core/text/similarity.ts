// Character-level similarity of two texts, used to measure extraction fidelity against a reference.
import { normalizeWhitespace } from "./segment";

/**
 * Insert/delete edit distance (the length of the shortest edit script) between `a` and `b`, by
 * Myers' O((n+m)·D) greedy algorithm: fast when the texts are close, which is the case we measure.
 * Stops at `maxDistance` and returns it, so a hopeless comparison costs at most O((n+m)·max).
 */
export function editDistance(a: string, b: string, maxDistance = a.length + b.length): number {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxDistance, n + m);
  const offset = limit + 1;
  // v[k + offset] = furthest x reached on diagonal k (k = x - y).
  const v = new Int32Array(2 * limit + 3);
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[k - 1 + offset] ?? 0) < (v[k + 1 + offset] ?? 0));
      let x = down ? (v[k + 1 + offset] ?? 0) : (v[k - 1 + offset] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[k + offset] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return limit;
}

/**
 * Similarity in [0, 1] of the whitespace-normalised texts: 1 - D / (n + m), where D is the
 * insert/delete distance — the share of characters the two texts have in common, in order
 * (2·LCS / (n+m), as Python's difflib ratio). Two empty texts are identical (1).
 */
export function textSimilarity(a: string, b: string): number {
  const left = normalizeWhitespace(a);
  const right = normalizeWhitespace(b);
  const total = left.length + right.length;
  if (total === 0) return 1;
  return 1 - editDistance(left, right) / total;
}

/**
 * Similarity of two texts split into aligned parts (pages), summed over parts so one long text does
 * not cost a quadratic diff: 1 - ΣD / Σ(n + m).
 */
export function partwiseSimilarity(left: readonly string[], right: readonly string[]): number {
  let distance = 0;
  let total = 0;
  const count = Math.max(left.length, right.length);
  for (let i = 0; i < count; i++) {
    const a = normalizeWhitespace(left[i] ?? "");
    const b = normalizeWhitespace(right[i] ?? "");
    distance += editDistance(a, b);
    total += a.length + b.length;
  }
  return total === 0 ? 1 : 1 - distance / total;
}
