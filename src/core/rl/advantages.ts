// Group-relative advantages (GRPO and Dr. GRPO): each sampled answer's reward compared with the
// other answers to the same prompt.

export interface AdvantageOptions {
  /** Divide by the group's standard deviation (GRPO). false keeps reward - mean (Dr. GRPO). */
  scaleByStd: boolean;
  /** Added to the std before dividing, so an all-equal group gives 0, not NaN. */
  eps: number;
}

export const DEFAULT_ADVANTAGE_OPTIONS: Readonly<AdvantageOptions> = Object.freeze({ scaleByStd: true, eps: 1e-6 });

/** Mean and sample standard deviation (Bessel, n - 1, as torch.std in trl and verl; 0 when n = 1) of one group. */
export function groupStats(rewards: ArrayLike<number>, start: number, size: number): { mean: number; std: number } {
  let sum = 0;
  for (let j = 0; j < size; j++) sum += rewards[start + j] as number;
  const mean = sum / size;
  if (size < 2) return { mean, std: 0 };
  let sq = 0;
  for (let j = 0; j < size; j++) sq += ((rewards[start + j] as number) - mean) ** 2;
  return { mean, std: Math.sqrt(sq / (size - 1)) };
}

/**
 * Per-answer advantages for rewards laid out [groups, groupSize] row-major (group g's answers at
 * g * groupSize .. g * groupSize + groupSize - 1). A = (r - mean_g) / (std_g + eps), or r - mean_g
 * when scaleByStd is false. Returns a Float32Array of length groups * groupSize, unitless.
 */
export function groupAdvantages(
  rewards: ArrayLike<number>,
  groups: number,
  groupSize: number,
  options: Partial<AdvantageOptions> = {},
): Float32Array {
  const { scaleByStd, eps } = { ...DEFAULT_ADVANTAGE_OPTIONS, ...options };
  if (!Number.isInteger(groups) || groups < 0 || !Number.isInteger(groupSize) || groupSize < 1) {
    throw new RangeError(`groups (${groups}) and groupSize (${groupSize}) must be integers, groupSize >= 1.`);
  }
  if (rewards.length !== groups * groupSize) {
    throw new RangeError(`rewards has ${rewards.length} entries; expected groups * groupSize = ${groups * groupSize}.`);
  }
  const out = new Float32Array(groups * groupSize);
  for (let g = 0; g < groups; g++) {
    const start = g * groupSize;
    const { mean, std } = groupStats(rewards, start, groupSize);
    const scale = scaleByStd ? 1 / (std + eps) : 1;
    for (let j = 0; j < groupSize; j++) out[start + j] = ((rewards[start + j] as number) - mean) * scale;
  }
  return out;
}
