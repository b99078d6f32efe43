// Hostile HTML and Markdown: the extractors drop script, style and other non-text content and keep
// the visible text, so what reaches the library (and the viewer) is inert text.
import { describe, expect, it } from "vitest";
import { extractHtml } from "../../src/adapters/formats/html";
import { extractMarkdown } from "../../src/adapters/formats/markdown";
import { ingestBytes } from "../../src/adapters/ingest/ingest";
import { loadPdfjsNode } from "../../src/adapters/pdf/pdfjs-node";
import type { Extraction, Tokenizer } from "../../src/core/text/types";
import { HOSTILE_DOCUMENTS, type HostileDocument } from "../fuzz/hostile-payloads";

const byName = (name: string) => HOSTILE_DOCUMENTS.find((doc) => doc.name === name) as HostileDocument;
const allText = (extraction: Extraction) => extraction.units.flatMap((unit) => [unit.title, ...unit.paragraphs]).join("\n");
/** Counting tokens is not what these tests are about; a character count keeps them fast. */
const tokenizer = (): Tokenizer => ({ family: "chars", encode: (text) => Array.from(text, (c) => c.codePointAt(0) ?? 0), count: (text) => text.length });

describe("hostile HTML", () => {
  const doc = byName("hostile.html");
  const text = allText(extractHtml(doc.text, "hostile"));

  it.each(doc.visible)("keeps the visible text %s", (sentence) => {
    expect(text).toContain(sentence);
  });

  it.each(doc.hidden)("drops %s", (payload) => {
    expect(text).not.toContain(payload);
  });

  it("keeps no attribute values: no javascript: URL, no handler, no data: URL", () => {
    const withoutLiteral = text.replace(doc.visible.at(-1) as string, "");
    expect(withoutLiteral).not.toMatch(/javascript:|onerror|onload|data:text|evil\.invalid/i);
  });

  it("still drops scripts in unclosed or nested skipped elements", () => {
    const nested = extractHtml("<p>before</p><svg><script>SECRET_ONE</script><svg>SECRET_TWO</svg></svg><p>after</p><script>SECRET_THREE", "x");
    expect(allText(nested)).toMatch(/before[\s\S]*after/);
    expect(allText(nested)).not.toMatch(/SECRET/);
  });
});

describe("hostile Markdown", () => {
  const doc = byName("hostile.md");
  const text = allText(extractMarkdown(doc.text, "hostile"));

  it.each(doc.visible)("keeps the visible text %s", (sentence) => {
    expect(text).toContain(sentence);
  });

  it.each(doc.hidden)("drops %s", (payload) => {
    expect(text).not.toContain(payload);
  });

  it("shows link and image text, never their URLs", () => {
    expect(text).toContain("the chart");
    expect(text).toContain("a lighthouse");
    expect(text).not.toMatch(/javascript:|data:text|evil\.invalid/i);
  });

  it("drops script and style content written inline in a paragraph", () => {
    const inline = allText(extractMarkdown('Hello <script>SECRET_A</script> world <style>SECRET_B</style> and <iframe srcdoc="<script>x</script>">SECRET_C</iframe> end.<br/>', "x"));
    expect(inline).toMatch(/Hello\s+world\s+and\s+end\./);
    expect(inline).not.toMatch(/SECRET/);
  });
});

describe("pathological Markdown nesting", () => {
  it("a 5 KB file of 1,000 nested quotes with lazy lines extracts quickly and keeps its text", () => {
    const markdown = `${">".repeat(1000)} deep quote\n${"lazy line\n".repeat(400)}`;
    const started = performance.now();
    const text = allText(extractMarkdown(markdown, "deep"));
    // Seconds, not minutes: before nesting was capped this ran for minutes in a worker thread.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(text).toContain("deep quote");
    expect(text).toContain("lazy line");
  });

  it.each([">", "- ", "* ", "1. "])("3,000 nested %j markers give text, not a stack overflow", (marker) => {
    const text = allText(extractMarkdown(`${marker.repeat(3000)}bottom of the well\n\nafter`, "deep"));
    expect(text).toContain("bottom of the well");
    expect(text).toContain("after");
  });
});

describe("hostile documents through ingestBytes", () => {
  it.each(HOSTILE_DOCUMENTS.map((doc) => [doc.name, doc] as const))("%s becomes a document whose text is the visible text", async (_name, doc) => {
    const bytes = new TextEncoder().encode(doc.text);
    const result = await ingestBytes(
      { id: doc.name, name: doc.name, type: doc.type, bytes: bytes.buffer as ArrayBuffer },
      { loadPdfjs: loadPdfjsNode, tokenizer, now: () => 0 },
    );
    for (const sentence of doc.visible) expect(result.text).toContain(sentence);
    for (const payload of doc.hidden) expect(result.text).not.toContain(payload);
  });
});
