// User journey: add several documents at once (good, damaged, encrypted, empty, unsupported),
// see the right cards and named errors, open the encrypted one with its password, reload and find
// the library intact, open a document with a highlighted range, and remove documents.
import { resolve } from "node:path";
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { appUrl, artifactPath, newPage, setupBrowser } from "./browser";
import { dropFiles } from "./drop";

const browser = setupBrowser();
const SHARED_PDFS = resolve("..", "shared", "data", "pdfs");
const FIXTURES = resolve("test", "fixtures");

function jobCard(page: Page, fileName: string) {
  return page.locator(`[data-testid=job-card][data-file-name="${fileName}"]`);
}

async function waitForStatus(page: Page, fileName: string, status: string): Promise<void> {
  await expect.poll(() => jobCard(page, fileName).getAttribute("data-status"), { timeout: 60_000 }).toBe(status);
}

/** A PDF of `pages` pages of prose, each page numbered in its text. */
async function generatePdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (let number = 1; number <= pages; number++) {
    const page = pdf.addPage([612, 792]);
    for (let line = 0; line < 30; line++) {
      const text = `Page ${number}, line ${line + 1}: the ledger records a shipment of grain to the northern mill.`;
      page.drawText(text, { x: 50, y: 740 - line * 22, size: 11, font });
    }
  }
  return Buffer.from(await pdf.save());
}

async function errorName(page: Page, fileName: string): Promise<string | null> {
  return jobCard(page, fileName).getByTestId("job-error").getAttribute("data-error-name");
}

test("a mixed drop lands the good files, names each failure, and survives a reload", async () => {
  const { page } = await newPage(browser());
  await page.goto(appUrl("#/library"));

  await page.getByTestId("file-input").setInputFiles([
    resolve(SHARED_PDFS, "tracemonkey.pdf"),
    resolve(SHARED_PDFS, "poppler-937-0-fuzzed.pdf"),
    resolve(SHARED_PDFS, "bug1020226.pdf"),
    resolve(SHARED_PDFS, "empty.pdf"),
    resolve(FIXTURES, "encrypted.pdf"),
    resolve(FIXTURES, "empty.txt"),
    resolve(FIXTURES, "image.png"),
    resolve(FIXTURES, "sample.docx"),
  ]);

  await waitForStatus(page, "tracemonkey.pdf", "done");
  await waitForStatus(page, "sample.docx", "done");
  await waitForStatus(page, "encrypted.pdf", "needs-password");
  expect(await errorName(page, "encrypted.pdf")).toBe("PasswordRequiredError");
  for (const damaged of ["poppler-937-0-fuzzed.pdf", "bug1020226.pdf"]) {
    await waitForStatus(page, damaged, "error");
    expect(await errorName(page, damaged)).toBe("DamagedFileError");
  }
  await waitForStatus(page, "empty.pdf", "error");
  expect(await errorName(page, "empty.pdf")).toBe("NoTextFoundError");
  await waitForStatus(page, "empty.txt", "error");
  expect(await errorName(page, "empty.txt")).toBe("EmptyFileError");
  await waitForStatus(page, "image.png", "error");
  expect(await errorName(page, "image.png")).toBe("UnsupportedTypeError");

  // A wrong password says so and lets the user try again; the right one opens the file.
  const encrypted = jobCard(page, "encrypted.pdf");
  await encrypted.getByTestId("job-password").fill("not-the-password");
  await encrypted.getByTestId("job-password-submit").click();
  await expect.poll(() => errorName(page, "encrypted.pdf"), { timeout: 30_000 }).toBe("WrongPasswordError");
  await encrypted.getByTestId("job-password").fill("folio-secret");
  await encrypted.getByTestId("job-password-submit").click();
  await waitForStatus(page, "encrypted.pdf", "done");

  // Drag and drop works as well as the picker.
  await dropFiles(page, [
    { name: "notes.md", type: "text/markdown", text: "# Field notes\n\nThe heron nests by the old mill.\n\n## Later\n\nIt left in March." },
    { name: "plain.txt", type: "text/plain", text: "A plain paragraph.\n\nAnother one, with two sentences. Here is the second." },
  ]);
  await waitForStatus(page, "notes.md", "done");
  await waitForStatus(page, "plain.txt", "done");

  const names = async () => (await page.getByTestId("document-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-name")))).sort();
  const expected = ["encrypted.pdf", "notes.md", "plain.txt", "sample.docx", "tracemonkey.pdf"];
  await expect.poll(names).toEqual(expected);
  await page.screenshot({ path: artifactPath("library-mixed-drop.png"), fullPage: true });

  // The library outlives a reload; failed files left nothing behind.
  await page.reload();
  await expect.poll(names, { timeout: 30_000 }).toEqual(expected);
  const tracemonkeyRow = page.locator('[data-testid=document-row][data-name="tracemonkey.pdf"]');
  expect(await tracemonkeyRow.textContent()).toMatch(/14 pages/);
});

