// Turning sampled answers into a training batch, pure: scoring groups (task reward, DAPO overlong
// penalty, group advantages, dynamic-sampling filter) and packing prompt + answer rows into the
// fixed-shape arrays the jitted steps take.
import { groupAdvantages, type AdvantageOptions } from "./advantages";
import { dynamicSamplingFilter, overlongPenalty, type OverlongOptions } from "./dapo";
import { scoreOutput, type RewardConfig } from "./rewards";

export interface GroupScoringOptions {
  groupSize: number;
  reward: RewardConfig;
  advantage: AdvantageOptions;
  /** null: no overlong penalty. */
  overlong: OverlongOptions | null;
  /** Drop groups whose rewards are all equal (DAPO dynamic sampling). */
  dynamicSampling: boolean;
}

export interface ScoredGroups {
  /** Task reward per answer, [groups * groupSize]. */
  taskRewards: Float32Array;
  /** Task reward plus the overlong penalty: what the advantages are computed from. */
  rewards: Float32Array;
  advantages: Float32Array;
  /** Groups that go into the policy step (all of them without dynamic sampling). */
  keep: number[];
  /** Mean task reward of each group. */
  groupMeans: number[];
}

/**
 * Scores outputs laid out [groups, groupSize] (group g answers references[g]); lengths are answer
 * lengths in tokens, for the overlong penalty.
 */
export function scoreGroups(
  outputs: readonly string[],
  lengths: readonly number[],
  references: readonly (string | readonly string[])[],
  options: GroupScoringOptions,
): ScoredGroups {
  const { groupSize } = options;
  const groups = references.length;
  if (outputs.length !== groups * groupSize || lengths.length !== outputs.length) {
    throw new RangeError(`expected ${groups * groupSize} outputs and lengths, got ${outputs.length} and ${lengths.length}.`);
  }
  const taskRewards = new Float32Array(outputs.length);
  const rewards = new Float32Array(outputs.length);
  outputs.forEach((out, i) => {
    const score = scoreOutput(out, references[Math.floor(i / groupSize)] as string | readonly string[], options.reward);
    taskRewards[i] = score;
    rewards[i] = score + (options.overlong ? overlongPenalty(lengths[i] as number, options.overlong) : 0);
  });
  const advantages = groupAdvantages(rewards, groups, groupSize, options.advantage);
  const keep = options.dynamicSampling ? dynamicSamplingFilter(rewards, groups, groupSize).keep : Array.from({ length: groups }, (_, g) => g);
  const groupMeans = Array.from({ length: groups }, (_, g) => {
    let sum = 0;
    for (let j = 0; j < groupSize; j++) sum += taskRewards[g * groupSize + j] as number;
    return sum / groupSize;
  });
  return { taskRewards, rewards, advantages, keep, groupMeans };
}

/** One training row: prompt tokens (BOS included) then answer tokens (EOS included when produced). */
export interface PackRow {
  prompt: readonly number[];
  response: readonly number[];
  /** Log-probs of the response tokens under the sampling policy, one per response token. */
  responseLogprobs?: ArrayLike<number>;
}

/** Fixed-shape arrays, row-major [rows, length]; see packRows. */
export interface PackedRows {
  rows: number;
  length: number;
  tokens: Int32Array<ArrayBuffer>;
  targets: Int32Array<ArrayBuffer>;
  mask: Float32Array<ArrayBuffer>;
  starts: Int32Array<ArrayBuffer>;
  oldLogprobs: Float32Array<ArrayBuffer>;
}

/**
 * Lays each row out as sampling saw it: prompt left-padded to promptLength, the response after it,
 * padding to `length`. tokens[t] = seq[t], targets[t] = seq[t + 1]; mask[t] = 1 where targets[t]
 * is a response token, and oldLogprobs[t] is that token's sampling log-prob. `rows` may exceed
 * the given rows: the extra rows are padding with mask 0 (fixed batch shape).
 */
export function packRows(input: readonly PackRow[], rows: number, promptLength: number, length: number, padId: number): PackedRows {
  if (input.length > rows) throw new RangeError(`${input.length} rows do not fit in ${rows}.`);
  const tokens = new Int32Array(rows * length).fill(padId);
  const targets = new Int32Array(rows * length).fill(padId);
  const mask = new Float32Array(rows * length);
  const starts = new Int32Array(rows).fill(Math.max(0, promptLength - 1));
  const oldLogprobs = new Float32Array(rows * length);
  input.forEach((row, r) => {
    const start = promptLength - row.prompt.length;
    if (start < 0) throw new RangeError(`row ${r}: prompt of ${row.prompt.length} tokens exceeds promptLength ${promptLength}.`);
    if (promptLength + row.response.length > length) {
      throw new RangeError(`row ${r}: ${promptLength} + ${row.response.length} tokens exceed length ${length}.`);
    }
    starts[r] = start;
    const seq = [...row.prompt, ...row.response];
    const base = r * length;
    seq.forEach((id, i) => {
      const t = start + i;
      tokens[base + t] = id;
      if (t > 0) targets[base + t - 1] = id;
    });
    row.response.forEach((_, j) => {
      const t = promptLength + j - 1; // position whose target is response token j
      mask[base + t] = 1;
      oldLogprobs[base + t] = row.responseLogprobs ? (row.responseLogprobs[j] as number) : 0;
    });
  });
  return { rows, length, tokens, targets, mask, starts, oldLogprobs };
}
