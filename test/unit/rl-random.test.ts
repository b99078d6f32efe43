// Pins the seeded PRNG: replayable streams and correct shuffle / choice / weighted draws.
import { describe, expect, it } from "vitest";
import {
  choice,
  createRng,
  deriveSeed,
  shuffle,
  weightedChoice,
  weightedSampleWithoutReplacement,
} from "../../src/core/rl/random";

describe("createRng", () => {
  it("replays the same stream from the same seed and differs across seeds", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
  });

  it("draws uniform numbers in [0, 1) and integers in [0, n)", () => {
    const rng = createRng(1);
    let sum = 0;
    let outOfRange = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      const k = rng.int(7);
      if (x < 0 || x >= 1 || !Number.isInteger(k) || k < 0 || k >= 7) outOfRange++;
      sum += x;
    }
    expect(outOfRange).toBe(0);
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
    expect(() => rng.int(0)).toThrow(RangeError);
  });

  it("derives stable, distinct sub-stream seeds", () => {
    expect(deriveSeed(7, "task", 3)).toBe(deriveSeed(7, "task", 3));
    expect(deriveSeed(7, "task", 3)).not.toBe(deriveSeed(7, "task", 4));
    expect(deriveSeed(7, "task", 3)).not.toBe(deriveSeed(7, "sampler", 3));
  });
});

describe("shuffle and choice", () => {
  it("shuffles into a permutation without touching the input", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle(createRng(3), items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort((x, y) => x - y)).toEqual(items);
    expect(shuffle(createRng(3), items)).toEqual(out);
  });

  it("chooses an item and refuses an empty list", () => {
    expect(["a", "b"]).toContain(choice(createRng(0), ["a", "b"]));
    expect(() => choice(createRng(0), [])).toThrow(RangeError);
  });
});

describe("weighted draws", () => {
  it("follows the weights and never picks a zero weight", () => {
    const rng = createRng(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[weightedChoice(rng, [1, 0, 3])]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.3);
  });

  it("rejects negative or all-zero weights", () => {
    expect(() => weightedChoice(createRng(0), [1, -1])).toThrow(RangeError);
    expect(() => weightedChoice(createRng(0), [0, 0])).toThrow(RangeError);
  });

  it("samples distinct indices without replacement, skipping zero weights", () => {
    const picked = weightedSampleWithoutReplacement(createRng(4), [0.5, 0, 2, 1], 5);
    expect(picked).toHaveLength(3);
    expect(new Set(picked).size).toBe(3);
    expect(picked).not.toContain(1);
  });
});
