// Pins the run config: defaults applied once, per-algorithm defaults, errors naming the bad field.
import { describe, expect, it } from "vitest";
import { advantageOptions, policyLossOptions, resolveRunConfig, type RlRunConfigInput } from "../../src/core/rl/config";
import { RlConfigError } from "../../src/core/rl/errors";

function fieldOf(input: unknown): string {
  try {
    resolveRunConfig(input as RlRunConfigInput);
  } catch (e) {
    if (e instanceof RlConfigError) return e.field;
    throw e;
  }
  throw new Error("expected an RlConfigError");
}

describe("resolveRunConfig", () => {
  it("applies the documented defaults", () => {
    const c = resolveRunConfig();
    expect(c).toMatchObject({
      task: "passkey",
      modelSize: "tiny",
      groupSize: 8,
      promptsPerStep: 4,
      seed: 0,
      algorithm: { name: "grpo", clipEps: 0.2, klCoef: 0.04, scaleByStd: true, aggregation: "sequence-mean" },
      sampler: { enabled: true, retroFraction: 0.25 },
      reward: { terms: [{ name: "exact", weight: 1 }], extract: true },
    });
    expect(c.curriculum.phases.map((p) => p.contextTokens)).toEqual([256, 512, 1024]);
  });

  it("fills DAPO's own defaults and maps them to loss options", () => {
    const c = resolveRunConfig({ algorithm: { name: "dapo" }, maxResponseTokens: 200 });
    expect(c.algorithm).toEqual({
      name: "dapo",
      epsLow: 0.2,
      epsHigh: 0.28,
      klCoef: 0,
      scaleByStd: true,
      aggregation: "token-mean",
      dynamicSampling: true,
      overlongCacheTokens: 50,
    });
    expect(policyLossOptions(c.algorithm)).toEqual({ epsLow: 0.2, epsHigh: 0.28, klCoef: 0, aggregation: "token-mean" });
    expect(policyLossOptions(resolveRunConfig({ algorithm: { clipEps: 0.1 } }).algorithm)).toMatchObject({ epsLow: 0.1, epsHigh: 0.1 });
    expect(advantageOptions(resolveRunConfig({ algorithm: { scaleByStd: false } }).algorithm).scaleByStd).toBe(false);
  });

  it("takes the task's reward by default and merges an override", () => {
    expect(resolveRunConfig({ task: "variable-tracking" }).reward.terms).toEqual([{ name: "numeric", weight: 1 }]);
    expect(resolveRunConfig({ task: "variable-tracking", reward: { relTol: 0.01 } }).reward).toMatchObject({
      terms: [{ name: "numeric", weight: 1 }],
      relTol: 0.01,
    });
  });

  it("switches the curriculum and the sampler off", () => {
    const c = resolveRunConfig({ curriculum: { enabled: false }, sampler: { enabled: false } });
    expect(c.curriculum.enabled).toBe(false);
    expect(c.sampler.enabled).toBe(false);
  });

  it("names the bad field", () => {
    expect(fieldOf({ groupSize: 1 })).toBe("groupSize");
    expect(fieldOf({ learningRate: 0 })).toBe("learningRate");
    expect(fieldOf({ seed: 1.5 })).toBe("seed");
    expect(fieldOf({ task: "chess" })).toBe("task");
    expect(fieldOf({ modelSize: "huge" })).toBe("modelSize");
    expect(fieldOf({ groupsize: 8 })).toBe("groupsize");
    expect(fieldOf({ algorithm: { name: "ppo" } })).toBe("algorithm.name");
    expect(fieldOf({ algorithm: { name: "grpo", epsHigh: 0.3 } })).toBe("algorithm.epsHigh");
    expect(fieldOf({ algorithm: { name: "dapo", aggregation: "sum" } })).toBe("algorithm.aggregation");
    expect(fieldOf({ algorithm: { name: "dapo", overlongCacheTokens: 128 } })).toBe("algorithm.overlongCacheTokens");
    expect(fieldOf({ curriculum: { phases: [{ contextTokens: 2048, steps: 10 }] } })).toBe("curriculum.phases[0].contextTokens");
    expect(fieldOf({ sampler: { capacity: -1 } })).toBe("sampler.capacity");
    expect(fieldOf({ reward: { combine: "min" } })).toBe("reward.combine");
  });

  it("lists the valid names for an unknown algorithm", () => {
    expect(() => resolveRunConfig({ algorithm: { name: "ppo" } } as unknown as RlRunConfigInput)).toThrow(/grpo, dapo/);
  });
});
