// DAPO's batch shaping: the dynamic-sampling filter (groups whose answers all scored the same teach
// nothing under group-relative advantages) and the soft overlong-answer penalty.

/**
 * Indices of the groups to keep from rewards laid out [groups, groupSize] row-major: a group is
 * dropped when max - min of its rewards is <= tolerance (all solved or all failed).
 */
export function dynamicSamplingFilter(
  rewards: ArrayLike<number>,
  groups: number,
  groupSize: number,
  tolerance = 0,
): { keep: number[]; dropped: number[] } {
  if (rewards.length !== groups * groupSize) {
    throw new RangeError(`rewards has ${rewards.length} entries; expected groups * groupSize = ${groups * groupSize}.`);
  }
  const keep: number[] = [];
  const dropped: number[] = [];
  for (let g = 0; g < groups; g++) {
    let min = Infinity;
    let max = -Infinity;
    for (let j = 0; j < groupSize; j++) {
      const r = rewards[g * groupSize + j] as number;
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    (max - min > tolerance ? keep : dropped).push(g);
  }
  return { keep, dropped };
}

/** The soft overlong punishment of DAPO. Lengths are response tokens. */
export interface OverlongOptions {
  /** Longest response allowed (L_max), tokens. */
  maxTokens: number;
  /** Length of the soft zone before maxTokens (L_cache), tokens; 0 makes the penalty a hard step. */
  cacheTokens: number;
}

/**
 * Reward added for a response of `length` tokens: 0 up to maxTokens - cacheTokens, then falling
 * linearly to -1 at maxTokens, ((maxTokens - cacheTokens) - length) / cacheTokens, and -1 beyond.
 */
export function overlongPenalty(length: number, options: OverlongOptions): number {
  const { maxTokens, cacheTokens } = options;
  const free = maxTokens - cacheTokens;
  if (length <= free) return 0;
  if (length <= maxTokens) return (free - length) / cacheTokens;
  return -1;
}

/** rewards[i] + overlongPenalty(lengths[i]) for a batch; returns a new Float32Array. */
export function applyOverlongPenalty(
  rewards: ArrayLike<number>,
  lengths: ArrayLike<number>,
  options: OverlongOptions,
): Float32Array {
  if (rewards.length !== lengths.length) {
    throw new RangeError(`rewards (${rewards.length}) and lengths (${lengths.length}) differ in length.`);
  }
  const out = new Float32Array(rewards.length);
  for (let i = 0; i < rewards.length; i++) {
    out[i] = (rewards[i] as number) + overlongPenalty(lengths[i] as number, options);
  }
  return out;
}
