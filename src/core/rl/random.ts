// A small seeded PRNG (splitmix32 seeding a mulberry32 stream) with shuffle and choice helpers,
// so task generation and sampling replay exactly from a seed.

/** A seeded stream of uniform numbers. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n); n must be a positive integer. */
  int(n: number): number;
}

/** splitmix32 finaliser: mixes a 32-bit integer into a well-spread 32-bit integer. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hashes a string to a 32-bit integer (FNV-1a), for naming sub-streams. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A seed for an independent sub-stream: the same (seed, ...streams) always gives the same seed,
 * and different stream labels give unrelated streams (e.g. deriveSeed(runSeed, "task", step)).
 */
export function deriveSeed(seed: number, ...streams: (number | string)[]): number {
  let h = mix32(seed >>> 0);
  for (const s of streams) h = mix32(h ^ (typeof s === "number" ? mix32(s >>> 0) : hashString(s)));
  return h;
}

/** A mulberry32 generator; the seed (any number, taken modulo 2^32) is mixed first so 0, 1, 2 differ well. */
export function createRng(seed: number): Rng {
  let state = mix32(seed >>> 0);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`Rng.int needs a positive integer, got ${n}.`);
    return Math.floor(next() * n);
  };
  return { next, int };
}

/** A shuffled copy of `items` (Fisher-Yates); the input is left as it is. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** One uniformly chosen item; throws on an empty list. */
export function choice<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError("choice needs at least one item.");
  return items[rng.int(items.length)] as T;
}

/**
 * An index drawn with probability weights[i] / sum(weights). Weights must be finite and >= 0 with a
 * positive sum.
 */
export function weightedChoice(rng: Rng, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weight ${i} is ${w}; weights must be finite and >= 0.`);
    total += w;
  }
  if (total <= 0) throw new RangeError("weightedChoice needs a positive total weight.");
  let u = rng.next() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w <= 0) continue;
    last = i;
    if (u < w) return i;
    u -= w;
  }
  return last; // float round-off left u just above the last bucket
}

/**
 * k distinct indices, each drawn by weight among those not yet drawn (successive weighted draws).
 * Zero-weight indices are never drawn, so fewer than k come back when fewer have positive weight.
 */
export function weightedSampleWithoutReplacement(rng: Rng, weights: ArrayLike<number>, k: number): number[] {
  const w = Array.from(weights);
  const picked: number[] = [];
  for (let n = 0; n < k; n++) {
    if (!w.some((x) => x > 0)) break;
    const i = weightedChoice(rng, w);
    picked.push(i);
    w[i] = 0;
  }
  return picked;
}
