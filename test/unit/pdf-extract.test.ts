// PDF adapter on real files: pages, known text, per-page progress, encryption, named failures.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestBytes } from "../../src/adapters/ingest/ingest";
import type { IngestProgress } from "../../src/adapters/ingest/protocol";
import { extractPdf } from "../../src/adapters/pdf/pdf-extract";
import { loadPdfjsNode } from "../../src/adapters/pdf/pdfjs-node";
import { qwen3Tokenizer } from "../../src/adapters/tokenizer/qwen3";
import { FolioError } from "../../src/lib/errors";

const DATA = new URL("../../../shared/data/pdfs/", import.meta.url);
const FIXTURES = new URL("../fixtures/", import.meta.url);
const read = (base: URL, name: string) => new Uint8Array(readFileSync(new URL(name, base)));

async function ingest(bytes: Uint8Array, name: string, password?: string, onProgress?: (p: IngestProgress) => void) {
  return ingestBytes({ id: name, name, type: "", bytes: bytes.slice().buffer, password }, { loadPdfjs: loadPdfjsNode, onProgress, now: () => 0 });
}

async function errorName(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).hint.length).toBeGreaterThan(10);
    return (error as FolioError).name;
  }
  return "no error";
}

describe("PDF ingestion", () => {
  it("reads tracemonkey.pdf: 14 pages, known text, per-page progress, exact token count", async () => {
    const progress: IngestProgress[] = [];
    const document = await ingest(read(DATA, "tracemonkey.pdf"), "tracemonkey.pdf", undefined, (p) => progress.push(p));
    expect(document.format).toBe("pdf");
    expect(document.stats.pages).toBe(14);
    expect(document.sections.map((section) => section.title)).toEqual(Array.from({ length: 14 }, (_, i) => `Page ${i + 1}`));
    const page1 = document.text.slice(document.sections[0]!.start, document.sections[0]!.end);
    expect(page1).toContain("Trace-based Just-in-Time Type Specialization for Dynamic Languages");
    expect(page1).toContain("We present an alternative compilation technique for dynamically-typed languages");
    expect(document.text).toContain("TraceMonkey");
    const extracting = progress.filter((p) => p.stage === "extracting" && p.total > 0);
    expect(extracting.map((p) => p.done)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(document.stats.tokens).toBe(qwen3Tokenizer().count(document.text));
    expect(document.stats.characters).toBe(document.text.length);
    expect(document.stats.sentences).toBeGreaterThan(500);
  });

  it("reads the small valid files of other producers", async () => {
    expect((await ingest(read(DATA, "asciihexdecode.pdf"), "a.pdf")).text).toBe("Hello world");
    expect((await ingest(read(DATA, "pdfkit_compressed.pdf"), "p.pdf")).text).toBe("Some text with an embedded font!");
    const basic = await ingest(read(DATA, "basicapi.pdf"), "basicapi.pdf");
    expect(basic.stats.pages).toBe(3);
    expect(basic.text).toContain("Table Of Content");
  });

  it("opens the encrypted fixture with the right password only", async () => {
    const bytes = read(FIXTURES, "encrypted.pdf");
    expect(await errorName(ingest(bytes, "encrypted.pdf"))).toBe("PasswordRequiredError");
    expect(await errorName(ingest(bytes, "encrypted.pdf", "wrong"))).toBe("WrongPasswordError");
    const document = await ingest(bytes, "encrypted.pdf", "folio-secret");
    expect(document.stats.pages).toBe(2);
    expect(document.text).toContain("Secret plans for the harbour.");
  });

  it.each([
    ["bug1020226.pdf", "DamagedFileError"],
    ["poppler-937-0-fuzzed.pdf", "DamagedFileError"],
    ["GHOSTSCRIPT-698804-1-fuzzed.pdf", "NoTextFoundError"],
    ["empty.pdf", "NoTextFoundError"],
    ["empty_protected.pdf", "NoTextFoundError"],
  ])("fails on %s with %s, quickly", async (name, expected) => {
    const started = performance.now();
    expect(await errorName(ingest(read(DATA, name), name))).toBe(expected);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("fails on an image-only (scanned) PDF with NoTextFoundError", async () => {
    expect(await errorName(ingest(read(FIXTURES, "scanned.pdf"), "scanned.pdf"))).toBe("NoTextFoundError");
  });

  it("stops between pages when cancelled", async () => {
    const controller = new AbortController();
    const extraction = extractPdf(read(DATA, "tracemonkey.pdf"), await loadPdfjsNode(), {
      name: "tracemonkey.pdf",
      signal: controller.signal,
      onPage: (done) => {
        if (done === 2) controller.abort();
      },
    });
    expect(await errorName(extraction)).toBe("CancelledError");
  });
});
