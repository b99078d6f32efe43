// Pins the pieces the task generators share: seeded random strings (their draws are part of every
// example's replay) and the example frame (standard metadata, only the asked needles reported).
import { describe, expect, it } from "vitest";
import { createCharTokenizer } from "../../src/core/rl/char-tokenizer";
import { createRng } from "../../src/core/rl/random";
import { beginTask, fitHaystack, haystackExample, questionTail } from "../../src/core/rl/tasks/haystack-example";
import { digits, randomString } from "../../src/core/rl/tasks/random-strings";
import { ANSWER_INSTRUCTION } from "../../src/core/rl/tasks/types";

describe("random strings", () => {
  it("draws one number per character from the alphabet, so a stream replays", () => {
    const rng = createRng(7);
    const text = randomString(rng, "ab", 12);
    expect(text).toMatch(/^[ab]{12}$/);
    const manual = createRng(7);
    expect(text).toBe(Array.from({ length: 12 }, () => "ab"[manual.int(2)]).join(""));
    expect(rng.next()).toBe(manual.next());
  });

  it("makes digit codes of the asked length that never start with 0", () => {
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) expect(digits(rng, 5)).toMatch(/^[1-9]\d{4}$/);
  });
});

describe("haystack example", () => {
  const options = { seed: 4, difficulty: 0.5, contextTokens: 120, tokenizer: createCharTokenizer() };

  it("validates options before starting the stream", () => {
    expect(() => beginTask({ ...options, difficulty: 2 })).toThrow(/task\.difficulty/);
    expect(beginTask(options).rng.next()).toBe(createRng(4).next());
  });

  it("ends the prompt with the question and the answer instruction", () => {
    expect(questionTail("Who?")).toBe(`\n\nQuestion: Who? ${ANSWER_INSTRUCTION}`);
  });

  it("fills the metadata from the options and the fit, reporting only the asked needles", () => {
    const { rng } = beginTask(options);
    const needles = [{ text: "asked", depth: 0.2 }, { text: "other", depth: 0.8 }];
    const fit = fitHaystack(options, { before: "", after: "\n?", separator: " ", needles, nextUnit: () => randomString(rng, "xyz", 3) });
    const parts = { task: "passkey" as const, answer: "a", reward: "exact" as const, solution: "Answer: a", details: { k: 1 } };
    const all = haystackExample(options, fit, parts);
    expect(all.metadata).toMatchObject({ task: "passkey", seed: 4, difficulty: 0.5, targetTokens: 120, promptTokens: fit.promptTokens, details: { k: 1 } });
    expect(all.metadata.needleCharOffsets).toHaveLength(2);
    const asked = haystackExample(options, fit, { ...parts, askedNeedles: 1 });
    expect(asked.metadata.needleDepths).toEqual(fit.needleDepths.slice(0, 1));
    expect(asked.prompt.slice(asked.metadata.needleCharOffsets[0], asked.metadata.needleCharOffsets[0]! + 5)).toBe("asked");
  });

  it("names contextTokens when the target is too short", () => {
    expect(() => fitHaystack({ ...options, contextTokens: 3 }, { before: "", after: "long question", separator: " ", needles: [], nextUnit: () => "x" })).toThrow(/contextTokens/);
  });
});
