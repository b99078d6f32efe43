// The pure pieces under the lab trainer: character tokenizer, host-side token picking, group
// scoring with the DAPO filter, row packing, and the compact passkey task.
import { describe, expect, it } from "vitest";
import { BOS_ID, createCharTokenizer, EOS_ID, UNK_ID } from "../../src/core/rl/char-tokenizer";
import { DEFAULT_ADVANTAGE_OPTIONS } from "../../src/core/rl/advantages";
import { entropyFromLogits, logprobsFromLogits } from "../../src/core/rl/losses";
import { createRng } from "../../src/core/rl/random";
import { rewardConfigFor, scoreOutput } from "../../src/core/rl/rewards";
import { packRows, scoreGroups } from "../../src/core/rl/rl-batch";
import { compactPasskeyTask } from "../../src/core/rl/tasks/compact-passkey";
import { pickToken } from "../../src/core/rl/token-sampling";

describe("char tokenizer", () => {
  it("round-trips ASCII and maps the rest to UNK", () => {
    const tok = createCharTokenizer();
    expect(tok.decode(tok.encode("Answer: 42\n"))).toBe("Answer: 42\n");
    expect(tok.encode("é")).toEqual([UNK_ID]);
    expect(tok.count("abc")).toBe(3);
    expect(tok.decode([BOS_ID, 65, EOS_ID])).toBe("A");
    expect(Math.max(...tok.encode("~ \t"))).toBeLessThan(tok.vocabSize);
  });
});

describe("pickToken", () => {
  const logits = Float32Array.from([1, 3, 0.5, -2, 2.5]);
  it("greedy takes the argmax with the plain log-prob and entropy", () => {
    const picked = pickToken(logits, 0, 5, { temperature: 0 }, createRng(0));
    expect(picked.token).toBe(1);
    expect(picked.logprob).toBeCloseTo(logprobsFromLogits(logits, 1, 5, [1])[0] as number, 5);
    expect(picked.entropy).toBeCloseTo(entropyFromLogits(logits, 1, 5)[0] as number, 5);
  });
  it("samples by temperature, and top-p keeps only the nucleus", () => {
    const counts = [0, 0, 0, 0, 0];
    const rng = createRng(1);
    for (let i = 0; i < 2000; i++) counts[pickToken(logits, 0, 5, { temperature: 1 }, rng).token]! += 1;
    expect(counts[1]).toBeGreaterThan(counts[4] as number);
    expect(counts[3]).toBeLessThan(40);
    const nucleus = new Set<number>();
    for (let i = 0; i < 300; i++) nucleus.add(pickToken(logits, 0, 5, { temperature: 1, topP: 0.6 }, rng).token);
    expect([...nucleus].sort()).toEqual([1, 4]);
    const hot = pickToken(logits, 0, 5, { temperature: 2 }, createRng(2));
    const scaled = Float32Array.from(logits, (x) => x / 2);
    expect(hot.logprob).toBeCloseTo(logprobsFromLogits(scaled, 1, 5, [hot.token])[0] as number, 5);
  });
});

describe("scoreGroups and packRows", () => {
  it("scores, penalises overlong answers and drops all-equal groups", () => {
    const outputs = ["Answer: 12", "Answer: 13", "Answer: 7", "Answer: 7"];
    const scored = scoreGroups(outputs, [4, 10, 3, 3], ["12", "8"], {
      groupSize: 2,
      reward: rewardConfigFor("exact"),
      advantage: DEFAULT_ADVANTAGE_OPTIONS,
      overlong: { maxTokens: 10, cacheTokens: 4 },
      dynamicSampling: true,
    });
    expect(Array.from(scored.taskRewards)).toEqual([1, 0, 0, 0]);
    expect(scored.rewards[1]).toBeCloseTo(-1, 6);
    expect(scored.keep).toEqual([0]);
    expect(scored.groupMeans).toEqual([0.5, 0]);
    expect(scored.advantages[0]).toBeGreaterThan(0);
  });
  it("lays rows out as sampling saw them", () => {
    const packed = packRows([{ prompt: [1, 10, 11], response: [20, 2], responseLogprobs: [-0.5, -0.25] }], 2, 4, 7, 0);
    expect(Array.from(packed.tokens.slice(0, 7))).toEqual([0, 1, 10, 11, 20, 2, 0]);
    expect(Array.from(packed.targets.slice(0, 7))).toEqual([1, 10, 11, 20, 2, 0, 0]);
    expect(Array.from(packed.mask.slice(0, 7))).toEqual([0, 0, 0, 1, 1, 0, 0]);
    expect(Array.from(packed.oldLogprobs.slice(0, 7))).toEqual([0, 0, 0, -0.5, -0.25, 0, 0]);
    expect(packed.starts[0]).toBe(1);
    expect(Array.from(packed.mask.slice(7))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("compact passkey", () => {
  it("fits short contexts and its worked solution earns the reward", () => {
    const tokenizer = createCharTokenizer();
    for (const contextTokens of [64, 128, 256]) {
      const ex = compactPasskeyTask({ seed: 3, difficulty: 0.5, contextTokens, tokenizer });
      expect(ex.metadata.promptTokens).toBeLessThanOrEqual(contextTokens);
      expect(ex.metadata.promptTokens).toBeGreaterThan(contextTokens - 8);
      expect(ex.prompt).toContain(`code ${ex.answer}.`);
      expect(scoreOutput(ex.solution, ex.answer, rewardConfigFor("exact"))).toBe(1);
    }
  });
});
