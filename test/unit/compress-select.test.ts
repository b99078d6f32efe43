// Pins budgeted selection: value per token, section header costs, diminishing returns, trimming.
import { describe, expect, it } from "vitest";
import { calibration, minTopUp, trimSelection } from "../../src/core/compress/fit";
import { decayedValue, greedySelect, type SelectionCosts } from "../../src/core/compress/select";
import { estimateTokens } from "../../src/core/compress/token-estimate";
import type { Unit } from "../../src/core/compress/units";

/** Units whose cost is their character length and whose section and document are their passage. */
const costs: SelectionCosts = {
  unit: (unit) => unit.end - unit.start,
  header: () => 2,
  sectionOf: (unit) => unit.passage,
  docOf: (unit) => unit.passage,
};
const unit = (passage: number, length: number, value: number): Unit => ({ passage, first: 0, last: 0, start: 0, end: length, value });

describe("greedy selection", () => {
  it("never exceeds the budget and prefers value per token", () => {
    const units = [unit(0, 10, 1), unit(1, 10, 5), unit(2, 30, 6)];
    const state = greedySelect(units, 24, costs, 1, 1);
    expect(state.taken).toEqual([units[1], units[0]]);
    expect(state.tokens).toBe(24);
  });

  it("charges a section's header once", () => {
    const units = [unit(0, 5, 1), unit(0, 5, 1)];
    expect(greedySelect(units, 100, costs, 1, 1).tokens).toBe(12);
  });

  it("lowers a document's later units by the decay", () => {
    expect(decayedValue(1, 2, 0.5)).toBe(0.25);
    const units = [unit(0, 5, 1), unit(0, 5, 0.9), unit(1, 5, 0.7)];
    const state = greedySelect(units, 14, costs, 0.5, 1);
    expect(state.taken).toEqual([units[0], units[2]]);
  });

  it("with costPower below 1 prefers a long valuable unit over short weak ones", () => {
    const units = [unit(0, 40, 2), unit(1, 8, 0.5), unit(2, 8, 0.5)];
    expect(greedySelect(units, 42, costs, 1, 1).taken).not.toContain(units[0]);
    expect(greedySelect(units, 42, costs, 1, 0.5).taken).toContain(units[0]);
  });

  it("trims the least dense units first", () => {
    const units = [unit(0, 10, 5), unit(1, 10, 1), unit(2, 10, 3)];
    const state = greedySelect(units, 100, costs, 1, 1);
    const trimmed = trimSelection(state, 5, costs);
    expect(trimmed.taken).toEqual([units[0], units[2]]);
    expect(trimmed.tokens).toBe(24);
  });
});

describe("fit helpers", () => {
  it("estimates tokens close to word-and-mark counts for plain English", () => {
    expect(estimateTokens("The band played its first show.")).toBeCloseTo(6 + 0.893 + 0.232, 5);
    expect(estimateTokens("")).toBe(0);
  });

  it("keeps calibration within bounds and slack thresholds sensible", () => {
    expect(calibration(110, 100)).toBeCloseTo(1.1);
    expect(calibration(300, 100)).toBe(1.25);
    expect(calibration(5, 0)).toBe(1);
    expect(minTopUp(100)).toBe(8);
    expect(minTopUp(4096)).toBe(61);
  });
});
