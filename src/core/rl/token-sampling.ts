// Picking the next token from one row of logits on the host: temperature, optional nucleus (top-p)
// and greedy decoding, seeded, with the log-prob and entropy the RL losses need.
import type { Rng } from "./random";

export interface TokenSamplingOptions {
  /** 0 means greedy (argmax); otherwise logits are divided by it. */
  temperature: number;
  /** Nucleus sampling: keep the most likely tokens whose mass reaches topP, in (0, 1]. Default 1 (off). */
  topP?: number;
}

export interface PickedToken {
  token: number;
  /** log p(token) in nats under softmax(logits / temperature) (temperature 1 when greedy), before top-p truncation: what the training step recomputes. */
  logprob: number;
  /** Entropy in nats of that same distribution. */
  entropy: number;
}

/** Samples from logits[offset .. offset + vocab). */
export function pickToken(logits: ArrayLike<number>, offset: number, vocab: number, options: TokenSamplingOptions, rng: Rng): PickedToken {
  const { temperature } = options;
  const topP = options.topP ?? 1;
  if (!(temperature >= 0) || !Number.isFinite(temperature)) throw new RangeError(`temperature must be >= 0, got ${temperature}.`);
  if (!(topP > 0 && topP <= 1)) throw new RangeError(`topP must be in (0, 1], got ${topP}.`);
  const scale = temperature > 0 ? 1 / temperature : 1;
  let max = -Infinity;
  let argmax = 0;
  for (let v = 0; v < vocab; v++) {
    const z = (logits[offset + v] as number) * scale;
    if (z > max) {
      max = z;
      argmax = v;
    }
  }
  const probs = new Float64Array(vocab);
  let sum = 0;
  for (let v = 0; v < vocab; v++) {
    const p = Math.exp((logits[offset + v] as number) * scale - max);
    probs[v] = p;
    sum += p;
  }
  const logSum = Math.log(sum);
  let entropy = 0;
  for (let v = 0; v < vocab; v++) {
    const p = (probs[v] as number) / sum;
    probs[v] = p;
    if (p > 0) entropy -= p * Math.log(p);
  }
  const logprobOf = (token: number): number => (logits[offset + token] as number) * scale - max - logSum;
  if (temperature === 0) return { token: argmax, logprob: logprobOf(argmax), entropy };

  let candidates: number[];
  if (topP < 1) {
    const order = Array.from({ length: vocab }, (_, v) => v).sort((a, b) => (probs[b] as number) - (probs[a] as number));
    candidates = [];
    let mass = 0;
    for (const v of order) {
      candidates.push(v);
      mass += probs[v] as number;
      if (mass >= topP) break;
    }
  } else {
    candidates = Array.from({ length: vocab }, (_, v) => v);
  }
  let total = 0;
  for (const v of candidates) total += probs[v] as number;
  let u = rng.next() * total;
  let token = candidates[candidates.length - 1] as number;
  for (const v of candidates) {
    u -= probs[v] as number;
    if (u < 0) {
      token = v;
      break;
    }
  }
  return { token, logprob: logprobOf(token), entropy };
}
