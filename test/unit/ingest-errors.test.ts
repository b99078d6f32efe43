// ingestBytes end to end on every format, and every named error a user can meet, with its hint.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestBytes } from "../../src/adapters/ingest/ingest";
import { checkFileSize, MAX_FILE_BYTES } from "../../src/adapters/ingest/ingest-errors";
import { loadPdfjsNode } from "../../src/adapters/pdf/pdfjs-node";
import { qwen3Tokenizer } from "../../src/adapters/tokenizer/qwen3";
import { isFolioError, serializeError, deserializeError } from "../../src/lib/errors";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

function ingest(name: string, bytes: Uint8Array, signal?: AbortSignal) {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return ingestBytes({ id: "doc-1", name, type: "", bytes: buffer }, { loadPdfjs: loadPdfjsNode, signal, now: () => 42 });
}

describe("ingestBytes", () => {
  it.each([
    ["sample.docx", "docx", 4],
    ["sample.html", "html", 4],
    ["sample.md", "markdown", 4],
    ["sample.txt", "text", 1],
  ])("ingests %s as %s with %i sections and exact stats", async (name, format, sections) => {
    const document = await ingest(name, fixture(name));
    expect(document).toMatchObject({ id: "doc-1", name, format, addedAt: 42, bytes: fixture(name).byteLength });
    expect(document.stats.sections).toBe(sections);
    expect(document.stats.pages).toBe(0);
    expect(document.stats.characters).toBe(document.text.length);
    expect(document.stats.tokens).toBe(qwen3Tokenizer().count(document.text));
    expect(document.stats.tokens).toBeGreaterThan(10);
    const headings = document.sections.filter((section) => section.level > 0);
    for (const section of headings) expect(document.text.slice(section.start).startsWith(section.title)).toBe(true);
  });

  it.each([
    ["empty.txt", "EmptyFileError"],
    ["image.png", "UnsupportedTypeError"],
    ["not-a-document.zip", "UnsupportedTypeError"],
    ["broken.docx", "DamagedFileError"],
    ["scanned.pdf", "NoTextFoundError"],
    ["encrypted.pdf", "PasswordRequiredError"],
  ])("fails on %s with %s, a message and a hint", async (name, expected) => {
    const error: unknown = await ingest(name, fixture(name)).then(() => null, (caught: unknown) => caught);
    expect(isFolioError(error)).toBe(true);
    if (!isFolioError(error)) return;
    expect(error.name).toBe(expected);
    expect(error.message).toContain(name);
    expect(error.hint).toMatch(/\w+ \w+/);
    // Errors cross the worker boundary as data and come back with their names.
    expect(deserializeError(serializeError(error)).name).toBe(expected);
  });

  it("finds no text in a document whose markup has none", async () => {
    await expect(ingest("blank.html", new TextEncoder().encode("<html><script>x()</script></html>"))).rejects.toMatchObject({ name: "NoTextFoundError" });
  });

  it("honours an aborted signal", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(ingest("sample.txt", fixture("sample.txt"), controller.signal)).rejects.toMatchObject({ name: "CancelledError" });
  });

  it("checks the size limit before reading", () => {
    expect(() => checkFileSize("huge.pdf", MAX_FILE_BYTES + 1)).toThrow(expect.objectContaining({ name: "FileTooLargeError" }));
    expect(() => checkFileSize("zero.pdf", 0)).toThrow(expect.objectContaining({ name: "EmptyFileError" }));
    expect(() => checkFileSize("fine.pdf", MAX_FILE_BYTES)).not.toThrow();
  });
});
