// Pure library helpers: highlight ranges, deep links, and the viewer's rows.
import { describe, expect, it } from "vitest";
import { normalizeRanges, splitByRanges, intersectsAny } from "../../src/features/library/highlight-ranges";
import { documentHash, parseLibraryRoute, parseHighlightParam } from "../../src/features/library/deep-link";
import { buildViewerLayout, rowForOffset } from "../../src/features/library/viewer-rows";
import { buildDocument } from "../../src/core/text/build-document";
import { parseHash } from "../../src/app/use-hash-tab";
import { jobFraction, jobProgressLabel } from "../../src/features/library/format";
import type { IngestJob } from "../../src/features/library/library-types";

describe("highlight ranges", () => {
  it("sorts, clamps and merges", () => {
    expect(normalizeRanges([{ start: 8, end: 12 }, { start: -3, end: 2 }, { start: 10, end: 15 }, { start: 5, end: 5 }, { start: 18, end: 40 }], 20)).toEqual([
      { start: 0, end: 2 },
      { start: 8, end: 15 },
      { start: 18, end: 20 },
    ]);
  });

  it("cuts a paragraph into marked and unmarked pieces, including ranges that span paragraphs", () => {
    const ranges = [{ start: 2, end: 4 }, { start: 8, end: 30 }];
    expect(splitByRanges(0, 10, ranges)).toEqual([
      { start: 0, end: 2, marked: false },
      { start: 2, end: 4, marked: true },
      { start: 4, end: 8, marked: false },
      { start: 8, end: 10, marked: true },
    ]);
    expect(splitByRanges(12, 20, ranges)).toEqual([{ start: 12, end: 20, marked: true }]);
    expect(splitByRanges(40, 50, ranges)).toEqual([{ start: 40, end: 50, marked: false }]);
    expect(intersectsAny(ranges, 4, 8)).toBe(false);
    expect(intersectsAny(ranges, 4, 9)).toBe(true);
  });
});

describe("deep links", () => {
  it("round-trips a document with highlights", () => {
    const hash = documentHash("a b/c", [{ start: 10, end: 20 }, { start: 30, end: 45 }]);
    expect(hash).toBe("#/library/doc/a%20b%2Fc?highlight=10-20,30-45");
    expect(parseLibraryRoute(hash.slice("#/library".length))).toEqual({
      view: "document",
      id: "a b/c",
      highlights: [{ start: 10, end: 20 }, { start: 30, end: 45 }],
    });
  });

  it("reaches the library through the app's hash with the tab part intact", () => {
    const { tab, rest } = parseHash("#/library/doc/abc?highlight=5-9");
    expect(tab).toBe("library");
    expect(parseLibraryRoute(rest)).toEqual({ view: "document", id: "abc", highlights: [{ start: 5, end: 9 }] });
    expect(parseHash("#/models")).toEqual({ tab: "models", rest: "" });
    expect(parseHash("#/nowhere/doc/x")).toEqual({ tab: "library", rest: "" });
    expect(parseHash("")).toEqual({ tab: "library", rest: "" });
  });

  it("treats anything else as the list and skips malformed ranges", () => {
    expect(parseLibraryRoute("")).toEqual({ view: "list" });
    expect(parseLibraryRoute("/elsewhere")).toEqual({ view: "list" });
    expect(parseLibraryRoute("/doc/x")).toEqual({ view: "document", id: "x", highlights: [] });
    expect(parseHighlightParam("5-1,abc,3-9,,7-")).toEqual([{ start: 3, end: 9 }]);
  });
});

describe("viewer rows", () => {
  it("gives pages a label row and paragraphs a row each, with empty pages kept", () => {
    const content = buildDocument({
      units: [
        { kind: "page", number: 1, title: "Page 1", level: 0, paragraphs: ["One.", "Two."] },
        { kind: "page", number: 2, title: "Page 2", level: 0, paragraphs: [] },
        { kind: "page", number: 3, title: "Page 3", level: 0, paragraphs: ["Three."] },
      ],
    });
    const layout = buildViewerLayout(content);
    expect(layout.rows.map((row) => row.kind)).toEqual(["label", "paragraph", "paragraph", "label", "empty", "label", "paragraph"]);
    expect(layout.sectionRows).toEqual([0, 3, 5]);
    const three = content.text.indexOf("Three");
    expect(rowForOffset(layout, three + 2)).toBe(6);
    expect(rowForOffset(layout, 0)).toBe(1);
  });

  it("renders a section heading as a text row, since it is part of the text", () => {
    const content = buildDocument({
      units: [
        { kind: "section", number: 1, title: "notes.md", level: 0, paragraphs: ["Intro."] },
        { kind: "section", number: 2, title: "Methods", level: 2, paragraphs: ["We did it."] },
      ],
    });
    const layout = buildViewerLayout(content);
    expect(layout.rows.map((row) => row.kind)).toEqual(["label", "paragraph", "heading", "paragraph"]);
    expect(rowForOffset(layout, content.text.indexOf("Methods"))).toBe(2);
  });
});

describe("job progress", () => {
  const job = (status: IngestJob["status"], done: number, total: number, fileName = "big.pdf"): IngestJob => ({
    id: "j", docId: "d", fileName, size: 1, status, progress: { done, total }, error: null,
  });

  it("names the page for PDFs and moves one bar through the stages", () => {
    expect(jobProgressLabel(job("extracting", 37, 300))).toBe("Reading page 37 of 300");
    expect(jobProgressLabel(job("extracting", 2, 5, "a.docx"))).toBe("Extracting part 2 of 5");
    expect(jobFraction(job("queued", 0, 0))).toBe(0);
    expect(jobFraction(job("reading", 0, 0))).toBeNull();
    expect(jobFraction(job("extracting", 150, 300))).toBeCloseTo(0.425);
    expect(jobFraction(job("done", 1, 1))).toBe(1);
  });
});
