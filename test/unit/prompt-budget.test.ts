// Token budget arithmetic (src/core/prompt/budget.ts): the evidence budget of a request and the
// context window chosen at load from the model's limit and the machine's memory.
import { describe, expect, test } from "vitest";
import { toFolioError } from "../../src/lib/errors";
import {
  chooseContextWindow,
  DEFAULT_MIN_EVIDENCE_TOKENS,
  DEFAULT_SAFETY_TOKENS,
  evidenceBudget,
} from "../../src/core/prompt/budget";

const GIB = 2 ** 30;
const QWEN3_KV_BYTES_PER_TOKEN = 144 * 1024;

describe("evidenceBudget", () => {
  const base = { contextWindow: 16384, promptTokens: 900, answerTokens: 1024, thinkingTokens: 4096, safetyTokens: 0 };

  test("is the window minus prompt, reply and safety", () => {
    expect(evidenceBudget({ ...base, thinking: false })).toEqual({ evidenceTokens: 16384 - 900 - 1024, maxNewTokens: 1024, reservedTokens: 1924 });
    expect(evidenceBudget({ ...base, thinking: true })).toEqual({
      evidenceTokens: 16384 - 900 - 1024 - 4096,
      maxNewTokens: 5120,
      reservedTokens: 6020,
    });
  });

  test("thinking on leaves less evidence than thinking off", () => {
    expect(evidenceBudget({ ...base, thinking: true }).evidenceTokens).toBeLessThan(evidenceBudget({ ...base, thinking: false }).evidenceTokens);
  });

  test("applies the default safety margin once", () => {
    const { safetyTokens: _unused, ...rest } = base;
    expect(evidenceBudget({ ...rest, thinking: false }).evidenceTokens).toBe(16384 - 1924 - DEFAULT_SAFETY_TOKENS);
  });

  test("when nothing fits it throws ContextBudgetError, never a negative budget", () => {
    for (const contextWindow of [1924, 1924 + DEFAULT_MIN_EVIDENCE_TOKENS - 1, 1000, 1]) {
      try {
        evidenceBudget({ ...base, contextWindow, thinking: false });
        expect.unreachable();
      } catch (error) {
        const folio = toFolioError(error);
        expect(folio.name).toBe("ContextBudgetError");
        expect(folio.code).toBe("context-budget");
        expect(folio.message).toMatch(/No room for evidence/);
        expect(folio.hint).not.toMatch(/thinking/);
      }
    }
    expect(() => evidenceBudget({ ...base, contextWindow: 4096, thinking: true })).toThrow(/No room/);
    try {
      evidenceBudget({ ...base, contextWindow: 4096, thinking: true });
    } catch (error) {
      expect(toFolioError(error).hint).toMatch(/turn thinking off/);
    }
  });

  test("a minimum of 0 still refuses an empty budget; the exact minimum is accepted", () => {
    expect(() => evidenceBudget({ ...base, contextWindow: 1924, minEvidenceTokens: 0, thinking: false })).toThrow(/No room/);
    expect(evidenceBudget({ ...base, contextWindow: 1924 + 128, minEvidenceTokens: 128, thinking: false }).evidenceTokens).toBe(128);
  });

  test("rejects nonsense inputs, naming the field", () => {
    expect(() => evidenceBudget({ ...base, contextWindow: Number.NaN, thinking: false })).toThrow(/contextWindow/);
    expect(() => evidenceBudget({ ...base, promptTokens: -1, thinking: false })).toThrow(/promptTokens/);
    expect(() => evidenceBudget({ ...base, answerTokens: 0, thinking: false })).toThrow(/answerTokens/);
  });
});

describe("chooseContextWindow", () => {
  const base = { modelMaxTokens: 40960, kvBytesPerToken: QWEN3_KV_BYTES_PER_TOKEN, modelBytes: 3 * GIB };

  test("a big machine gets the model's limit", () => {
    const choice = chooseContextWindow({ ...base, memoryBytes: 64 * GIB });
    expect(choice).toEqual({ contextWindow: 40960, kvCacheBytes: 40960 * QWEN3_KV_BYTES_PER_TOKEN, limitedBy: "model" });
  });

  test("memory limits the window, rounded down to the granularity", () => {
    // 8 GiB × 0.7 − 3 GiB = 2.6 GiB of KV room = 18932 tokens -> 18432.
    const choice = chooseContextWindow({ ...base, memoryBytes: 8 * GIB });
    expect(choice.limitedBy).toBe("memory");
    expect(choice.contextWindow).toBe(18432);
    expect(choice.kvCacheBytes).toBeLessThanOrEqual(8 * GIB * 0.7 - 3 * GIB);
    expect(chooseContextWindow({ ...base, memoryBytes: 8 * GIB, granularity: 4096 }).contextWindow).toBe(16384);
  });

  test("the user's cap wins when smallest", () => {
    expect(chooseContextWindow({ ...base, memoryBytes: 64 * GIB, preferredTokens: 8000 })).toMatchObject({ contextWindow: 7168, limitedBy: "preference" });
  });

  test("too little memory is InsufficientMemoryError", () => {
    try {
      chooseContextWindow({ ...base, memoryBytes: 4 * GIB });
      expect.unreachable();
    } catch (error) {
      const folio = toFolioError(error);
      expect(folio.name).toBe("InsufficientMemoryError");
      expect(folio.message).toMatch(/Not enough memory/);
      expect(folio.hint).toMatch(/smaller model/);
    }
    expect(() => chooseContextWindow({ ...base, memoryBytes: 64 * GIB, preferredTokens: 1000 })).toThrow(/only 1000 tokens/);
  });

  test("rejects nonsense inputs", () => {
    expect(() => chooseContextWindow({ ...base, memoryBytes: 8 * GIB, memoryFraction: 1.5 })).toThrow(/memoryFraction/);
    expect(() => chooseContextWindow({ ...base, memoryBytes: 8 * GIB, kvBytesPerToken: 0 })).toThrow(/kvBytesPerToken/);
    expect(() => chooseContextWindow({ ...base, memoryBytes: -1 })).toThrow(/memoryBytes/);
  });
});
