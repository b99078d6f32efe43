// Reference math of the policy-gradient losses (GRPO and DAPO) on plain Float32Arrays: clipped
// surrogate with asymmetric clip range, k3 KL penalty, token- or sequence-level aggregation, the
// usual statistics, and entropy / log-probs from logits. The jax-js training step mirrors this.

/** How per-token losses become one number. */
export type LossAggregation =
  /** DAPO: sum over every response token of the batch / number of those tokens. */
  | "token-mean"
  /** GRPO: mean over each sequence's tokens, then mean over sequences that have any. */
  | "sequence-mean";

export interface PolicyLossOptions {
  /** Lower clip: the ratio is kept >= 1 - epsLow. */
  epsLow: number;
  /** Upper clip: the ratio is kept <= 1 + epsHigh (DAPO clip-higher: epsHigh > epsLow). */
  epsHigh: number;
  /** Weight of the k3 KL penalty to the reference policy; 0 switches it off (DAPO). */
  klCoef: number;
  aggregation: LossAggregation;
}

/**
 * A padded batch of sampled responses; every per-token array is [batch, seqLen] row-major, and
 * log-probs are natural-log probabilities (nats) of the sampled token.
 */
export interface PolicyLossInput {
  batch: number;
  seqLen: number;
  /** Log-probs under the policy being trained. [batch * seqLen] */
  logprobs: Float32Array;
  /** Log-probs under the policy that sampled the responses. [batch * seqLen] */
  oldLogprobs: Float32Array;
  /** Log-probs under the frozen reference policy; needed only when klCoef > 0. [batch * seqLen] */
  refLogprobs?: Float32Array;
  /** One advantage per sequence. [batch] */
  advantages: Float32Array;
  /** 1 for response tokens that count, 0 for prompt and padding. [batch * seqLen] */
  mask: Float32Array;
}

export interface PolicyLossResult {
  /** The aggregated loss to minimise: policy term + klCoef * kl. */
  loss: number;
  /** Aggregated clipped-surrogate term alone. */
  policyLoss: number;
  /** Aggregated k3 KL to the reference policy (0 without refLogprobs). */
  kl: number;
  /** Fraction of response tokens where the clipped branch was taken (it carries no gradient). */
  clipFraction: number;
  /** Token mean of k3 between the sampling and current policies, r - 1 - log r with r = pi/pi_old: a drift check. */
  approxKl: number;
  /** Number of response tokens (sum of mask). */
  tokens: number;
}

/** k3 estimator of KL(pi || ref) from one sample: exp(d) - d - 1 with d = refLogprob - logprob; always >= 0. */
export function k3(logprob: number, refLogprob: number): number {
  const d = refLogprob - logprob;
  return Math.exp(d) - d - 1;
}

/** One token's clipped surrogate loss, -min(r A, clip(r, 1 - epsLow, 1 + epsHigh) A) with r = exp(logprob - oldLogprob); and whether the clipped branch won. */
export function clippedSurrogate(
  logprob: number,
  oldLogprob: number,
  advantage: number,
  epsLow: number,
  epsHigh: number,
): { loss: number; clipped: boolean } {
  const ratio = Math.exp(logprob - oldLogprob);
  const unclipped = -advantage * ratio;
  const clipped = -advantage * Math.min(Math.max(ratio, 1 - epsLow), 1 + epsHigh);
  return clipped > unclipped ? { loss: clipped, clipped: true } : { loss: unclipped, clipped: false };
}

/** Aggregates per-token values [batch * seqLen] under a mask by the given rule. */
export function aggregate(
  values: Float32Array,
  mask: Float32Array,
  batch: number,
  seqLen: number,
  aggregation: LossAggregation,
): number {
  if (aggregation === "token-mean") {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < batch * seqLen; i++) {
      const m = mask[i] as number;
      sum += (values[i] as number) * m;
      count += m;
    }
    return count > 0 ? sum / count : 0;
  }
  let total = 0;
  let sequences = 0;
  for (let b = 0; b < batch; b++) {
    let sum = 0;
    let count = 0;
    for (let t = b * seqLen; t < (b + 1) * seqLen; t++) {
      const m = mask[t] as number;
      sum += (values[t] as number) * m;
      count += m;
    }
    if (count > 0) {
      total += sum / count;
      sequences++;
    }
  }
  return sequences > 0 ? total / sequences : 0;
}

