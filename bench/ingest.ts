// Ingestion benchmark: throughput (pages/s, MB/s) and text fidelity against pdftotext, on every PDF
// of ../shared/data/pdfs that ingests and on a generated 1,000-page PDF of seeded prose.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { ingestBytes } from "../src/adapters/ingest/ingest";
import { extractPdf } from "../src/adapters/pdf/pdf-extract";
import { loadPdfjsNode } from "../src/adapters/pdf/pdfjs-node";
import { qwen3Tokenizer } from "../src/adapters/tokenizer/qwen3";
import { partwiseSimilarity } from "../src/core/text/similarity";
import type { FolioDocument } from "../src/core/text/types";
import { isFolioError } from "../src/lib/errors";

const DATA = fileURLToPath(new URL("../../shared/data/pdfs/", import.meta.url));
const OUT = fileURLToPath(new URL("./out/", import.meta.url));
const LONG_PAGES = 1000;

/** Deterministic PRNG (mulberry32) so the generated document is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `the of and to in a is that for it as was with be by on not he this are or his from at which but have an they
you were her she there been one all we their has would when if so no what up out who them some could into its then two more
these time very other only new about may over after also any most people should first years work because between through
system memory language model document reader evidence question answer compiler trace loop interpreter value record branch
river mountain history science century village library letter garden winter summer morning evening harbour station market
careful quiet gentle sudden distant ancient modern simple complex narrow broad bright heavy silent patient curious honest
measure explain follow describe consider remember discover prepare compare observe suggest support improve protect deliver`.split(/\s+/);

function prose(next: () => number): string[] {
  const paragraphs: string[] = [];
  for (let p = 0; p < 5; p++) {
    const sentences: string[] = [];
    for (let s = 0, count = 3 + Math.floor(next() * 3); s < count; s++) {
      const words = Array.from({ length: 8 + Math.floor(next() * 12) }, () => WORDS[Math.floor(next() * WORDS.length)]!);
      const sentence = words.join(" ");
      sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1) + (next() < 0.1 ? "?" : "."));
    }
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs;
}

/** A 1,000-page PDF of wrapped prose, about 2.5 KB of text a page, cached in bench/out/. */
async function longPdf(): Promise<string> {
  const path = join(OUT, `long-${LONG_PAGES}.pdf`);
  if (existsSync(path)) return path;
  mkdirSync(OUT, { recursive: true });
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const next = random(20240611);
  const size = 11;
  const width = 468;
  for (let page = 0; page < LONG_PAGES; page++) {
    const sheet = pdf.addPage([612, 792]);
    let y = 720;
    for (const paragraph of prose(next)) {
      let line = "";
      const flush = () => {
        sheet.drawText(line, { x: 72, y, size, font });
        y -= size * 1.3;
        line = "";
      };
      for (const word of paragraph.split(" ")) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) > width) {
          flush();
          line = word;
        } else line = candidate;
      }
      if (line) flush();
      y -= size * 0.8;
    }
    sheet.drawText(String(page + 1), { x: 300, y: 40, size: 9, font });
  }
  writeFileSync(path, await pdf.save());
  return path;
}

function pageTexts(document: FolioDocument): string[] {
  return document.sections.map((section) => document.text.slice(section.start, section.end));
}

function pdftotext(path: string): { ms: number; pages: string[] } | null {
  const started = performance.now();
  const result = spawnSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (result.error || result.status !== 0) return null;
  return { ms: performance.now() - started, pages: result.stdout.split("\f") };
}

async function timeExtraction(bytes: Uint8Array, name: string): Promise<number> {
  const loaded = await loadPdfjsNode();
  const started = performance.now();
  await extractPdf(bytes.slice(), loaded, { name });
  return performance.now() - started;
}

interface Row {
  file: string;
  pages: number;
  mb: number;
  ingestMs: number;
  extractMs: number;
  popplerMs: number | null;
  fidelity: number | null;
}

