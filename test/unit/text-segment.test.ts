// Pins the document model's offsets: every section, paragraph and sentence range maps back exactly.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDocument, countStructure, PARAGRAPH_SEPARATOR } from "../../src/core/text/build-document";
import { normalizeWhitespace, splitParagraphs, splitSentences } from "../../src/core/text/segment";
import type { DocumentContent, Extraction } from "../../src/core/text/types";

function expectRangesConsistent(content: DocumentContent): void {
  let previousEnd = 0;
  for (const section of content.sections) {
    expect(section.start).toBeLessThanOrEqual(section.end);
    for (const paragraph of section.paragraphs) {
      expect(paragraph.start).toBeGreaterThanOrEqual(previousEnd);
      expect(paragraph.start).toBeGreaterThanOrEqual(section.start);
      expect(paragraph.end).toBeLessThanOrEqual(section.end);
      const text = content.text.slice(paragraph.start, paragraph.end);
      expect(text).toBe(normalizeWhitespace(text));
      expect(paragraph.sentences.length).toBeGreaterThan(0);
      // Sentences tile the paragraph: in order, inside it, separated only by white space.
      let cursor = paragraph.start;
      for (const sentence of paragraph.sentences) {
        expect(content.text.slice(cursor, sentence.start).trim()).toBe("");
        expect(sentence.end).toBeLessThanOrEqual(paragraph.end);
        const body = content.text.slice(sentence.start, sentence.end);
        expect(body).toBe(body.trim());
        cursor = sentence.end;
      }
      expect(cursor).toBe(paragraph.end);
      previousEnd = paragraph.end;
    }
  }
}

const extraction: Extraction = {
  units: [
    { kind: "section", number: 1, title: "notes", level: 0, paragraphs: ["  Before   any heading. Second  sentence! ", "", "Third?"] },
    { kind: "section", number: 2, title: "  Chapter\tOne ", level: 1, paragraphs: ["Dr. Smith arrived at 3 p.m. on Monday. He left.", "Line one\nline two."] },
    { kind: "section", number: 3, title: "Empty", level: 2, paragraphs: [] },
    { kind: "section", number: 4, title: "Unicode", level: 1, paragraphs: ["Ça va? Très bien. 東京に行きました。次の文です。"] },
  ],
};

describe("buildDocument", () => {
  const content = buildDocument(extraction);

  it("maps every paragraph and sentence range back into the text", () => {
    expectRangesConsistent(content);
    const paragraphs = content.sections.flatMap((section) => section.paragraphs.map((p) => content.text.slice(p.start, p.end)));
    expect(paragraphs).toEqual([
      "Before any heading. Second sentence!",
      "Third?",
      "Chapter One",
      "Dr. Smith arrived at 3 p.m. on Monday. He left.",
      "Line one line two.",
      "Empty",
      "Unicode",
      "Ça va? Très bien. 東京に行きました。次の文です。",
    ]);
    expect(content.text).toBe(paragraphs.join(PARAGRAPH_SEPARATOR));
  });

  it("splits sentences at terminal punctuation, CJK included", () => {
    const last = content.sections[3]!.paragraphs[1]!;
    expect(last.sentences.map((range) => content.text.slice(range.start, range.end))).toEqual(["Ça va?", "Très bien.", "東京に行きました。", "次の文です。"]);
  });

  it("keeps headings as first paragraphs of leveled sections only", () => {
    expect(content.sections[0]!.paragraphs).toHaveLength(2);
    expect(content.text.slice(content.sections[1]!.start, content.sections[1]!.paragraphs[0]!.end)).toBe("Chapter One");
  });

  it("counts the structure", () => {
    expect(countStructure(content)).toEqual({ pages: 0, sections: 4, paragraphs: 8, sentences: 13, characters: content.text.length });
  });

  it("keeps blank pages as empty ranges", () => {
    const pages = buildDocument({
      units: [
        { kind: "page", number: 1, title: "Page 1", level: 0, paragraphs: ["One."] },
        { kind: "page", number: 2, title: "Page 2", level: 0, paragraphs: [] },
        { kind: "page", number: 3, title: "Page 3", level: 0, paragraphs: ["Three."] },
      ],
    });
    expect(pages.sections.map((section) => [section.start, section.end])).toEqual([[0, 4], [4, 4], [6, 12]]);
    expectRangesConsistent(pages);
  });
});

