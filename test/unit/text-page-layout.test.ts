// Pins PDF page assembly (lines, paragraphs, hyphens) and the fidelity measure used by the bench.
import { describe, expect, it } from "vitest";
import { assemblePageParagraphs, type PositionedText } from "../../src/core/text/page-layout";
import { xyCutOrder } from "../../src/core/text/reading-order";
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
      run("Left column text", 50, 112, true),
      run("ends here.", 50, 100, true),
      run("Right column top.", 300, 700, true),
      run("Small footnote.", 300, 688, true, 6),
    ];
    expect(assemblePageParagraphs(runs)).toEqual(["Left column text ends here.", "Right column top.", "Small footnote."]);
  });

  it("ignores empty runs and returns nothing for an empty page", () => {
    expect(assemblePageParagraphs([run("", 0, 0, true), run("  ", 10, 10)])).toEqual([]);
  });
});

describe("reading order (XY-cut)", () => {
  // Two columns whose baselines align, emitted row by row (L1 R1 L2 R2 ...), as some producers do.
  const twoColumns = (rows: number) =>
    Array.from({ length: rows }, (_, i) => [run(`left ${i}`, 50, 700 - i * 12, true), run(`right ${i}`, 320, 700 - i * 12, true)]).flat();

  it("reads a column to its end before the next, even when rows are interleaved in the content", () => {
    const text = assemblePageParagraphs(twoColumns(3)).join(" | ");
    expect(text).toBe("left 0 left 1 left 2 | right 0 right 1 right 2");
  });

  it("reads a full-width title first, then the columns below it", () => {
    const runs = [...twoColumns(3), run("A Title Across Both Columns And The Gutter Between", 50, 750, true, 14)];
    expect(assemblePageParagraphs(runs)).toEqual(["A Title Across Both Columns And The Gutter Between", "left 0 left 1 left 2", "right 0 right 1 right 2"]);
  });

  it("reads a table column by column; blank runs spanning the cell gaps do not bridge them", () => {
    const row = (name: string, value: string, y: number) => [run(name, 50, y), run("          ", 80, y), run(value, 200, y, true)];
    const runs = [...row("alpha", "11", 700), ...row("beta", "22", 690), ...row("gamma", "33", 680)];
    expect(assemblePageParagraphs(runs).join(" | ")).toBe("alpha beta gamma | 11 22 33");
  });

  it("keeps a justified line with one wide space in order (one line is not a column)", () => {
    const runs = [run("[1] A reference", 50, 700), run("- http://example.org/a-", 200, 700, true), run("b.html.", 60, 688, true)];
    expect(assemblePageParagraphs(runs)).toEqual(["[1] A reference - http://example.org/ab.html."]);
  });

  it("reads stacked small-print lines top to bottom even when the content lists them bottom-up", () => {
    const runs = [run("third", 50, 600, true, 4), run("second", 50, 606.5, true, 4), run("first", 50, 613, true, 4)];
    expect(assemblePageParagraphs(runs).join(" ")).toBe("first second third");
  });

  it("orders boxes: columns, then rows, content order where neither cuts", () => {
    const box = (x0: number, x1: number, y0: number, y1: number) => ({ x0, x1, y0, y1 });
    // Two columns of two lines (the right one set lower, as columns usually are) under a title.
    const boxes = [box(0, 10, 90, 100), box(50, 60, 87, 97), box(0, 10, 78, 88), box(50, 60, 75, 85), box(0, 60, 120, 130)];
    expect(xyCutOrder(boxes, { minColumnGap: 5, rowGap: 0.4 })).toEqual([4, 0, 2, 1, 3]);
    // Rows far apart with no gutter are read top down whatever the content order.
    expect(xyCutOrder([box(0, 50, 0, 10), box(0, 50, 40, 50)], { minColumnGap: 5, rowGap: 0.4 })).toEqual([1, 0]);
    // Overlapping boxes cannot be cut: their content order stands.
    expect(xyCutOrder([box(0, 10, 0, 10), box(5, 15, 5, 15)], { minColumnGap: 5, rowGap: 0.4 })).toEqual([0, 1]);
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
