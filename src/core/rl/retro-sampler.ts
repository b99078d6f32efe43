// Difficulty-aware retrospective sampling (QwenLong-L1): examples the policy has not solved are
// retained with their difficulty, 1 - mean group reward, and mixed back into later batches, drawn
// by difficulty, so hard examples of earlier curriculum phases keep being practised.
import { requireIntegerInRange, requireNumberInRange, RlConfigError } from "./errors";
import { shuffle, weightedSampleWithoutReplacement, type Rng } from "./random";

export interface RetroSamplerOptions {
  /** false: nothing is retained and batches are the fresh examples alone. */
  enabled: boolean;
  /** Fraction of each batch drawn from retained examples, [0, 1]; the rest is fresh. */
  retroFraction: number;
  /** Most examples retained; the easiest is evicted first. */
  capacity: number;
  /** Examples easier than this (difficulty below it) are not retained; all-solved ones never are. */
  minDifficulty: number;
  /** true (the paper's): only examples recorded in an earlier phase are eligible. */
  earlierPhasesOnly: boolean;
}

export const DEFAULT_RETRO_SAMPLER_OPTIONS: Readonly<RetroSamplerOptions> = Object.freeze({
  enabled: true,
  retroFraction: 0.25,
  capacity: 1024,
  minDifficulty: 0,
  earlierPhasesOnly: true,
});

/** Defaults applied to partial options, then validated; errors name the bad field under `field`. */
export function resolveRetroSamplerOptions(input: Partial<RetroSamplerOptions> = {}, field = "sampler"): RetroSamplerOptions {
  const o = { ...DEFAULT_RETRO_SAMPLER_OPTIONS, ...input };
  if (typeof o.enabled !== "boolean") throw new RlConfigError(`${field}.enabled`, "expected true or false.");
  if (typeof o.earlierPhasesOnly !== "boolean") throw new RlConfigError(`${field}.earlierPhasesOnly`, "expected true or false.");
  requireNumberInRange(`${field}.retroFraction`, o.retroFraction, 0, 1);
  requireIntegerInRange(`${field}.capacity`, o.capacity, 0, 1 << 24);
  requireNumberInRange(`${field}.minDifficulty`, o.minDifficulty, 0, 1);
  return o;
}

/** A retained example; plain data, so a snapshot can be stored and restored. */
export interface RetainedExample<T> {
  id: string;
  example: T;
  /** Mean reward of the example's latest group of answers. */
  meanReward: number;
  /** 1 - meanReward: 1 when every answer failed. */
  difficulty: number;
  /** Latest curriculum phase (0-based) the example was scored in. */
  phase: number;
  /** Times it was scored. */
  visits: number;
}

export interface FreshExample<T> {
  id: string;
  example: T;
}

export interface BatchItem<T> extends FreshExample<T> {
  source: "fresh" | "retro";
}

export class RetroSampler<T> {
  readonly options: RetroSamplerOptions;
  // Insertion-ordered, so ties in eviction go to the oldest.
  private readonly pool = new Map<string, RetainedExample<T>>();

  constructor(options: RetroSamplerOptions, snapshot: readonly RetainedExample<T>[] = []) {
    this.options = options;
    for (const entry of snapshot) this.pool.set(entry.id, { ...entry });
  }

  get size(): number {
    return this.pool.size;
  }

  /** The retained examples, plain data, oldest first. */
  snapshot(): RetainedExample<T>[] {
    return [...this.pool.values()].map((e) => ({ ...e }));
  }

  /** Difficulty of a retained example, or null when it is not retained. */
  difficulty(id: string): number | null {
    return this.pool.get(id)?.difficulty ?? null;
  }

  /**
   * Records the mean group reward an example just got in `phase`. Solved (difficulty <= 0) or
   * too-easy examples leave the pool; others enter it or are updated to the latest score.
   */
  record(id: string, example: T, meanReward: number, phase: number): void {
    if (!this.options.enabled) return;
    if (!Number.isFinite(meanReward)) throw new RangeError(`meanReward of "${id}" is ${meanReward}.`);
    const difficulty = 1 - meanReward;
    if (difficulty <= 0 || difficulty < this.options.minDifficulty) {
      this.pool.delete(id);
      return;
    }
    const previous = this.pool.get(id);
    const entry: RetainedExample<T> = {
      id,
      example,
      meanReward,
      difficulty,
      phase: Math.max(phase, previous?.phase ?? phase),
      visits: (previous?.visits ?? 0) + 1,
    };
    this.pool.delete(id);
    this.pool.set(id, entry);
    this.evictOverCapacity();
  }

  private evictOverCapacity(): void {
    while (this.pool.size > this.options.capacity) {
      let easiest: RetainedExample<T> | null = null;
      for (const e of this.pool.values()) if (!easiest || e.difficulty < easiest.difficulty) easiest = e;
      if (!easiest) return;
      this.pool.delete(easiest.id);
    }
  }

  /**
   * A batch of up to batchSize items for `phase`: round(batchSize * retroFraction) retained
   * examples (fewer if fewer are eligible) drawn without replacement with probability proportional
   * to difficulty, the rest taken in order from `fresh`, the whole shuffled. Retained examples that
   * share an id with a fresh one are skipped.
   */
  mixBatch(fresh: readonly FreshExample<T>[], batchSize: number, phase: number, rng: Rng): BatchItem<T>[] {
    const freshItems = (take: number): BatchItem<T>[] =>
      fresh.slice(0, take).map((f) => ({ id: f.id, example: f.example, source: "fresh" as const }));
    if (!this.options.enabled) return freshItems(batchSize);
    const freshIds = new Set(fresh.slice(0, batchSize).map((f) => f.id));
    const eligible = [...this.pool.values()].filter(
      (e) => !freshIds.has(e.id) && (!this.options.earlierPhasesOnly || e.phase < phase),
    );
    const wanted = Math.min(Math.round(batchSize * this.options.retroFraction), eligible.length);
    const picked = weightedSampleWithoutReplacement(
      rng,
      eligible.map((e) => e.difficulty),
      wanted,
    ).map((i) => eligible[i] as RetainedExample<T>);
    const retro: BatchItem<T>[] = picked.map((e) => ({ id: e.id, example: e.example, source: "retro" }));
    return shuffle(rng, [...retro, ...freshItems(batchSize - retro.length)]);
  }
}
