// The Lab form: defaults are a valid run, the spec carries each option, and validation names the form field at fault.
import { describe, expect, it } from "vitest";
import { resolveLabRun } from "../../src/adapters/nn/lab-spec";
import { DEFAULT_FORM, formFieldOf, formToSpec, validateForm, type LabForm } from "../../src/features/lab/lab-form";
import { nextRunName } from "../../src/features/lab/lab-helpers";

const field = (form: Partial<LabForm>) => {
  const result = validateForm({ ...DEFAULT_FORM, ...form });
  return "error" in result ? result.error : null;
};

describe("lab form", () => {
  it("defaults resolve to a small trainable run", () => {
    const result = validateForm(DEFAULT_FORM);
    expect("spec" in result).toBe(true);
    const resolved = resolveLabRun(formToSpec(DEFAULT_FORM));
    expect(resolved.model).toMatchObject({ layers: 2, dModel: 64, vocab: 128, maxContext: 64 + 1 + DEFAULT_FORM.maxResponseTokens });
    expect(resolved.run.curriculum.phases.map((p) => p.contextTokens)).toEqual([32, 64]);
  });

  it("maps DAPO options, the overlong switch and token-level loss", () => {
    const spec = formToSpec({ ...DEFAULT_FORM, algorithm: "dapo", clipLow: 0.1, clipHigh: 0.3, tokenLevelLoss: true, overlongPenalty: false, dynamicSampling: false });
    expect(spec.run.algorithm).toEqual({ name: "dapo", epsLow: 0.1, epsHigh: 0.3, klCoef: 0, aggregation: "token-mean", dynamicSampling: false, overlongCacheTokens: 0 });
    expect(formToSpec({ ...DEFAULT_FORM, retroEnabled: false }).run.sampler).toEqual({ enabled: false, retroFraction: 0.25 });
  });

  it("names the form field of each bad value", () => {
    expect(field({ learningRate: Number.NaN })?.field).toBe("learningRate");
    expect(field({ groupSize: 1 })?.field).toBe("groupSize");
    expect(field({ sftSteps: -1 })?.field).toBe("sftSteps");
    expect(field({ retroFraction: 2 })?.field).toBe("retroFraction");
    expect(field({ algorithm: "dapo", clipHigh: -1 })?.field).toBe("clipHigh");
    expect(field({ phases: [{ contextTokens: 64, steps: 5 }, { contextTokens: 32, steps: 5 }] })?.field).toBe("phases[1].contextTokens");
    expect(field({ phases: [{ contextTokens: 32, steps: 0 }] })?.field).toBe("phases[0].steps");
    expect(field({ name: " " })?.field).toBe("name");
    // A worked solution ("Answer: NNNN" and EOS) must fit the answer budget when SFT is on.
    expect(field({ maxResponseTokens: 4 })?.field).toBe("maxResponseTokens");
    expect(field({ maxResponseTokens: 4, sftSteps: 0 })).toBeNull();
    // The registry passkey's instructions do not fit 32 tokens.
    const tooShort = field({ task: "passkey" });
    expect(tooShort?.field).toBe("phases[0].contextTokens");
    expect(tooShort?.message).toMatch(/^phases\[0\]\.contextTokens: /);
  });

  it("maps config paths back to form fields", () => {
    expect(formFieldOf("algorithm.epsLow")).toBe("clipLow");
    expect(formFieldOf("curriculum.phases[3].steps")).toBe("phases[3].steps");
    expect(formFieldOf("warmupSftSteps")).toBe("sftSteps");
  });

  it("picks the next free run name", () => {
    expect(nextRunName([], "run 1")).toBe("run 1");
    expect(nextRunName(["run 1", "run 2"], "run 1")).toBe("run 3");
    expect(nextRunName(["baseline"], "baseline")).toBe("baseline 2");
  });
});
