// Pins DAPO's dynamic-sampling filter and soft overlong penalty.
import { describe, expect, it } from "vitest";
import { applyOverlongPenalty, dynamicSamplingFilter, overlongPenalty } from "../../src/core/rl/dapo";

describe("dynamicSamplingFilter", () => {
  it("drops groups whose rewards are all equal", () => {
    expect(dynamicSamplingFilter([1, 1, 1, 0, 1, 0, 0, 0, 0], 3, 3)).toEqual({ keep: [1], dropped: [0, 2] });
  });

  it("treats spreads within the tolerance as equal", () => {
    expect(dynamicSamplingFilter([0.5, 0.5001, 0, 1], 2, 2, 0.001)).toEqual({ keep: [1], dropped: [0] });
    expect(() => dynamicSamplingFilter([1, 2, 3], 2, 2)).toThrow(RangeError);
  });
});

describe("overlongPenalty", () => {
  const options = { maxTokens: 100, cacheTokens: 20 };
  it("is 0, then linear to -1 in the last cacheTokens, then -1", () => {
    expect(overlongPenalty(80, options)).toBe(0);
    expect(overlongPenalty(90, options)).toBeCloseTo(-0.5, 12);
    expect(overlongPenalty(100, options)).toBe(-1);
    expect(overlongPenalty(150, options)).toBe(-1);
  });

  it("is a hard step without a soft zone", () => {
    expect(overlongPenalty(100, { maxTokens: 100, cacheTokens: 0 })).toBe(0);
    expect(overlongPenalty(101, { maxTokens: 100, cacheTokens: 0 })).toBe(-1);
  });

  it("adds to a batch of rewards", () => {
    expect(Array.from(applyOverlongPenalty([1, 1, 0], [10, 95, 200], options))).toEqual([1, 0.25, -1]);
  });
});
