// Pins the compressor end to end: exact budget fit (word tokenizer and real Qwen3), document
// order and sources of spans, elision marks, granularities, group-additive counting, errors.
import { describe, expect, it } from "vitest";
import { compress } from "../../src/core/compress/compress";
import { groupCounter } from "../../src/core/compress/group-count";
import { indexPlainDocuments } from "../../src/core/compress/library";
import { ELISION, GROUP_SEPARATOR } from "../../src/core/compress/render";
import { qwen3Tokenizer } from "../../src/adapters/tokenizer/qwen3";
import { LIBRARY, wordTokenizer } from "./compress-fixtures";

const library = indexPlainDocuments(LIBRARY);

describe("compress", () => {
  it("fits every budget exactly and reports the true count", () => {
    for (const budget of [5, 12, 20, 35, 60, 500]) {
      const result = compress(library, { query: "Where did Tinted Windows first perform?", budget }, wordTokenizer);
      expect(result.tokens).toBeLessThanOrEqual(budget);
      expect(result.tokens).toBe(wordTokenizer.count(result.text));
    }
  });

  it("returns spans in document order whose text is in the context, with sources", () => {
    const result = compress(library, { query: "Where was the director of Silent Lake born?", budget: 60 }, wordTokenizer);
    const order = result.spans.map((span) => LIBRARY.findIndex((doc) => doc.id === span.doc));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const span of result.spans) {
      const doc = LIBRARY.find((d) => d.id === span.doc)!;
      expect(result.text).toContain(doc.text.slice(span.start, span.end).replace(/\s+/g, " "));
      expect(span.section).toEqual({ kind: "section", number: 1, title: doc.title });
    }
    expect(result.text).toContain("Uppsala");
    expect(result.text).toContain("[Jane Holm]\n");
  });

  it("marks elided text between spans of one section", () => {
    const result = compress(library, { query: "Tomatoes compost water morning", budget: 40, granularity: "sentence" }, wordTokenizer);
    const garden = result.spans.filter((span) => span.doc === "noise");
    if (garden.length > 1) expect(result.text).toContain(ELISION);
  });

  it("honours a granularity override", () => {
    const paragraph = compress(library, { query: "compost soil", budget: 200, granularity: "paragraph" }, wordTokenizer);
    expect(paragraph.granularity).toBe("paragraph");
    expect(paragraph.text).toContain("Compost helps soil. Water in the morning.");
    const phrase = compress(library, { query: "first performance Tulsa", budget: 25, granularity: "phrase" }, wordTokenizer);
    expect(phrase.tokens).toBeLessThanOrEqual(25);
    expect(phrase.text).toContain("Tulsa");
  });

  it("spreads coverage questions over documents", () => {
    const result = compress(library, { query: "Summarise everything in the library", budget: 120 }, wordTokenizer);
    expect(result.intent).toBe("coverage");
    expect(new Set(result.spans.map((s) => s.doc)).size).toBeGreaterThanOrEqual(4);
  });

  it("returns an empty context when not even a header fits", () => {
    const result = compress(library, { query: "Tinted Windows", budget: 1 }, wordTokenizer);
    expect(result).toMatchObject({ text: "", tokens: 0, spans: [] });
  });

  it("rejects bad requests with named errors", () => {
    expect(() => compress(library, { query: " ", budget: 10 }, wordTokenizer)).toThrow(expect.objectContaining({ name: "InvalidRequestError" }));
    expect(() => compress(library, { query: "x", budget: 1.5 }, wordTokenizer)).toThrow(/budget/);
  });
});

describe("with the real Qwen3 tokenizer", () => {
  const qwen3 = qwen3Tokenizer();

  it("counts group by group exactly as the whole context", () => {
    const groups = ["[A (b)]\nOne sentence. Two!", "[B]\nEnds with a mark.", "[C, p. 3]\nNumbers 1984 and 2.5 … more", "[D]\nlast"];
    expect(groupCounter(qwen3)(groups)).toBe(qwen3.count(groups.join(GROUP_SEPARATOR)));
  });

  it("fits Qwen3 budgets exactly", () => {
    for (const budget of [16, 40, 90]) {
      const result = compress(library, { query: "Where was the director of Silent Lake born?", budget }, qwen3);
      expect(result.tokens).toBeLessThanOrEqual(budget);
      expect(result.tokens).toBe(qwen3.count(result.text));
    }
  });
});
