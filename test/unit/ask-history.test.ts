// Follow-up history: only answered model turns go back to the model, answers without thinking.
import { describe, expect, it, vi } from "vitest";
import type { StoredTurn } from "../../src/adapters/storage/conversations-repository";

vi.mock("../../src/adapters/compress/library-pool", () => ({ libraryCompressPool: () => ({}) }));
const { historyOf } = await import("../../src/features/ask/ask-store");

const turn = (patch: Partial<StoredTurn>): StoredTurn => ({
  id: "t", question: "Q", askedAt: 0, mode: "model", scope: [], granularity: "auto", manualBudget: 1024, evidence: [], stats: null,
  answer: "A", thinking: "T", usage: null, finishReason: "stop", notices: [], error: null, status: "done", ...patch,
});

describe("historyOf", () => {
  it("keeps answered model turns as user/assistant pairs and skips the rest", () => {
    const history = historyOf([
      turn({ question: "one", answer: "first" }),
      turn({ question: "evidence", mode: "evidence", answer: "" }),
      turn({ question: "failed", status: "failed", answer: "" }),
      turn({ question: "stopped", status: "stopped", answer: "partial" }),
    ]);
    expect(history).toEqual([
      { role: "user", content: "one" },
      { role: "assistant", content: "first" },
      { role: "user", content: "stopped" },
      { role: "assistant", content: "partial" },
    ]);
  });
});
