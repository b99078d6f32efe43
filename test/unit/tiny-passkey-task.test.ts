// The evidence-passkey task the shipped tiny model is trained on (src/core/rl/tasks/evidence-passkey.ts):
// seeded, within its length, printable ASCII in the training layout, varied, and its key findable.
import { describe, expect, test } from "vitest";
import { createCharTokenizer } from "../../src/core/rl/char-tokenizer";
import { evidencePasskeyTask, PASSKEY_DIGITS, varyingLength } from "../../src/core/rl/tasks/evidence-passkey";

const tokenizer = createCharTokenizer();
const make = (seed: number, contextTokens = 256, difficulty = 0.5) => evidencePasskeyTask({ seed, difficulty, contextTokens, tokenizer });

describe("evidence passkey", () => {
  test("same seed, same example; within the length; ASCII; layout and answer", () => {
    expect(make(3)).toEqual(make(3));
    for (let seed = 0; seed < 50; seed++) {
      const ex = make(seed);
      expect(ex.prompt.length).toBeLessThanOrEqual(256);
      expect(ex.prompt.length).toBeGreaterThan(200);
      expect(ex.prompt).toMatch(/^[\x20-\x7E\n]+\nQuestion: [^\n]+\n$/);
      expect(ex.answer).toMatch(new RegExp(`^[1-9]\\d{${PASSKEY_DIGITS - 1}}$`));
      expect(ex.solution).toBe(`Answer: ${ex.answer}`);
      expect(ex.prompt).toContain(ex.answer);
      expect(ex.prompt.slice(ex.metadata.needleCharOffsets[0])).toMatch(/pass ?key/i);
    }
  });

  test("phrasings, questions and filler vary", () => {
    const needles = new Set<string>();
    const questions = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const ex = make(seed);
      questions.add(String(ex.metadata.details.question));
      needles.add(ex.prompt.slice(ex.metadata.needleCharOffsets[0], (ex.metadata.needleCharOffsets[0] as number) + 12).replace(/\d/g, "#"));
    }
    expect(questions.size).toBeGreaterThanOrEqual(6);
    expect(needles.size).toBeGreaterThanOrEqual(6);
  });

  test("too short is a named config error; varyingLength spreads lengths and falls back", () => {
    expect(() => make(1, 30)).toThrow(/contextTokens/);
    const varying = varyingLength(evidencePasskeyTask, 0.3);
    const lengths = Array.from({ length: 40 }, (_, seed) => varying({ seed, difficulty: 0.5, contextTokens: 256, tokenizer }).prompt.length);
    expect(Math.min(...lengths)).toBeLessThan(140);
    expect(Math.max(...lengths)).toBeGreaterThan(200);
    expect(() => varyingLength(evidencePasskeyTask, 0)).toThrow(RangeError);
  });
});
