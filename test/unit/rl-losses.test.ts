// Pins the policy-loss reference math (clipped surrogate, k3 KL, aggregation, statistics) and
// entropy / log-probs from logits against hand-computed values.
import { describe, expect, it } from "vitest";
import {
  aggregate,
  clippedSurrogate,
  entropyFromLogits,
  k3,
  logprobsFromLogits,
  policyLoss,
  type PolicyLossInput,
} from "../../src/core/rl/losses";

const f32 = (xs: number[]) => Float32Array.from(xs);

/**
 * batch 2, seqLen 3. Sequence 0: advantage 1, ratios [1.5, 0.9, (padding)]; sequence 1:
 * advantage -2, ratios [0.5, 1.0, 1.1]. Old log-probs are all -1.
 */
function batch(): PolicyLossInput {
  const old = -1;
  return {
    batch: 2,
    seqLen: 3,
    oldLogprobs: f32([old, old, old, old, old, old]),
    logprobs: f32([old + Math.log(1.5), old + Math.log(0.9), 5, old + Math.log(0.5), old, old + Math.log(1.1)]),
    advantages: f32([1, -2]),
    mask: f32([1, 1, 0, 1, 1, 1]),
  };
}

describe("clippedSurrogate and k3", () => {
  it("takes the pessimistic branch", () => {
    // A = 1, r = 1.5, clip to 1.28: -min(1.5, 1.28) = -1.28, clipped
    const s = clippedSurrogate(Math.log(1.5), 0, 1, 0.2, 0.28);
    expect(s.loss).toBeCloseTo(-1.28, 6);
    expect(s.clipped).toBe(true);
    // A = -2, r = 0.5, clip to 0.8: -min(-1, -1.6) = 1.6, clipped
    expect(clippedSurrogate(Math.log(0.5), 0, -2, 0.2, 0.28).loss).toBeCloseTo(1.6, 6);
    // A = -2, r = 1.5: unclipped branch 3.0 is the larger loss
    expect(clippedSurrogate(Math.log(1.5), 0, -2, 0.2, 0.28)).toEqual({ loss: expect.closeTo(3, 6), clipped: false });
  });

  it("k3 is exp(d) - d - 1 and zero when equal", () => {
    expect(k3(-1, -1)).toBe(0);
    expect(k3(0, Math.log(2))).toBeCloseTo(1 - Math.log(2), 9);
  });
});

describe("policyLoss", () => {
  // per-token losses: seq 0 [-1.28, -0.9], seq 1 [1.6, 2.0, 2.2]
  it("aggregates token-level (DAPO)", () => {
    const r = policyLoss(batch(), { epsLow: 0.2, epsHigh: 0.28, klCoef: 0, aggregation: "token-mean" });
    expect(r.loss).toBeCloseTo(3.62 / 5, 5);
    expect(r.policyLoss).toBeCloseTo(0.724, 5);
    expect(r.tokens).toBe(5);
    expect(r.clipFraction).toBeCloseTo(0.4, 9);
    // mean of r - 1 - ln r over r = 1.5, 0.9, 0.5, 1.0, 1.1
    expect(r.approxKl).toBeCloseTo(0.2977323 / 5, 5);
    expect(r.kl).toBe(0);
  });

  it("aggregates sequence-level (GRPO) with a symmetric clip", () => {
    // seq 0: [-1.2, -0.9] -> -1.05; seq 1: [1.6, 2, 2.2] -> 1.93333; mean 0.441667
    const r = policyLoss(batch(), { epsLow: 0.2, epsHigh: 0.2, klCoef: 0, aggregation: "sequence-mean" });
    expect(r.loss).toBeCloseTo((-1.05 + 5.8 / 3) / 2, 5);
  });

  it("adds klCoef times the k3 KL to the reference", () => {
    const input = batch();
    const ref = Float32Array.from(input.logprobs);
    ref[3] = (ref[3] as number) + Math.log(2); // one token: d = ln 2 -> k3 = 1 - ln 2
    const r = policyLoss({ ...input, refLogprobs: ref }, { epsLow: 0.2, epsHigh: 0.28, klCoef: 0.5, aggregation: "token-mean" });
    expect(r.kl).toBeCloseTo((1 - Math.log(2)) / 5, 5);
    expect(r.loss).toBeCloseTo(0.724 + 0.5 * r.kl, 5);
  });

  it("needs refLogprobs for a KL term and checks lengths", () => {
    const options = { epsLow: 0.2, epsHigh: 0.2, klCoef: 0.1, aggregation: "token-mean" as const };
    expect(() => policyLoss(batch(), options)).toThrow(/refLogprobs/);
    expect(() => policyLoss({ ...batch(), mask: f32([1]) }, { ...options, klCoef: 0 })).toThrow(/mask/);
  });

  it("ignores empty sequences in the sequence mean", () => {
    expect(aggregate(f32([1, 3, 9, 9]), f32([1, 1, 0, 0]), 2, 2, "sequence-mean")).toBe(2);
    expect(aggregate(f32([1, 3]), f32([0, 0]), 1, 2, "token-mean")).toBe(0);
  });
});

describe("logits helpers", () => {
  it("computes row entropy in nats", () => {
    const h = entropyFromLogits(f32([0, 0, 0, 0, 100, 0, 0, 0]), 2, 4);
    expect(h[0]).toBeCloseTo(Math.log(4), 5);
    expect(h[1]).toBeCloseTo(0, 5);
  });

  it("computes log-probs of chosen tokens", () => {
    const lp = logprobsFromLogits(f32([0, Math.log(3), 1000, 1000]), 2, 2, [1, 0]);
    expect(lp[0]).toBeCloseTo(Math.log(0.75), 6);
    expect(lp[1]).toBeCloseTo(Math.log(0.5), 6);
    expect(() => logprobsFromLogits(f32([0, 0]), 1, 2, [2])).toThrow(RangeError);
  });
});
