// Ask's pure pieces: evidence numbering and labels, figures, the budget policy, frame batching,
// safe Markdown preparation, history for follow-ups, and the echo test engine's reply.
import { describe, expect, it } from "vitest";
import { formatRatio, formatMs, numberEvidence, sectionLabel, sourceLine, conversationTitle } from "../../src/features/ask/evidence";
import { clampManualBudget, fitToTarget, fixedReplyReserve, MAX_FIT_ROUNDS, MAX_OVERFLOW_RETRIES, MIN_BUDGET, overflowBudget, refitBudget, replyReserve } from "../../src/features/ask/budget-policy";
import { FrameBatcher } from "../../src/features/ask/frame-batcher";
import { prepareAnswer, restoreMarkers, safeHref } from "../../src/features/ask/markdown";
import { echoReply } from "../../src/features/ask/e2e-echo-engine";
import type { CompressSpan } from "../../src/core/compress/types";

const span = (doc: string, kind: "page" | "section", number: number, title: string, start = 0, end = 5): CompressSpan => ({ doc, section: { kind, number, title }, start, end });

describe("evidence numbering", () => {
  it("numbers spans 1..n in the given order with titles, labels and texts", () => {
    const items = numberEvidence([span("a", "page", 4, "Page 4", 10, 20), span("b", "section", 2, "Methods", 30, 40)], ["first", "second"], new Map([["a", "Report.pdf"], ["b", "notes.md"]]));
    expect(items).toEqual([
      { citation: 1, docId: "a", documentTitle: "Report.pdf", label: "p. 4", start: 10, end: 20, text: "first" },
      { citation: 2, docId: "b", documentTitle: "notes.md", label: "Methods", start: 30, end: 40, text: "second" },
    ]);
    expect(numberEvidence([span("gone", "page", 1, "Page 1")], [], new Map())[0]).toMatchObject({ documentTitle: "Untitled document", text: "" });
  });

  it("drops a section label that only repeats the document's name", () => {
    expect(sectionLabel({ kind: "section", number: 1, title: "log" }, "log.txt")).toBe("");
    expect(sectionLabel({ kind: "section", number: 1, title: "log.txt" }, "log.txt")).toBe("");
    expect(sectionLabel({ kind: "section", number: 2, title: "  Results \n" }, "log.txt")).toBe("Results");
    expect(sourceLine({ documentTitle: "a.pdf", label: "p. 2" })).toBe("a.pdf · p. 2");
    expect(sourceLine({ documentTitle: "a.pdf", label: "" })).toBe("a.pdf");
  });

  it("formats ratios, times and titles", () => {
    expect(formatRatio(48_000, 800)).toBe("60×");
    expect(formatRatio(1400, 1000)).toBe("1.4×");
    expect(formatRatio(100, 0)).toBe("—");
    expect(formatMs(34.2)).toBe("34 ms");
    expect(formatMs(1234)).toBe("1.2 s");
    expect(conversationTitle("  What   is\nthis? ")).toBe("What is this?");
    expect(conversationTitle("x".repeat(80), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("budget policy", () => {
  it("shrinks the evidence budget to 70% then 49%, then gives up", () => {
    expect(overflowBudget(1000, 1)).toBe(700);
    expect(overflowBudget(1000, 2)).toBe(490);
    expect(overflowBudget(1000, MAX_OVERFLOW_RETRIES + 1)).toBeNull();
    expect(overflowBudget(20, 1)).toBeNull();
  });

  it("refits the compressor budget to what the blocks measured, always smaller", () => {
    expect(refitBudget(1000, 800, 700)).toBe(1000);
    expect(refitBudget(1000, 800, 1000)).toBe(776);
    expect(refitBudget(100, 100, 101)).toBe(96);
    expect(refitBudget(MIN_BUDGET, 10, 100)).toBeNull();
  });

  it("scales the reply reserve to small windows and clamps manual budgets", () => {
    expect(replyReserve(32_768, { answerTokens: 1024, thinkingTokens: 4096 })).toEqual({ answerTokens: 1024, thinkingTokens: 4096, minEvidenceTokens: 128 });
    expect(replyReserve(1024, { answerTokens: 1024, thinkingTokens: 4096 })).toEqual({ answerTokens: 256, thinkingTokens: 341, minEvidenceTokens: 64 });
    expect(clampManualBudget(5)).toBe(64);
    expect(clampManualBudget(99_999)).toBe(16_384);
    expect(clampManualBudget(Number.NaN)).toBe(1024);
  });
});

describe("fitting the compressor budget to what the model reads", () => {
  // A model that reads 3 units per compressor token, in steps of 5 budget tokens: what a budget
  // yields jumps, as whole sentences come and go.
  const reads = (budget: number): number => 3 * (budget - (budget % 5));
  const tried: number[] = [];
  const compress = async (budget: number) => {
    tried.push(budget);
    return { output: budget, measured: reads(budget) };
  };

  it("takes the target at once when it fits", async () => {
    tried.length = 0;
    expect(await fitToTarget(100, async (b) => ({ output: b, measured: b / 2 }))).toEqual({ output: 100, measured: 50 });
  });

  it("bisects up to the largest budget that fits, past a proportional guess that falls short", async () => {
    tried.length = 0;
    const fit = await fitToTarget(47, compress);
    // Budgets 15-19 read 45, the most that fits 47.
    expect(fit.measured).toBeLessThanOrEqual(47);
    expect(fit.measured).toBe(45);
    expect(fit.output).toBe(19); // the largest budget that fits, found by bisection above the guess of 16
    expect(tried).toContain(MIN_BUDGET);
    expect(tried[0]).toBe(47);
    expect(tried.length).toBeLessThanOrEqual(MAX_FIT_ROUNDS);
  });

  it("returns the smallest overflowing trial, at MIN_BUDGET, when nothing fits", async () => {
    const fit = await fitToTarget(100, async (b) => ({ output: b, measured: 1000 + b }));
    expect(fit).toEqual({ output: MIN_BUDGET, measured: 1000 + MIN_BUDGET });
  });

  it("gives a fixed-reply model exactly its reply part and no slack", () => {
    expect(fixedReplyReserve(17)).toEqual({ answerTokens: 17, thinkingTokens: 0, minEvidenceTokens: 8, safetyTokens: 0 });
  });
});

describe("FrameBatcher", () => {
  it("delivers everything that arrived within a frame as one flush", () => {
    const frames: (() => void)[] = [];
    const flushed: string[] = [];
    const batcher = new FrameBatcher((text) => flushed.push(text), (callback) => {
      frames.push(callback);
      return () => frames.splice(frames.indexOf(callback), 1);
    });
    batcher.push("a");
    batcher.push("b");
    batcher.push("");
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(flushed).toEqual(["ab"]);
    batcher.push("c");
    batcher.flush();
    expect(flushed).toEqual(["ab", "c"]);
    expect(frames).toHaveLength(0);
    batcher.flush();
    expect(flushed).toEqual(["ab", "c"]);
  });
});

describe("safe Markdown", () => {
  it("keeps citations whole and flags unknown numbers", () => {
    const prepared = prepareAnswer("The code is **7731-Q** [1][9] and `x [2]`.", [1, 2]);
    expect(prepared.used).toEqual([1, 2]);
    expect(prepared.invalid).toEqual([9]);
    expect(prepared.markers.map((m) => m.raw)).toEqual(["[1]", "[9]", "[2]"]);
    const codespan = JSON.stringify(prepared.tokens);
    expect(codespan).not.toContain("[1]");
    expect(restoreMarkers("x \uE0002\uE001", prepared.markers)).toBe("x [2]");
  });

  it("allows only http(s) and mailto links", () => {
    expect(safeHref("https://example.org/a")).toBe("https://example.org/a");
    expect(safeHref("mailto:a@b.c")).toBe("mailto:a@b.c");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("java\tscript:alert(1)")).toBeNull();
    expect(safeHref(" JAVASCRIPT:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<script>")).toBeNull();
    expect(safeHref("/relative")).toBeNull();
  });

  it("lexes raw HTML as tokens that are rendered as text, never as markup", () => {
    const prepared = prepareAnswer('<img src=x onerror="alert(1)"> hi [1]', [1]);
    expect(JSON.stringify(prepared.tokens)).toContain('"type":"html"');
  });
});

describe("echo test engine", () => {
  it("answers from the evidence block sharing most words with the question, citing it", () => {
    const message = '<evidence id="1">\nSource: a\nThe train leaves at nine.\n</evidence>\n\n<evidence id="2">\nSource: b\nFiller here. The valve code is 7731-Q.\n</evidence>\n\nQuestion: What is the valve code?\n\nAnswer…';
    expect(echoReply(message, false)).toBe("**Answer:** The valve code is 7731-Q. [2]");
    expect(echoReply(message, true)).toMatch(/^<think>.*<\/think>\*\*Answer:\*\*/);
  });
});
