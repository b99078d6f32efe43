// Pins the rule-based rewards: normalisation, matches, answer extraction and the combined config.
import { describe, expect, it } from "vitest";
import { RlConfigError } from "../../src/core/rl/errors";
import {
  containedMatch,
  exactMatch,
  extractAnswer,
  getReward,
  normalizeAnswer,
  numericMatch,
  parseLastNumber,
  resolveRewardConfig,
  rewardConfigFor,
  scoreOutput,
} from "../../src/core/rl/rewards";

const TOL = { relTol: 1e-6, absTol: 1e-9 };

describe("normalisation and matches", () => {
  it("normalises SQuAD-style", () => {
    expect(normalizeAnswer("  The Cat,  sat on A mat! ")).toBe("cat sat on mat");
    expect(normalizeAnswer("An apple")).toBe("apple");
    expect(normalizeAnswer("theatre")).toBe("theatre");
  });

  it("matches exactly after normalisation, never on an empty reference", () => {
    expect(exactMatch("the Eiffel Tower.", "Eiffel tower")).toBe(1);
    expect(exactMatch("Eiffel", "Eiffel tower")).toBe(0);
    expect(exactMatch("", "")).toBe(0);
  });

  it("matches a contained reference on word boundaries", () => {
    expect(containedMatch("It was built in Paris, France.", "paris")).toBe(1);
    expect(containedMatch("Parisian", "paris")).toBe(0);
  });

  it("parses the last number and compares with tolerance", () => {
    expect(parseLastNumber("about 1,234.5 units")).toBe(1234.5);
    expect(parseLastNumber("from 3 to \u22127")).toBe(-7);
    expect(parseLastNumber("2e3")).toBe(2000);
    expect(parseLastNumber("none")).toBeNull();
    expect(numericMatch("The total is 42.", "42", TOL)).toBe(1);
    expect(numericMatch("42.0000001", "42", TOL)).toBe(1);
    expect(numericMatch("42.1", "42", TOL)).toBe(0);
    expect(numericMatch("41 or 42 or 43", "42", TOL)).toBe(0);
    expect(numericMatch("101", "100", { relTol: 0.02, absTol: 0 })).toBe(1);
    expect(numericMatch("0.001", "0", { relTol: 0.5, absTol: 0.01 })).toBe(1);
  });
});

describe("extractAnswer", () => {
  it("takes the last Answer line after </think>", () => {
    expect(extractAnswer("<think>Answer: 1?</think>\nSo.\nAnswer: 2\n")).toBe("2");
    expect(extractAnswer("**Final answer:** Paris")).toBe("Paris");
  });

  it("takes a \\boxed{} with nested braces when it comes last", () => {
    expect(extractAnswer("Answer: 3\nthen \\boxed{\\frac{1}{2}}")).toBe("\\frac{1}{2}");
    expect(extractAnswer("\\boxed{4}\nAnswer: 5")).toBe("5");
  });

  it("falls back to the text after </think>, and gives nothing for an unclosed think", () => {
    expect(extractAnswer("<think>hmm</think>  Lisbon ")).toBe("Lisbon");
    expect(extractAnswer("<think>still thinking... Answer: 7")).toBe("");
    expect(extractAnswer("plain")).toBe("plain");
  });
});

describe("reward config", () => {
  it("looks rewards up by name and lists the valid ones otherwise", () => {
    expect(getReward("exact")("c b", "b", TOL)).toBe(0);
    expect(() => getReward("fuzzy")).toThrow(/valid names are: exact, contains, numeric/);
  });

  it("scores an output through extraction against any reference", () => {
    const config = rewardConfigFor("exact");
    expect(scoreOutput("<think>x</think>\nAnswer: The Louvre", "louvre", config)).toBe(1);
    expect(scoreOutput("Answer: Orsay", ["louvre", "orsay"], config)).toBe(1);
    expect(scoreOutput("Answer: Orsay", "louvre", config)).toBe(0);
  });

  it("combines terms by max or weighted sum", () => {
    const terms = [
      { name: "exact" as const, weight: 1 },
      { name: "contains" as const, weight: 0.5 },
    ];
    const max = resolveRewardConfig({ terms, combine: "max" });
    const sum = resolveRewardConfig({ terms, combine: "weighted-sum" });
    expect(scoreOutput("Answer: in Paris", "paris", max)).toBe(0.5);
    expect(scoreOutput("Answer: Paris", "paris", max)).toBe(1);
    expect(scoreOutput("Answer: Paris", "paris", sum)).toBe(1.5);
  });

  it("names the bad field", () => {
    const bad = () => resolveRewardConfig({ terms: [{ name: "exact", weight: -1 }] });
    expect(bad).toThrow(RlConfigError);
    try {
      bad();
    } catch (e) {
      expect((e as RlConfigError).field).toBe("reward.terms[0].weight");
      expect((e as RlConfigError).name).toBe("InvalidRequestError");
    }
    expect(() => resolveRewardConfig({ terms: [] })).toThrow(/reward\.terms/);
    expect(() => resolveRewardConfig({ terms: [{ name: "bleu" as "exact", weight: 1 }] })).toThrow(
      /reward\.terms\[0\]\.name.*exact, contains, numeric/,
    );
  });
});
