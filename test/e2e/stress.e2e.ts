// Stress: 50 documents at once, a 2,000-page PDF and a 100 MB text file. Prints main-thread long
// tasks (PerformanceObserver "longtask", with long animation frames naming the scripts in them) and
// JS heap (CDP Runtime.getHeapUsage) around each; asserts only results (all listed, page and
// character counts, the viewer reaching page 2,000), never times.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import type { CDPSession, Page } from "playwright-core";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { appUrl, artifactPath, newPage, setupBrowser } from "./browser";

const browser = setupBrowser();

function jobCard(page: Page, fileName: string) {
  return page.locator(`[data-testid=job-card][data-file-name="${fileName}"]`);
}

async function waitForStatus(page: Page, fileName: string, status: string, timeout: number): Promise<void> {
  await expect.poll(() => jobCard(page, fileName).getAttribute("data-status"), { timeout, interval: 250 }).toBe(status);
}

/** Installed before the app loads: collects every main-thread long task's duration. */
function observeLongTasks(): void {
  const target = window as unknown as { __longTasks: number[] };
  target.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) target.__longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
  // Long animation frames name the scripts that ran in them, which says where a long task came from.
  const frames = window as unknown as { __longFrames: string[] };
  frames.__longFrames = [];
  type Script = { sourceURL: string; sourceFunctionName: string; invoker: string; duration: number };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as { duration: number; scripts: Script[] }[]) {
      if (entry.duration < 150) continue;
      const scripts = entry.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName}@${s.sourceURL.split("/").pop()} ${s.duration.toFixed(0)} ms`);
      frames.__longFrames.push(`${entry.duration.toFixed(0)} ms: ${scripts.join(" | ") || "(no script)"}`);
    }
  }).observe({ type: "long-animation-frame", buffered: true });
}

interface LongTasks {
  count: number;
  worst: number;
  total: number;
  /** Animation frames over 150 ms with the scripts that ran in them ("(no script)" when none did). */
  frames: string[];
}

async function takeLongTasks(page: Page): Promise<LongTasks> {
  const { tasks, frames } = await page.evaluate(() => {
    const target = window as unknown as { __longTasks: number[]; __longFrames: string[] };
    return { tasks: target.__longTasks.splice(0), frames: target.__longFrames.splice(0) };
  });
  return { count: tasks.length, worst: Math.max(0, ...tasks), total: tasks.reduce((sum, ms) => sum + ms, 0), frames };
}

async function heapMb(cdp: CDPSession): Promise<string> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize, totalSize } = await cdp.send("Runtime.getHeapUsage");
  return `${(usedSize / 1e6).toFixed(1)} MB used of ${(totalSize / 1e6).toFixed(1)} MB`;
}

function report(label: string, tasks: LongTasks, before: string, after: string): void {
  process.stdout.write(
    `stress ${label}: main-thread long tasks ${tasks.count}, worst ${tasks.worst.toFixed(0)} ms, total ${tasks.total.toFixed(0)} ms; ` +
      `JS heap before ${before}, after ${after}\n`,
  );
  for (const frame of tasks.frames) process.stdout.write(`  long frame ${frame}\n`);
}

async function openApp(): Promise<{ page: Page; cdp: CDPSession }> {
  const { page } = await newPage(browser());
  await page.addInitScript(observeLongTasks);
  await page.goto(appUrl("#/library"));
  const cdp = await browser().context.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await page.getByTestId("documents-empty").or(page.getByTestId("document-row").first()).waitFor({ timeout: 30_000 });
  return { page, cdp };
}

function smallFiles(count: number): { name: string; mimeType: string; buffer: Buffer }[] {
  return Array.from({ length: count }, (_, i) => {
    const body = Array.from({ length: 5 + (i % 7) }, (_, p) => `Document ${i} paragraph ${p}: the ferry left at ${p} o'clock with ${i} passengers.`);
    if (i % 3 === 0) return { name: `bulk-${i}.txt`, mimeType: "text/plain", buffer: Buffer.from(body.join("\n\n")) };
    if (i % 3 === 1) return { name: `bulk-${i}.md`, mimeType: "text/markdown", buffer: Buffer.from(`# Bulk ${i}\n\n${body.join("\n\n")}`) };
    return { name: `bulk-${i}.html`, mimeType: "text/html", buffer: Buffer.from(`<h1>Bulk ${i}</h1>${body.map((p) => `<p>${p}</p>`).join("")}`) };
  });
}

