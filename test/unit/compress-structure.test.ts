// Pins segmentation for the compressor: paragraph and sentence offsets, long-sentence cuts, windows.
import { describe, expect, it } from "vitest";
import { joinAbbreviationCuts, paragraphRanges, plainTextDocument, splitLongRange } from "../../src/core/compress/structure";
import { planWindows, poolSize } from "../../src/core/compress/windows";

describe("structure", () => {
  const text = "First para. Two sentences.\n\n  Second para here.\n \n\nThird.";

  it("finds paragraphs at blank lines with offsets into the original text", () => {
    const ranges = paragraphRanges(text);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(["First para. Two sentences.", "Second para here.", "Third."]);
  });

  it("splits sentences inside paragraphs, keeping offsets", () => {
    const doc = plainTextDocument("d", "Title", text);
    const sentences = doc.sections[0]!.paragraphs.flatMap((p) => p.sentences).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(["First para.", "Two sentences.", "Second para here.", "Third."]);
  });

  it("rejoins sentences cut after an initialism or a court abbreviation, not real ends", () => {
    const prose = "It stars Amy Adams, with the U.S. Army. In Alleyne v. United States it ruled. It ended. Then came more.";
    const ranges = [...prose.matchAll(/[^.]+(?:\.|$)/g)].map((m) => ({ start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length }));
    const joined = joinAbbreviationCuts(prose, ranges).map((r) => prose.slice(r.start, r.end));
    expect(joined).toEqual(["It stars Amy Adams, with the U.S. Army.", "In Alleyne v. United States it ruled.", "It ended.", "Then came more."]);
  });

  it("cuts long sentences at spaces into pieces of at most maxChars", () => {
    const long = "word ".repeat(50).trim();
    const pieces = splitLongRange(long, 0, long.length, 42);
    expect(pieces.every(([a, b]) => b - a <= 42)).toBe(true);
    expect(pieces.map(([a, b]) => long.slice(a, b)).join(" ")).toBe(long);
  });
});

describe("windows", () => {
  it("splits documents into contiguous, non-empty windows of similar size", () => {
    const windows = planWindows([10, 10, 10, 10, 10, 10], 3);
    expect(windows).toEqual([{ from: 0, to: 2 }, { from: 2, to: 4 }, { from: 4, to: 6 }]);
    expect(planWindows([5, 5], 8)).toHaveLength(2);
    expect(planWindows([], 4)).toEqual([]);
  });

  it("sizes the pool to the machine, leaving a thread for the page", () => {
    expect(poolSize(16)).toBe(4);
    expect(poolSize(2)).toBe(1);
    expect(poolSize(undefined)).toBe(1);
  });
});
