// Pins GRPO and Dr. GRPO group advantages against hand-computed values.
import { describe, expect, it } from "vitest";
import { groupAdvantages, groupStats } from "../../src/core/rl/advantages";

describe("groupAdvantages", () => {
  it("standardises each group with the sample std (GRPO)", () => {
    // group 0: mean 0.5, std sqrt(4 * 0.25 / 3) = 0.57735 -> +-0.866025; group 1: all equal -> 0
    const a = groupAdvantages([1, 0, 0, 1, 1, 1, 1, 1], 2, 4);
    const expected = [0.866025, -0.866025, -0.866025, 0.866025, 0, 0, 0, 0];
    expected.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 5));
  });

  it("keeps reward - mean without std scaling (Dr. GRPO)", () => {
    const a = groupAdvantages([1, 0, 0, 1, 0, 2], 2, 3, { scaleByStd: false });
    const expected = [2 / 3, -1 / 3, -1 / 3, 0, -1, 1];
    expected.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 6));
  });

  it("divides by std + eps", () => {
    // [0, 1, 2]: mean 1, std 1 -> [-1, 0, 1] / (1 + 0.5)
    const a = groupAdvantages([0, 1, 2], 1, 3, { eps: 0.5 });
    expect(Array.from(a)).toEqual([-1 / 1.5, 0, 1 / 1.5].map(Math.fround));
  });

  it("gives 0 for groups of one and checks the layout", () => {
    expect(Array.from(groupAdvantages([0.3, 0.9], 2, 1))).toEqual([0, 0]);
    expect(groupStats([4], 0, 1)).toEqual({ mean: 4, std: 0 });
    expect(() => groupAdvantages([1, 2, 3], 2, 2)).toThrow(RangeError);
  });
});
