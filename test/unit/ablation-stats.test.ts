// The ablation bench's figures (bench/ablation-stats.ts): mean and sample std over seeds, the last-N
// reward mean, the normalised area under the reward curve, and the markdown table.
import { describe, expect, test } from "vitest";
import { ablationTable, lastMean, meanStd, normalisedAuc, summarise } from "../../bench/ablation-stats";

describe("ablation figures", () => {
  test("mean and sample standard deviation", () => {
    expect(meanStd([1, 2, 3])).toEqual({ mean: 2, std: 1, n: 3 });
    expect(meanStd([0.5])).toEqual({ mean: 0.5, std: 0, n: 1 });
    expect(Number.isNaN(meanStd([]).mean)).toBe(true);
  });

  test("last-N mean and normalised AUC", () => {
    expect(lastMean([0, 0, 1, 1], 2)).toBe(1);
    expect(lastMean([0.5], 10)).toBe(0.5);
    expect(lastMean([], 3)).toBe(0);
    expect(normalisedAuc([0, 1])).toBe(0.5);
    expect(normalisedAuc([1, 1, 1])).toBe(1);
    expect(normalisedAuc([0, 0, 1])).toBeCloseTo(0.25);
    expect(normalisedAuc([0.3])).toBe(0.3);
  });

  test("summary and table", () => {
    const s = summarise(
      [
        { accuracy: 0.5, rewards: [0, 1], minutes: 1 },
        { accuracy: 1, rewards: [1, 1], minutes: 2 },
      ],
      1,
    );
    expect(s.accuracy.mean).toBe(0.75);
    expect(s.lastReward).toMatchObject({ mean: 1, std: 0 });
    expect(s.auc.mean).toBe(0.75);
    expect(s.minutes).toBe(3);
    const table = ablationTable([{ variant: "full", change: "all", ...s }]);
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toContain("| full | all | 75.0 ± 35.4 | 50 / 100 | 1.000 ± 0.000 | 0.750 ± 0.354 | 3.0 |");
  });
});
