// The jitted training pieces on the wasm device: the policy loss mirrors core/rl/losses.ts on the
// same numbers, the SFT and policy steps update the params, and the Adam step size is bias-corrected.
import { defaultDevice, init, jit, numpy as np, tree } from "@jax-js/jax";
import { beforeAll, describe, expect, it } from "vitest";
import { adamInit, adamStepSize } from "../../src/adapters/nn/adam";
import { makePolicyStep, makeSftStep, policyLossArrays, type SequenceBatch } from "../../src/adapters/nn/train-step";
import { initParams } from "../../src/adapters/nn/transformer";
import { policyLoss, type PolicyLossOptions } from "../../src/core/rl/losses";
import { createRng } from "../../src/core/rl/random";

beforeAll(async () => {
  await init("wasm");
  defaultDevice("wasm");
});

function randomInput(seed: number, batch: number, seqLen: number) {
  const rng = createRng(seed);
  const n = batch * seqLen;
  const logprobs = Float32Array.from({ length: n }, () => -3 * rng.next());
  const oldLogprobs = Float32Array.from(logprobs, (x) => x + (rng.next() - 0.5) * 1.5);
  const refLogprobs = Float32Array.from(logprobs, (x) => x + (rng.next() - 0.5) * 0.5);
  const advantages = Float32Array.from({ length: batch }, () => (rng.next() - 0.5) * 3);
  const mask = Float32Array.from({ length: n }, (_, i) => (i % seqLen < 1 + (Math.floor(i / seqLen) % seqLen) ? 1 : 0));
  mask.fill(0, (batch - 1) * seqLen); // a row without tokens: sequence-mean must skip it
  return { batch, seqLen, logprobs, oldLogprobs, refLogprobs, advantages, mask };
}

describe("policyLossArrays mirrors core policyLoss", () => {
  const cases: PolicyLossOptions[] = [
    { epsLow: 0.2, epsHigh: 0.2, klCoef: 0.04, aggregation: "sequence-mean" },
    { epsLow: 0.2, epsHigh: 0.28, klCoef: 0, aggregation: "token-mean" },
    { epsLow: 0.1, epsHigh: 0.3, klCoef: 0.5, aggregation: "token-mean" },
  ];
  for (const options of cases) {
    it(`${options.aggregation}, eps ${options.epsLow}/${options.epsHigh}, kl ${options.klCoef}`, async () => {
      const input = randomInput(11, 6, 9);
      const expected = policyLoss(input, options);
      const shape = [input.batch, input.seqLen];
      const fn = jit((lp: np.Array, old: np.Array, ref: np.Array, adv: np.Array, mask: np.Array) => policyLossArrays(lp, old, ref, adv, mask, options));
      const got = fn(
        np.array(input.logprobs).reshape(shape),
        np.array(input.oldLogprobs).reshape(shape),
        np.array(input.refLogprobs).reshape(shape),
        np.array(input.advantages),
        np.array(input.mask).reshape(shape),
      );
      const read = async (a: np.Array): Promise<number> => (await a.data())[0] as number;
      expect(await read(got.loss)).toBeCloseTo(expected.loss, 5);
      expect(await read(got.policyLoss)).toBeCloseTo(expected.policyLoss, 5);
      expect(await read(got.kl)).toBeCloseTo(expected.kl, 5);
      expect(await read(got.clipFraction)).toBeCloseTo(expected.clipFraction, 6);
      expect(await read(got.approxKl)).toBeCloseTo(expected.approxKl, 5);
      expect(await read(got.tokens)).toBe(expected.tokens);
      expect(expected.clipFraction).toBeGreaterThan(0); // the numbers exercise both branches
      fn.dispose();
    });
  }
});

describe("train steps", () => {
  const config = { layers: 1, dModel: 32, heads: 4, dFf: 64, vocab: 128, maxContext: 16 };
  const batch = (): SequenceBatch => ({
    tokens: np.array(new Int32Array([1, 30, 31, 32, 33, 34, 35, 36]), { dtype: np.int32 }).reshape([1, 8]),
    targets: np.array(new Int32Array([30, 31, 32, 33, 34, 35, 36, 2]), { dtype: np.int32 }).reshape([1, 8]),
    mask: np.array(new Float32Array([0, 0, 0, 1, 1, 1, 1, 1])).reshape([1, 8]),
    starts: np.array(new Int32Array([0]), { dtype: np.int32 }),
  });

  it("the SFT step lowers the loss on a fixed batch", async () => {
    let params = initParams(config, 0);
    let opt = adamInit(params);
    const step = makeSftStep(config.heads);
    const losses: number[] = [];
    for (let t = 1; t <= 15; t++) {
      const out = step(params, opt, batch(), np.array(adamStepSize(1e-2, t)));
      params = out.params;
      opt = out.opt;
      losses.push((await out.stats.loss.data())[0] as number);
      expect((await out.stats.tokens.data())[0]).toBe(5);
      tree.dispose([out.stats.entropy, out.stats.gradNorm]);
    }
    expect(losses[0]).toBeGreaterThan(4);
    expect(losses[14]).toBeLessThan(0.5 * (losses[0] as number));
    step.dispose();
    tree.dispose([params, opt]);
  });

  it("a positive advantage raises the sampled tokens' log-probs in the policy step", async () => {
    let params = initParams(config, 1);
    let opt = adamInit(params);
    const step = makePolicyStep(config.heads, { epsLow: 0.2, epsHigh: 0.28, klCoef: 0, aggregation: "token-mean" });
    const losses: number[] = [];
    for (let t = 1; t <= 3; t++) {
      const pb = { ...batch(), oldLogprobs: np.full([1, 8], -Math.log(128)), refLogprobs: np.zeros([1, 8]), advantages: np.array([1]), temperature: np.array(1) };
      const out = step(params, opt, pb, np.array(adamStepSize(1e-2, t)));
      params = out.params;
      opt = out.opt;
      losses.push((await out.stats.loss.data())[0] as number);
      const clip = (await out.stats.clipFraction.data())[0] as number;
      expect(clip).toBeGreaterThanOrEqual(0);
      tree.dispose([out.stats.entropy, out.stats.gradNorm, out.stats.kl, out.stats.approxKl, out.stats.policyLoss, out.stats.tokens]);
    }
    // loss = -A * ratio (until clipped): it falls as the ratio rises
    expect(losses[2]).toBeLessThan(losses[0] as number);
    step.dispose();
    tree.dispose([params, opt]);
  });

  it("adamStepSize applies the bias correction", () => {
    expect(adamStepSize(1e-3, 1)).toBeCloseTo((1e-3 * Math.sqrt(1 - 0.999)) / (1 - 0.9), 12);
    expect(adamStepSize(1e-3, 100000)).toBeCloseTo(1e-3, 8);
  });
});
