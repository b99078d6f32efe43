// One task generated against the real Qwen3 tokenizer: the prompt lands just under the target.
import { describe, expect, it } from "vitest";
import { qwen3Tokenizer } from "../../src/adapters/tokenizer/qwen3";
import { passkeyTask } from "../../src/core/rl/tasks/passkey";
import { recordCompareTask } from "../../src/core/rl/tasks/record-compare";

describe("tasks with the Qwen3 tokenizer", () => {
  it("fits prose and record prompts to the target token count", () => {
    const tokenizer = qwen3Tokenizer();
    for (const task of [passkeyTask, recordCompareTask]) {
      const e = task({ seed: 1, difficulty: 0.5, contextTokens: 4000, tokenizer });
      const tokens = tokenizer.count(e.prompt);
      expect(e.metadata.promptTokens).toBe(tokens);
      expect(tokens).toBeLessThanOrEqual(4000);
      expect(tokens).toBeGreaterThan(3950);
      expect(e.prompt).toContain(e.answer);
    }
  });
});
