// Pins difficulty-aware retrospective sampling: what is kept, what is dropped, how batches mix.
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rl/random";
import {
  DEFAULT_RETRO_SAMPLER_OPTIONS,
  resolveRetroSamplerOptions,
  RetroSampler,
  type FreshExample,
} from "../../src/core/rl/retro-sampler";

const options = (over = {}) => resolveRetroSamplerOptions({ retroFraction: 0.5, ...over });
const fresh = (n: number, prefix = "f"): FreshExample<string>[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, example: `${prefix}${i}` }));

describe("RetroSampler.record", () => {
  it("keeps unsolved examples with difficulty 1 - mean reward and drops solved ones", () => {
    const s = new RetroSampler<string>(options());
    s.record("a", "a", 0.25, 0);
    s.record("b", "b", 1, 0);
    expect(s.difficulty("a")).toBe(0.75);
    expect(s.difficulty("b")).toBeNull();
    s.record("a", "a", 1, 1); // solved later: leaves the pool
    expect(s.size).toBe(0);
  });

  it("updates to the latest score and evicts the easiest over capacity", () => {
    const s = new RetroSampler<string>(options({ capacity: 2 }));
    s.record("a", "a", 0.5, 0);
    s.record("b", "b", 0.1, 0);
    s.record("a", "a", 0.2, 1);
    expect(s.snapshot().find((e) => e.id === "a")).toMatchObject({ difficulty: 0.8, visits: 2, phase: 1 });
    s.record("c", "c", 0.0, 1);
    expect(s.snapshot().map((e) => e.id).sort()).toEqual(["b", "c"]); // a (0.8) was the easiest
  });

  it("skips examples easier than minDifficulty and does nothing when off", () => {
    const s = new RetroSampler<string>(options({ minDifficulty: 0.5 }));
    s.record("a", "a", 0.6, 0);
    expect(s.size).toBe(0);
    const off = new RetroSampler<string>(options({ enabled: false }));
    off.record("a", "a", 0, 0);
    expect(off.size).toBe(0);
  });
});

describe("RetroSampler.mixBatch", () => {
  it("mixes round(batch * fraction) retained examples from earlier phases with fresh ones", () => {
    const s = new RetroSampler<string>(options());
    for (let i = 0; i < 6; i++) s.record(`old${i}`, `old${i}`, 0, 0);
    s.record("now", "now", 0, 1);
    const batch = s.mixBatch(fresh(10), 8, 1, createRng(1));
    expect(batch).toHaveLength(8);
    const retro = batch.filter((b) => b.source === "retro");
    expect(retro).toHaveLength(4);
    expect(retro.every((b) => b.id.startsWith("old"))).toBe(true);
    expect(new Set(batch.map((b) => b.id)).size).toBe(8);
    expect(batch.filter((b) => b.source === "fresh").map((b) => b.id).sort()).toEqual(["f0", "f1", "f2", "f3"]);
  });

  it("is replayable from a seed and favours harder examples", () => {
    const s = new RetroSampler<string>(options({ retroFraction: 0.25 }));
    s.record("hard", "hard", 0.1, 0);
    s.record("easy", "easy", 0.9, 0);
    expect(s.mixBatch(fresh(3), 4, 1, createRng(5))).toEqual(s.mixBatch(fresh(3), 4, 1, createRng(5)));
    let hard = 0;
    const rng = createRng(2);
    for (let i = 0; i < 2000; i++) {
      if (s.mixBatch(fresh(3), 4, 1, rng).some((b) => b.id === "hard")) hard++;
    }
    expect(hard / 2000).toBeGreaterThan(0.85); // expected 0.9 / (0.9 + 0.1)
  });

  it("fills with fresh examples when few are retained, and only fresh when off", () => {
    const s = new RetroSampler<string>(options());
    s.record("old", "old", 0, 0);
    expect(s.mixBatch(fresh(10), 6, 1, createRng(0)).filter((b) => b.source === "retro")).toHaveLength(1);
    expect(s.mixBatch(fresh(10), 6, 0, createRng(0)).every((b) => b.source === "fresh")).toBe(true);
    const any = new RetroSampler<string>(options({ earlierPhasesOnly: false }));
    any.record("old", "old", 0, 0);
    expect(any.mixBatch(fresh(10), 6, 0, createRng(0)).some((b) => b.source === "retro")).toBe(true);
    const off = new RetroSampler<string>(options({ enabled: false }));
    expect(off.mixBatch(fresh(10), 6, 1, createRng(0)).map((b) => b.id)).toEqual(fresh(6).map((f) => f.id));
  });

  it("restores from a snapshot and validates its options", () => {
    const s = new RetroSampler<string>(DEFAULT_RETRO_SAMPLER_OPTIONS);
    s.record("a", "a", 0.5, 0);
    expect(new RetroSampler<string>(DEFAULT_RETRO_SAMPLER_OPTIONS, s.snapshot()).difficulty("a")).toBe(0.5);
    expect(() => resolveRetroSamplerOptions({ retroFraction: 2 })).toThrow(/sampler\.retroFraction/);
  });
});
