// Pins the context-length curriculum: schedule lookup, switching off, and validation naming fields.
import { describe, expect, it } from "vitest";
import { phaseAtStep, resolvePhases, totalSteps, validateCurriculum, type CurriculumConfig } from "../../src/core/rl/curriculum";
import { RlConfigError } from "../../src/core/rl/errors";

const config: CurriculumConfig = {
  enabled: true,
  phases: [
    { contextTokens: 1000, steps: 3 },
    { contextTokens: 4000, steps: 2 },
  ],
  maxContextTokens: 8000,
};

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RlConfigError) return e.field;
    throw e;
  }
  throw new Error("expected an RlConfigError");
}

describe("phaseAtStep", () => {
  it("finds the phase of each step", () => {
    const phases = resolvePhases(config);
    expect(totalSteps(phases)).toBe(5);
    expect(phaseAtStep(phases, 0)).toEqual({ phase: 0, contextTokens: 1000, stepInPhase: 0, phaseSteps: 3, done: false });
    expect(phaseAtStep(phases, 2).phase).toBe(0);
    expect(phaseAtStep(phases, 3)).toEqual({ phase: 1, contextTokens: 4000, stepInPhase: 0, phaseSteps: 2, done: false });
    expect(phaseAtStep(phases, 5)).toEqual({ phase: 1, contextTokens: 4000, stepInPhase: 1, phaseSteps: 2, done: true });
    expect(() => phaseAtStep(phases, -1)).toThrow(RangeError);
  });

  it("runs one phase at the maximum length when switched off", () => {
    expect(resolvePhases({ ...config, enabled: false })).toEqual([{ contextTokens: 8000, steps: 5 }]);
  });
});

describe("validateCurriculum", () => {
  it("accepts a growing schedule", () => {
    expect(validateCurriculum(config)).toBe(config);
  });

  it("names the bad field", () => {
    const phases = (p: CurriculumConfig["phases"]) => () => validateCurriculum({ ...config, phases: p });
    expect(fieldOf(phases([]))).toBe("curriculum.phases");
    expect(fieldOf(phases([{ contextTokens: 1000, steps: 0 }]))).toBe("curriculum.phases[0].steps");
    expect(fieldOf(phases([{ contextTokens: 9000, steps: 1 }]))).toBe("curriculum.phases[0].contextTokens");
    expect(
      fieldOf(
        phases([
          { contextTokens: 2000, steps: 1 },
          { contextTokens: 2000, steps: 1 },
        ]),
      ),
    ).toBe("curriculum.phases[1].contextTokens");
    expect(fieldOf(() => validateCurriculum({ ...config, maxContextTokens: 0.5 }))).toBe("curriculum.maxContextTokens");
  });
});