describe("segment helpers", () => {
  it("does not end sentences at titles and initials", () => {
    const text = "Dr. Smith met Mohammad R. Haghighat. See Fig. 3 for details. Done.";
    expect(splitSentences(text).map((range) => text.slice(range.start, range.end))).toEqual([
      "Dr. Smith met Mohammad R. Haghighat.",
      "See Fig. 3 for details.",
      "Done.",
    ]);
  });

  it("splitSentences offsets are relative to the given offset", () => {
    expect(splitSentences("  A b. C d.  ", 10)).toEqual([{ start: 12, end: 16 }, { start: 17, end: 21 }]);
  });

  it("splitParagraphs breaks at blank lines only", () => {
    expect(splitParagraphs("a\nb\r\n\r\nc\n \n\n d")).toEqual(["a b", "c", "d"]);
  });
});

describe("splitSentences on long text", () => {
  // Every HotpotQA dev paragraph, joined with spaces into one normalised run of prose.
  const prose = normalizeWhitespace(
    readFileSync(new URL("../../../shared/data/hotpotqa/dev.jsonl", import.meta.url), "utf8")
      .split("\n")
      .filter(Boolean)
      .flatMap((line) => (JSON.parse(line) as { context: { sentences: string[][] } }).context.sentences.map((sentences) => sentences.join("")))
      .join(" "),
  );

  it("gives the same ranges in windows as in one pass, on normal paragraphs", () => {
    const paragraphs = prose.slice(0, 200_000).split(/(?<=\. )/).reduce<string[]>((all, sentence, i) => {
      // Paragraphs of 1 to 40 sentences, then one long one.
      if (i % 23 === 0) all.push(sentence);
      else all[all.length - 1] += sentence;
      return all;
    }, []);
    for (const paragraph of [...paragraphs.slice(0, 200), prose.slice(0, 200_000)]) {
      const text = paragraph.trim();
      const oneP = splitSentences(text, 5, Infinity);
      expect(splitSentences(text, 5)).toEqual(oneP);
      // Small windows put a seam every few sentences.
      expect(splitSentences(text, 5, 4_096)).toEqual(oneP);
    }
  });

  it("segments a 4 MB paragraph in about linear time, with every sentence bounded", () => {
    const big = (prose.slice(0, 1_000_000) + " ").repeat(4).trim();
    const timings: string[] = [];
    for (const length of [500_000, 1_000_000, 2_000_000, big.length]) {
      const text = big.slice(0, length).trim();
      const started = performance.now();
      const ranges = splitSentences(text);
      timings.push(`${(text.length / 1e6).toFixed(1)} M chars ${(performance.now() - started).toFixed(0)} ms (${ranges.length} sentences)`);
    }
    process.stdout.write(`splitSentences on one paragraph: ${timings.join(", ")}\n`);
    const content = buildDocument({ units: [{ kind: "section", number: 1, title: "big", level: 0, paragraphs: [big] }] });
    expect(content.sections[0]?.paragraphs).toHaveLength(1);
    expectRangesConsistent(content);
  }, 60_000);

  it("cuts a run with no sentence end into bounded pieces, at white space where there is some", () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `word${i}`).join(" ");
    const letters = "QmFzZTY0".repeat(20_000);
    for (const text of [words, letters, `${words} ${letters}. Then a sentence.`]) {
      const ranges = splitSentences(text);
      expect(Math.max(...ranges.map((range) => range.end - range.start))).toBeLessThanOrEqual(32_768);
      // In order, covering every visible character, only white space between them.
      const gaps = ranges.map((range, i) => text.slice(ranges[i - 1]?.end ?? 0, range.start));
      expect(gaps.every((gap) => gap.trim() === "")).toBe(true);
      expect(ranges.at(-1)?.end).toBe(text.length);
      if (text === words) for (const range of ranges) expect(text.slice(range.start, range.end)).toMatch(/^word\d+.*\d$/);
    }
  });
});