function checkLength(name: string, array: Float32Array | undefined, expected: number): void {
  if (array && array.length !== expected) {
    throw new RangeError(`${name} has ${array.length} entries; expected ${expected}.`);
  }
}

/** The policy loss of a batch and its statistics; see PolicyLossInput for shapes. */
export function policyLoss(input: PolicyLossInput, options: PolicyLossOptions): PolicyLossResult {
  const { batch, seqLen, logprobs, oldLogprobs, refLogprobs, advantages, mask } = input;
  const n = batch * seqLen;
  checkLength("logprobs", logprobs, n);
  checkLength("oldLogprobs", oldLogprobs, n);
  checkLength("refLogprobs", refLogprobs, n);
  checkLength("mask", mask, n);
  checkLength("advantages", advantages, batch);
  if (options.klCoef > 0 && !refLogprobs) throw new RangeError("klCoef > 0 needs refLogprobs.");

  const pg = new Float32Array(n); // [batch, seqLen]
  const kl = new Float32Array(n); // [batch, seqLen]
  let clippedTokens = 0;
  let driftSum = 0;
  let tokens = 0;
  for (let b = 0; b < batch; b++) {
    const advantage = advantages[b] as number;
    for (let t = b * seqLen; t < (b + 1) * seqLen; t++) {
      const m = mask[t] as number;
      if (m === 0) continue;
      const lp = logprobs[t] as number;
      const old = oldLogprobs[t] as number;
      const s = clippedSurrogate(lp, old, advantage, options.epsLow, options.epsHigh);
      pg[t] = s.loss;
      if (refLogprobs) kl[t] = k3(lp, refLogprobs[t] as number);
      if (s.clipped) clippedTokens += m;
      driftSum += m * k3(old, lp); // r - 1 - log r with r = exp(lp - old)
      tokens += m;
    }
  }
  const policy = aggregate(pg, mask, batch, seqLen, options.aggregation);
  const klMean = refLogprobs ? aggregate(kl, mask, batch, seqLen, options.aggregation) : 0;
  return {
    loss: policy + options.klCoef * klMean,
    policyLoss: policy,
    kl: klMean,
    clipFraction: tokens > 0 ? clippedTokens / tokens : 0,
    approxKl: tokens > 0 ? driftSum / tokens : 0,
    tokens,
  };
}

/** log(sum(exp(row))) of logits[offset .. offset + vocab), computed stably. */
function logSumExp(logits: Float32Array, offset: number, vocab: number): number {
  let max = -Infinity;
  for (let v = 0; v < vocab; v++) max = Math.max(max, logits[offset + v] as number);
  let sum = 0;
  for (let v = 0; v < vocab; v++) sum += Math.exp((logits[offset + v] as number) - max);
  return max + Math.log(sum);
}

/** Entropy in nats of softmax(row) for each row of logits [rows, vocab]; returns [rows]. */
export function entropyFromLogits(logits: Float32Array, rows: number, vocab: number): Float32Array {
  checkLength("logits", logits, rows * vocab);
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const offset = r * vocab;
    const lse = logSumExp(logits, offset, vocab);
    let h = 0;
    for (let v = 0; v < vocab; v++) {
      const logp = (logits[offset + v] as number) - lse;
      h -= Math.exp(logp) * logp;
    }
    out[r] = h;
  }
  return out;
}

/** Log-prob (nats) of tokens[r] under softmax(logits row r) for logits [rows, vocab]; returns [rows]. */
export function logprobsFromLogits(
  logits: Float32Array,
  rows: number,
  vocab: number,
  tokens: ArrayLike<number>,
): Float32Array {
  checkLength("logits", logits, rows * vocab);
  if (tokens.length !== rows) throw new RangeError(`tokens has ${tokens.length} entries; expected ${rows}.`);
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const id = tokens[r] as number;
    if (!Number.isInteger(id) || id < 0 || id >= vocab) throw new RangeError(`token ${id} at row ${r} is outside the vocabulary.`);
    out[r] = (logits[r * vocab + id] as number) - logSumExp(logits, r * vocab, vocab);
  }
  return out;
}