test("a document opens in the viewer with a highlighted range, and can be removed", async () => {
  const { page } = await newPage(browser());
  await page.goto(appUrl("#/library"));
  const row = page.locator('[data-testid=document-row][data-name="tracemonkey.pdf"]');
  await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
  const docId = await row.getAttribute("data-doc-id");

  // Find a known sentence's character range through the app's own storage, then deep-link to it.
  const phrase = "Trace-based Just-in-Time Type Specialization";
  const start = await page.evaluate(
    async ({ id, needle }) => {
      const open = indexedDB.open("folio");
      const db = await new Promise<IDBDatabase>((done, fail) => {
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      const request = db.transaction("contents").objectStore("contents").get(id as string);
      const content = await new Promise<{ text: string }>((done) => {
        request.onsuccess = () => done(request.result as { text: string });
      });
      db.close();
      return content.text.indexOf(needle);
    },
    { id: docId, needle: phrase },
  );
  expect(start).toBeGreaterThanOrEqual(0);
  await page.goto(appUrl(`#/library/doc/${docId}?highlight=${start}-${start + phrase.length}`));
  const mark = page.getByTestId("highlight").first();
  await mark.waitFor({ timeout: 30_000 });
  expect(await mark.textContent()).toBe(phrase);
  expect(await mark.isVisible()).toBe(true);
  await page.screenshot({ path: artifactPath("viewer-highlight.png") });

  // Jump to the last page by its number; the virtualised list renders it.
  const pageField = page.getByTestId("viewer-page");
  expect(await pageField.getAttribute("max")).toBe("14");
  await pageField.fill("14");
  await pageField.press("Enter");
  await expect.poll(() => page.getByTestId("document-viewer").textContent()).toMatch(/Page 14/);
  await expect.poll(() => pageField.inputValue()).toBe("14");

  // Remove one document, then all.
  await page.goto(appUrl("#/library"));
  await page.locator('[data-testid=document-row][data-name="plain.txt"]').getByTestId("document-remove").click();
  await expect.poll(() => page.locator('[data-testid=document-row][data-name="plain.txt"]').count()).toBe(0);
  await page.getByTestId("remove-all").click();
  await page.getByTestId("remove-all-confirm").click();
  await expect.poll(() => page.getByTestId("document-row").count()).toBe(0);
  await page.reload();
  await page.getByTestId("documents-empty").waitFor({ timeout: 30_000 });
});

test("a 300-page PDF shows per-page progress while the page stays responsive", async () => {
  const { page } = await newPage(browser());
  await page.goto(appUrl("#/library"));
  const pdf = await generatePdf(300);

  // Record main-thread long tasks while ingestion runs, to print the worst one.
  await page.evaluate(() => {
    const target = window as unknown as { folioLongTasks: number[] };
    target.folioLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) target.folioLongTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  await page.getByTestId("file-input").setInputFiles({ name: "pages-300.pdf", mimeType: "application/pdf", buffer: pdf });

  // Progress labels name the page; collect the ones seen until the job finishes.
  const seen = new Set<string>();
  const card = jobCard(page, "pages-300.pdf");
  for (let i = 0; i < 600; i++) {
    const status = await card.getAttribute("data-status");
    const stage = await card.getByTestId("job-stage").textContent();
    if (stage) seen.add(stage);
    if (status === "done" || status === "error") break;
    await page.waitForTimeout(100);
  }
  expect(await card.getAttribute("data-status")).toBe("done");
  const pageLabels = [...seen].filter((label) => /page \d+ of 300/i.test(label));
  expect(pageLabels.length).toBeGreaterThan(1);

  const longTasks = await page.evaluate(() => (window as unknown as { folioLongTasks: number[] }).folioLongTasks);
  const worst = Math.max(0, ...longTasks);
  process.stdout.write(`300-page PDF: ${pageLabels.length} progress labels seen; main-thread long tasks: ${longTasks.length}, worst ${worst.toFixed(0)} ms\n`);
  const row = page.locator('[data-testid=document-row][data-name="pages-300.pdf"]');
  expect(await row.textContent()).toMatch(/300 pages/);
});
