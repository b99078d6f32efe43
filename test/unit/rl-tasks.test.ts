// Pins the synthetic task generators with a deterministic word-and-punctuation tokenizer: prompts
// fit the target length, answers are right (checked by independent solvers), solutions score 1.
import { describe, expect, it } from "vitest";
import type { Tokenizer } from "../../src/core/text/types";
import { RlConfigError } from "../../src/core/rl/errors";
import { rewardConfigFor, scoreOutput } from "../../src/core/rl/rewards";
import { exampleId, generateTask, getTask, TASK_NAMES, TASK_REWARDS } from "../../src/core/rl/tasks/registry";
import type { TaskExample } from "../../src/core/rl/tasks/types";

/** One token per word (letters and digits) and per punctuation mark; counts characters it reads. */
function wordTokenizer(): Tokenizer & { charsRead: number } {
  const t = {
    family: "test-words",
    charsRead: 0,
    encode(text: string): number[] {
      t.charsRead += text.length;
      return (text.match(/[A-Za-z0-9]+|[^\sA-Za-z0-9]/g) ?? []).map((w) => w.length);
    },
    count: (text: string): number => t.encode(text).length,
  };
  return t;
}

const make = (name: string, seed: number, difficulty: number, contextTokens: number) =>
  generateTask(name, { seed, difficulty, contextTokens, tokenizer: wordTokenizer() });

/** Independent solvers that read the prompt the way a perfect model would. */
const SOLVERS: Record<string, (e: TaskExample) => string> = {
  passkey: (e) => {
    const label = /secret code for (the \w+ \w+)\?/.exec(e.prompt)![1]!;
    return new RegExp(`The secret code for ${label} is (\\d+)\\.`).exec(e.prompt)![1]!;
  },
  "kv-lookup": (e) => {
    const key = /value for the key (\w+)\?/.exec(e.prompt)![1]!;
    return new RegExp(`^${key}: (\\w+)$`, "m").exec(e.prompt)![1]!;
  },
  "variable-tracking": (e) => {
    const values = new Map<string, string>();
    for (const m of e.prompt.matchAll(/VAR (\w+) = (?:VAR (\w+)|(\d+))\./g)) {
      values.set(m[1]!, m[3] ?? values.get(m[2]!)!);
    }
    return values.get(/value of VAR (\w+)\?/.exec(e.prompt)![1]!)!;
  },
  "record-compare": (e) => {
    const field = /largest (\w+)\?/.exec(e.prompt)![1]!;
    let best = { id: "", value: -1 };
    for (const m of e.prompt.matchAll(/^Record (\w+): (.*)$/gm)) {
      const value = Number(new RegExp(`${field}=(\\d+)`).exec(m[2]!)![1]);
      if (value > best.value) best = { id: m[1]!, value };
    }
    return best.id;
  },
};

describe.each(TASK_NAMES)("%s", (name) => {
  it.each([
    [0, 300],
    [0.5, 1500],
    [1, 4000],
  ])("difficulty %s fits %s tokens with a correct answer and a worked solution", (difficulty, target) => {
    const tokenizer = wordTokenizer();
    const e = getTask(name)({ seed: 11, difficulty, contextTokens: target, tokenizer });
    expect(e.metadata.promptTokens).toBe(wordTokenizer().count(e.prompt));
    expect(e.metadata.promptTokens).toBeLessThanOrEqual(target);
    expect(e.metadata.promptTokens).toBeGreaterThan(target - 30);
    expect(SOLVERS[name]!(e)).toBe(e.answer);
    expect(e.reward).toBe(TASK_REWARDS[name]);
    expect(scoreOutput(e.solution, e.answer, rewardConfigFor(e.reward))).toBe(1);
    expect(scoreOutput("Answer: 0", e.answer, rewardConfigFor(e.reward))).toBe(0);
    for (const [i, offset] of e.metadata.needleCharOffsets.entries()) {
      expect(e.metadata.needleDepths[i]).toBeGreaterThanOrEqual(0);
      expect(e.metadata.needleDepths[i]).toBeLessThanOrEqual(1);
      expect(e.prompt.slice(offset, offset + 8)).toMatch(/^(The secr|VAR [A-Z]{4}|Record [A-Z]|[0-9a-f]{8})/);
    }
  });

  it("replays from its seed and differs across seeds", () => {
    expect(make(name, 3, 0.5, 800)).toEqual(make(name, 3, 0.5, 800));
    expect(make(name, 3, 0.5, 800).prompt).not.toBe(make(name, 4, 0.5, 800).prompt);
  });

  it("tokenises about twice the prompt, not once per filler unit", () => {
    const tokenizer = wordTokenizer();
    const e = getTask(name)({ seed: 5, difficulty: 0.5, contextTokens: 20_000, tokenizer });
    expect(e.metadata.promptTokens).toBeGreaterThan(19_950);
    expect(tokenizer.charsRead).toBeLessThan(5 * e.prompt.length);
  });

  it("refuses a context too short for the question", () => {
    expect(() => make(name, 1, 1, 20)).toThrow(RlConfigError);
    expect(() => make(name, 1, 1, 20)).toThrow(/contextTokens/);
  });
});

describe("task knobs and registry", () => {
  it("difficulty lengthens the variable chain and adds distractors", () => {
    expect(make("variable-tracking", 2, 0, 500).metadata.details).toMatchObject({ hops: 1, distractors: 0 });
    expect(make("variable-tracking", 2, 1, 800).metadata.details).toMatchObject({ hops: 8, distractors: 3 });
    expect(make("passkey", 2, 1, 500).metadata.details).toMatchObject({ distractors: 4, codeLength: 8 });
    expect(make("record-compare", 2, 1, 500).metadata.details).toMatchObject({ gap: 1 });
  });

  it("names an unknown task and bad options", () => {
    expect(() => getTask("sudoku")).toThrow(/passkey, kv-lookup, variable-tracking, record-compare/);
    expect(() => make("passkey", 1, 1.5, 500)).toThrow(/task\.difficulty/);
    expect(() => make("passkey", -1, 0, 500)).toThrow(/task\.seed/);
  });

  it("gives each example a stable id", () => {
    expect(exampleId(make("kv-lookup", 9, 0.25, 400))).toBe("kv-lookup:9:0.25:400");
  });
});
