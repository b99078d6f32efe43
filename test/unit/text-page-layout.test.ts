// Pins PDF page assembly (lines, paragraphs, hyphens) and the fidelity measure used by the bench.
import { describe, expect, it } from "vitest";
import { assemblePageParagraphs, type PositionedText } from "../../src/core/text/page-layout";
import { editDistance, partwiseSimilarity, textSimilarity } from "../../src/core/text/similarity";

const run = (text: string, x: number, y: number, hasEOL = false, height = 10): PositionedText => ({ text, x, y, width: text.length * 5, height, hasEOL });

describe("assemblePageParagraphs", () => {
  it("joins lines of a paragraph and breaks at a larger gap", () => {
    const runs = [run("First line of the", 50, 700, true), run("paragraph here.", 50, 688, true), run("Next paragraph.", 50, 660, true)];
    expect(assemblePageParagraphs(runs)).toEqual(["First line of the paragraph here.", "Next paragraph."]);
  });

  it("removes a line-end hyphen inside a lower-case word only", () => {
    const runs = [run("an alter-", 50, 700, true), run("native and Just-", 50, 688, true), run("In-Time", 50, 676, true)];
    expect(assemblePageParagraphs(runs)).toEqual(["an alternative and Just- In-Time"]);
  });

  it("adds a space between runs that are visibly apart on one line, not between touching ones", () => {
    const runs = [run("Hello", 50, 700), run("world", 90, 700), run("!", 115, 700)];
    expect(assemblePageParagraphs(runs)).toEqual(["Hello world!"]);
  });

  it("starts a paragraph at a jump upwards (a new column) and at a font size change", () => {
    const runs = [
      run("Left column end.", 50, 100, true),
      run("Right column top.", 300, 700, true),
      run("Small footnote.", 300, 688, true, 6),
    ];
    expect(assemblePageParagraphs(runs)).toEqual(["Left column end.", "Right column top.", "Small footnote."]);
  });

  it("ignores empty runs and returns nothing for an empty page", () => {
    expect(assemblePageParagraphs([run("", 0, 0, true), run("  ", 10, 10)])).toEqual([]);
  });
});

describe("similarity", () => {
  it("computes the insert/delete distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(5);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
    expect(editDistance("abcdef", "ghijkl", 4)).toBe(4);
  });

  it("compares normalised text", () => {
    expect(textSimilarity("a  b\n c", "a b c")).toBe(1);
    expect(textSimilarity("abcd", "abXd")).toBeCloseTo(1 - 2 / 8);
    expect(partwiseSimilarity(["ab", "cd"], ["ab", "cX"])).toBeCloseTo(1 - 2 / 8);
    expect(partwiseSimilarity(["ab"], ["ab", "cd"])).toBeCloseTo(1 - 2 / 6);
  });
});
