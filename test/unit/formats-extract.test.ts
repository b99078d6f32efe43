// Format detection and the DOCX, HTML, Markdown and plain-text adapters on the project's fixtures.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractDocx } from "../../src/adapters/docx/docx-extract";
import { detectFormat } from "../../src/adapters/formats/detect";
import { extractHtml } from "../../src/adapters/formats/html";
import { extractMarkdown } from "../../src/adapters/formats/markdown";
import { decodeText, extractPlainText } from "../../src/adapters/formats/plain-text";
import type { Extraction } from "../../src/core/text/types";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const outline = (extraction: Extraction) => extraction.units.map((unit) => [unit.number, unit.level, unit.title]);

describe("detectFormat", () => {
  it("trusts magic bytes over names", () => {
    expect(detectFormat(fixture("encrypted.pdf"), "report.txt", "text/plain")).toBe("pdf");
    expect(detectFormat(fixture("sample.docx"), "no-extension", "")).toBe("docx");
  });

  it("falls back to the extension, then the MIME type, then a look at the bytes", () => {
    const text = new TextEncoder().encode("# Title\n");
    expect(detectFormat(text, "notes.md", "")).toBe("markdown");
    expect(detectFormat(text, "page.HTM", "")).toBe("html");
    expect(detectFormat(text, "blob", "text/markdown; charset=utf-8")).toBe("markdown");
    expect(detectFormat(text, "blob", "")).toBe("text");
    expect(detectFormat(new TextEncoder().encode("<!DOCTYPE html><p>x"), "blob", "")).toBe("html");
  });

  it.each([
    ["image.png", /PNG image/],
    ["not-a-document.zip", /zip archive that is not a Word document/],
  ])("rejects %s as UnsupportedTypeError", (name, message) => {
    expect(() => detectFormat(fixture(name), name, "")).toThrow(message);
    try {
      detectFormat(fixture(name), name, "");
    } catch (error) {
      expect((error as Error).name).toBe("UnsupportedTypeError");
    }
  });

  it("rejects unknown binary data", () => {
    expect(() => detectFormat(new Uint8Array([1, 0, 2, 0, 3]), "data.bin", "")).toThrow(/binary data/);
  });
});

describe("extractDocx", () => {
  it("turns Word headings into sections", async () => {
    const extraction = await extractDocx(fixture("sample.docx"), "sample.docx", "sample");
    expect(outline(extraction)).toEqual([
      [1, 0, "sample"],
      [2, 1, "Tides of the Harbour"],
      [3, 2, "Spring tides"],
      [4, 1, "The Lighthouse"],
    ]);
    expect(extraction.units[1]!.paragraphs).toEqual([
      "The harbour fills twice a day. Boats wait for the high water before they leave.",
      "Fishermen read the tide tables every morning.",
    ]);
  });

  it("reports an unreadable document as DamagedFileError", async () => {
    await expect(extractDocx(fixture("broken.docx"), "broken.docx", "broken")).rejects.toMatchObject({ name: "DamagedFileError" });
  });
});

describe("extractHtml", () => {
  const extraction = extractHtml(decodeText(fixture("sample.html")), "sample");

  it("makes sections from h1-h6 and paragraphs from blocks", () => {
    expect(outline(extraction)).toEqual([
      [1, 0, "sample"],
      [2, 1, "Rivers"],
      [3, 2, "The Delta"],
      [4, 1, "Mountains"],
    ]);
    expect(extraction.units[0]!.paragraphs).toEqual(["Intro paragraph & welcome."]);
    expect(extraction.units[2]!.paragraphs).toEqual(["Silt settles where the river slows.", "New land grows each year."]);
    expect(extraction.units[3]!.paragraphs).toEqual(["Mountains rise where plates collide. Snow stays on the peaks."]);
  });

  it("skips script, style, noscript, template, svg and the head", () => {
    const all = extraction.units.flatMap((unit) => unit.paragraphs).join(" ");
    for (const hidden of ["never run", "color: red", "Enable scripts", "Template text", "svg label", "Ignored title"]) expect(all).not.toContain(hidden);
  });

  it("starts with the first heading when there is no text before it", () => {
    expect(outline(extractHtml("<h2>Only</h2><p>Body.</p>", "x"))).toEqual([[1, 2, "Only"]]);
  });
});

describe("extractMarkdown", () => {
  const extraction = extractMarkdown(decodeText(fixture("sample.md")), "sample");

  it("makes sections from headings and keeps code blocks as text", () => {
    expect(outline(extraction)).toEqual([
      [1, 0, "sample"],
      [2, 1, "Forests"],
      [3, 2, "Canopy"],
      [4, 1, "Deserts"],
    ]);
    expect(extraction.units[1]!.paragraphs).toEqual(["Forests cover a third of the land. Old trees store carbon."]);
    expect(extraction.units[2]!.paragraphs).toEqual(["Birds nest high up.", "Light is scarce below.", 'const trees = count("oak");']);
  });
});

describe("plain text", () => {
  it("makes one section with paragraphs at blank lines", () => {
    const extraction = extractPlainText(decodeText(fixture("sample.txt")), "sample");
    expect(outline(extraction)).toEqual([[1, 0, "sample"]]);
    expect(extraction.units[0]!.paragraphs).toEqual([
      "The first paragraph has two sentences. It wraps onto a second line.",
      "The second paragraph is short.",
      "The third paragraph follows two blank lines.",
    ]);
  });

  it("decodes UTF-8 with a BOM and UTF-16 by its BOM", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9]))).toBe("hé");
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00]))).toBe("hé");
  });
});
