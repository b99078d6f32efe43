// Citation markers in answers (src/core/prompt/citations.ts): single, lists, ranges, adjacent
// markers, invalid numbers flagged rather than dropped, and text that only looks like a marker.
import { describe, expect, test } from "vitest";
import { MAX_RANGE_EXPANSION, parseCitations, type AnswerSegment } from "../../src/core/prompt/citations";

const AVAILABLE = [1, 2, 3, 4, 5];

function joined(segments: AnswerSegment[]): string {
  return segments.map((s) => (s.kind === "text" ? s.text : s.raw)).join("");
}

function citedNumbers(answer: string, available: number[] = AVAILABLE): Array<Array<[number, boolean]>> {
  return parseCitations(answer, available)
    .segments.filter((s) => s.kind === "citation")
    .map((s) => (s.kind === "citation" ? s.refs.map((r): [number, boolean] => [r.number, r.valid]) : []));
}

describe("parseCitations", () => {
  test("splits text and a single marker, with offsets", () => {
    const answer = "Revenue grew 12% [2].";
    const parsed = parseCitations(answer, AVAILABLE);
    expect(parsed.segments).toEqual([
      { kind: "text", text: "Revenue grew 12% ", start: 0, end: 17 },
      { kind: "citation", raw: "[2]", refs: [{ number: 2, valid: true }], start: 17, end: 20 },
      { kind: "text", text: ".", start: 20, end: 21 },
    ]);
    expect(parsed.used).toEqual([2]);
    expect(parsed.invalid).toEqual([]);
  });

  test("reads lists, ranges and adjacent markers", () => {
    expect(citedNumbers("a [1, 3] b")).toEqual([[[1, true], [3, true]]]);
    expect(citedNumbers("a [1;3]")).toEqual([[[1, true], [3, true]]]);
    expect(citedNumbers("a [2-4]")).toEqual([[[2, true], [3, true], [4, true]]]);
    expect(citedNumbers("a [2\u20134]")).toEqual([[[2, true], [3, true], [4, true]]]);
    expect(citedNumbers("a [4-2]")).toEqual([[[2, true], [3, true], [4, true]]]);
    expect(citedNumbers("a [1][3]")).toEqual([[[1, true]], [[3, true]]]);
    expect(citedNumbers("a [1, 3-4, 5]")).toEqual([[[1, true], [3, true], [4, true], [5, true]]]);
    expect(citedNumbers("a \u30102\u3011")).toEqual([[[2, true]]]);
    expect(citedNumbers("a [ 2 ]")).toEqual([[[2, true]]]);
  });

  test("flags numbers without evidence instead of dropping them", () => {
    const parsed = parseCitations("x [7] y [0] z [2, 9] w [4-6]", AVAILABLE);
    expect(citedNumbers("x [7] y [0] z [2, 9] w [4-6]")).toEqual([
      [[7, false]],
      [[0, false]],
      [[2, true], [9, false]],
      [[4, true], [5, true], [6, false]],
    ]);
    expect(parsed.used).toEqual([2, 4, 5]);
    expect(parsed.invalid).toEqual([7, 0, 9, 6]);
  });

  test("lists each used number once, in order of first use", () => {
    const parsed = parseCitations("[3] then [1] then [3, 3] and [1-3]", AVAILABLE);
    expect(parsed.used).toEqual([3, 1, 2]);
    expect(citedNumbers("[3, 3]")).toEqual([[[3, true]]]);
  });

  test("leaves text that only looks like a marker", () => {
    for (const answer of ["see [a]", "[1](https://example.org)", "array [1, 2,]", "[ ]", "[-1]", "[1.5]", "[1 2]", "unclosed [3", "x[]"]) {
      const parsed = parseCitations(answer, AVAILABLE);
      expect(parsed.segments.every((s) => s.kind === "text")).toBe(true);
      expect(joined(parsed.segments)).toBe(answer);
    }
  });

  test("does not expand huge ranges number by number", () => {
    const parsed = parseCitations("[1-100000]", AVAILABLE);
    const numbers = citedNumbers("[1-100000]").flat().map(([n]) => n);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 100000]);
    expect(parsed.invalid).toEqual([100000]);
    expect(MAX_RANGE_EXPANSION).toBeLessThan(100000);
  });

  test("a number too large to be exact is invalid", () => {
    expect(parseCitations("[99999999999999999999]", AVAILABLE).invalid).toHaveLength(1);
  });

  test("empty answers, answers without markers and no evidence at all", () => {
    expect(parseCitations("", AVAILABLE)).toEqual({ segments: [], used: [], invalid: [] });
    expect(parseCitations("plain", AVAILABLE).segments).toEqual([{ kind: "text", text: "plain", start: 0, end: 5 }]);
    expect(parseCitations("[1]", []).invalid).toEqual([1]);
  });

  test("round-trips any answer through its segments", () => {
    const answer = "A [1]. B [2][3], C [1-2; 5]; D [8]. [x] [";
    expect(joined(parseCitations(answer, AVAILABLE).segments)).toBe(answer);
  });
});