async function measure(path: string, name: string, hasPdftotext: boolean): Promise<Row | string> {
  const bytes = new Uint8Array(readFileSync(path));
  const runs = bytes.byteLength > 2_000_000 ? 1 : 3;
  let document: FolioDocument | null = null;
  let ingestMs = Infinity;
  let extractMs = Infinity;
  try {
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const buffer = bytes.slice().buffer;
      document = await ingestBytes({ id: name, name, type: "application/pdf", bytes: buffer }, { loadPdfjs: loadPdfjsNode });
      ingestMs = Math.min(ingestMs, performance.now() - started);
      extractMs = Math.min(extractMs, await timeExtraction(bytes, name));
    }
  } catch (error) {
    return isFolioError(error) ? error.name : String(error);
  }
  if (!document) return "no document";
  let popplerMs: number | null = null;
  let fidelity: number | null = null;
  if (hasPdftotext) {
    let best: { ms: number; pages: string[] } | null = null;
    for (let run = 0; run < runs; run++) {
      const result = pdftotext(path);
      if (result && (!best || result.ms < best.ms)) best = result;
    }
    if (best) {
      popplerMs = best.ms;
      const ours = pageTexts(document);
      fidelity = partwiseSimilarity(ours, best.pages.slice(0, document.stats.pages));
      writePages(name, ours, best.pages);
    }
  }
  return { file: name, pages: document.stats.pages, mb: bytes.byteLength / 1e6, ingestMs, extractMs, popplerMs, fidelity };
}

/** Ours and pdftotext's text per page, in bench/out/pages/, to diff where fidelity is lost. */
function writePages(name: string, ours: readonly string[], reference: readonly string[]): void {
  if (ours.length > 50) return;
  const folder = join(OUT, "pages");
  mkdirSync(folder, { recursive: true });
  ours.forEach((text, i) => {
    writeFileSync(join(folder, `${name}.p${i + 1}.ours.txt`), `${text}\n`);
    writeFileSync(join(folder, `${name}.p${i + 1}.pdftotext.txt`), `${reference[i] ?? ""}\n`);
  });
}

function table(rows: Row[], hasPdftotext: boolean): string {
  const header = ["file", "pages", "MB", "ingest ms", "pages/s", "MB/s", "extract ms"];
  if (hasPdftotext) header.push("pdftotext ms", "extract/pdftotext", "ingest/pdftotext", "fidelity");
  const body = rows.map((row) => {
    const cells = [
      row.file,
      String(row.pages),
      row.mb.toFixed(3),
      row.ingestMs.toFixed(1),
      (row.pages / (row.ingestMs / 1000)).toFixed(1),
      (row.mb / (row.ingestMs / 1000)).toFixed(2),
      row.extractMs.toFixed(1),
    ];
    if (hasPdftotext) {
      const ratio = (ms: number) => (row.popplerMs ? `${(ms / row.popplerMs).toFixed(2)}x` : "-");
      cells.push(row.popplerMs?.toFixed(1) ?? "-", ratio(row.extractMs), ratio(row.ingestMs), row.fidelity?.toFixed(4) ?? "-");
    }
    return cells;
  });
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [format(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(format)].join("\n");
}

async function main(): Promise<void> {
  const hasPdftotext = spawnSync("pdftotext", ["-v"]).error === undefined;
  if (!hasPdftotext) process.stdout.write("pdftotext not found (Debian: poppler-utils); skipping the comparison columns.\n");
  // Load the tokenizer and pdf.js once so the first file does not pay for it.
  qwen3Tokenizer().count("warm up");
  await loadPdfjsNode();
  const files = existsSync(DATA) ? readdirSync(DATA).filter((file) => file.endsWith(".pdf")).sort() : [];
  if (files.length === 0) process.stdout.write("no PDFs found in ../shared/data/pdfs\n");
  const rows: Row[] = [];
  for (const file of files) {
    const result = await measure(join(DATA, file), file, hasPdftotext);
    if (typeof result === "string") process.stdout.write(`skip ${file}: ${result}\n`);
    else rows.push(result);
  }
  const long = await longPdf();
  const result = await measure(long, `generated-${LONG_PAGES}-pages.pdf`, hasPdftotext);
  if (typeof result === "string") process.stdout.write(`generated document failed: ${result}\n`);
  else rows.push(result);
  process.stdout.write(`\n${table(rows, hasPdftotext)}\n`);
  process.stdout.write("\ningest = detect + extract + segment + Qwen3 token count; extract = pdf.js text layer + line/paragraph assembly.\n");
  process.stdout.write("per-page texts (ours and pdftotext's) for files up to 50 pages: bench/out/pages/.\n");
  process.stdout.write("fidelity = 1 - D/(n+m) per page, D = insert/delete edit distance of whitespace-collapsed text vs pdftotext.\n");
}

await main();