async function generatePdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= pages; number++) {
    const page = pdf.addPage([612, 792]);
    for (let line = 0; line < 12; line++) page.drawText(`Page ${number}, line ${line + 1}: a ledger of grain for the mill.`, { x: 50, y: 740 - line * 30, size: 11, font });
  }
  return Buffer.from(await pdf.save());
}

test("50 documents dropped at once are all listed", async () => {
  const { page, cdp } = await openApp();
  const before = await heapMb(cdp);
  await takeLongTasks(page);
  const files = smallFiles(50);
  await page.getByTestId("file-input").setInputFiles(files);
  await expect.poll(() => page.locator('[data-testid=job-card][data-status="done"]').count(), { timeout: 120_000, interval: 250 }).toBe(50);
  await expect.poll(() => page.getByTestId("document-row").count()).toBe(50);
  const names = await page.getByTestId("document-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-name")));
  expect(new Set(names)).toEqual(new Set(files.map((file) => file.name)));
  report("50 documents", await takeLongTasks(page), before, await heapMb(cdp));
  await page.getByTestId("remove-all").click();
  await page.getByTestId("remove-all-confirm").click();
  await expect.poll(() => page.getByTestId("document-row").count()).toBe(0);
}, 180_000);

test("a 2,000-page PDF is ingested page by page and the viewer jumps to its last page", async () => {
  const pdf = await generatePdf(2000);
  const { page, cdp } = await openApp();
  const before = await heapMb(cdp);
  await takeLongTasks(page);
  await page.getByTestId("file-input").setInputFiles({ name: "pages-2000.pdf", mimeType: "application/pdf", buffer: pdf });
  // The browser's own hand-over of the picked file (no script runs in it) is reported apart.
  await page.waitForTimeout(300);
  report("2,000-page PDF file hand-over", await takeLongTasks(page), before, await heapMb(cdp));
  const started = Date.now();
  await waitForStatus(page, "pages-2000.pdf", "done", 280_000);
  process.stdout.write(`stress 2,000-page PDF: ingested in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const row = page.locator('[data-testid=document-row][data-name="pages-2000.pdf"]');
  expect(await row.textContent()).toMatch(/2,000 pages/);
  report(`2,000-page PDF (${(pdf.length / 1e6).toFixed(1)} MB) ingest`, await takeLongTasks(page), before, await heapMb(cdp));

  await row.getByTestId("document-open").click();
  const pageField = page.getByTestId("viewer-page");
  await pageField.waitFor({ timeout: 60_000 });
  expect(await pageField.getAttribute("max")).toBe("2000");
  await pageField.fill("2000");
  await pageField.press("Enter");
  await expect.poll(() => page.getByTestId("viewer-scroll").textContent(), { timeout: 30_000 }).toContain("Page 2000, line 1:");
  report("2,000-page PDF open + jump", await takeLongTasks(page), before, await heapMb(cdp));
  await page.screenshot({ path: artifactPath("stress-pdf-last-page.png") });
}, 400_000);

test("a 100 MB text file is ingested with every character, or refused by name", async () => {
  const paragraph = "The harbour master writes the tide, the wind and the name of every ship that passes the light.";
  const count = Math.ceil(100_000_000 / (paragraph.length + 2));
  const text = Array.from({ length: count }, (_, i) => `${i} ${paragraph}`).join("\n\n");
  const dir = mkdtempSync(join(tmpdir(), "folio-stress-"));
  const path = join(dir, "huge-100mb.txt");
  writeFileSync(path, text);
  try {
    const { page, cdp } = await openApp();
    const before = await heapMb(cdp);
    await takeLongTasks(page);
    await page.getByTestId("file-input").setInputFiles(path);
    await expect.poll(() => jobCard(page, "huge-100mb.txt").getAttribute("data-status"), { timeout: 280_000, interval: 500 }).toMatch(/^(done|error)$/);
    const status = await jobCard(page, "huge-100mb.txt").getAttribute("data-status");
    if (status === "error") {
      const name = await jobCard(page, "huge-100mb.txt").getByTestId("job-error").getAttribute("data-error-name");
      process.stdout.write(`stress 100 MB text: refused with ${name}\n`);
      expect(name).toBe(text.length > 256 * 1024 * 1024 ? "FileTooLargeError" : "StorageQuotaError");
    } else {
      // Paragraph separators are kept, so the stored text is exactly the file's text.
      const characters = await page.locator('[data-testid=document-row][data-name="huge-100mb.txt"] td.num').first().textContent();
      expect(Number(characters?.replace(/\D/g, ""))).toBe(text.length);
    }
    report(`100 MB text (${(text.length / 1e6).toFixed(1)} M characters)`, await takeLongTasks(page), before, await heapMb(cdp));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 400_000);
