// Storage faults: a full quota (simulated through the DevTools protocol) fails one file with
// StorageQuotaError and leaves the stored documents intact; a reload in the middle of ingesting
// leaves no half documents; a database written in the v1 shape is upgraded with its data kept.
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { appUrl, launchBrowser, newPage, setupBrowser } from "./browser";
import { appOrigin } from "./network-recorder";

const browser = setupBrowser();

function jobCard(page: Page, fileName: string) {
  return page.locator(`[data-testid=job-card][data-file-name="${fileName}"]`);
}

async function waitForStatus(page: Page, fileName: string, status: string, timeout = 60_000): Promise<void> {
  await expect.poll(() => jobCard(page, fileName).getAttribute("data-status"), { timeout }).toBe(status);
}

async function listedNames(page: Page): Promise<string[]> {
  return (await page.getByTestId("document-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-name") ?? ""))).sort();
}

interface StoredLibrary {
  /** Keys of the `documents` (meta) and `contents` stores, sorted. */
  metaIds: string[];
  contentIds: string[];
  /** Document name -> its stored text. */
  texts: Record<string, string>;
}

/** Reads both stores straight from IndexedDB in the page, as the app stored them. */
async function readStoredLibrary(page: Page): Promise<StoredLibrary> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open("folio");
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((done, fail) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => done(request.result as T[]);
        request.onerror = () => fail(request.error);
      });
    const metas = await all<{ id: string; name: string }>("documents");
    const contents = await all<{ id: string; text: string }>("contents");
    db.close();
    const nameOf = new Map(metas.map((meta) => [meta.id, meta.name]));
    return {
      metaIds: metas.map((meta) => meta.id).sort(),
      contentIds: contents.map((content) => content.id).sort(),
      texts: Object.fromEntries(contents.map((content) => [nameOf.get(content.id) ?? `orphan:${content.id}`, content.text])),
    };
  });
}

/** Opens a listed document in the viewer and returns the text the viewer shows. */
async function viewerText(page: Page, name: string): Promise<string> {
  await page.goto(appUrl("#/library"));
  const row = page.locator(`[data-testid=document-row][data-name="${name}"]`);
  await row.waitFor({ timeout: 30_000 });
  await row.getByTestId("document-open").click();
  const scroll = page.getByTestId("viewer-scroll");
  await scroll.waitFor({ timeout: 30_000 });
  return (await scroll.textContent()) ?? "";
}

function prose(paragraphs: number, label: string): string {
  return Array.from({ length: paragraphs }, (_, i) => `${label} paragraph ${i + 1}: the keeper logs the tide, the wind and every ship that passes the light.`).join("\n\n");
}

/**
 * About `bytes` of text that does not compress: Chromium compresses IndexedDB values, so repeated
 * prose would fit in far less room than its length and never reach the quota.
 */
function incompressibleText(bytes: number, seed = 1): string {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state;
  };
  const words: string[] = [];
  for (let length = 0; length < bytes; length += 9) words.push(next().toString(36).padStart(7, "a").slice(0, 8));
  const paragraphs: string[] = [];
  for (let i = 0; i < words.length; i += 60) paragraphs.push(`${words.slice(i, i + 60).join(" ")}.`);
  return paragraphs.join("\n\n");
}

async function generatePdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= pages; number++) {
    const page = pdf.addPage([612, 792]);
    for (let line = 0; line < 20; line++) page.drawText(`Page ${number}, line ${line + 1}: grain for the northern mill.`, { x: 50, y: 740 - line * 24, size: 11, font });
  }
  return Buffer.from(await pdf.save());
}

test("a full quota fails the new file with StorageQuotaError and leaves stored documents intact", async () => {
  const { page } = await newPage(browser());
  await page.goto(appUrl("#/library"));
  await page.getByTestId("file-input").setInputFiles([
    { name: "kept-notes.md", mimeType: "text/markdown", buffer: Buffer.from(`# Kept notes\n\n${prose(20, "Notes")}`) },
    { name: "kept-log.txt", mimeType: "text/plain", buffer: Buffer.from(prose(30, "Log")) },
  ]);
  await waitForStatus(page, "kept-notes.md", "done");
  await waitForStatus(page, "kept-log.txt", "done");
  const before = await readStoredLibrary(page);
  const namesBefore = await listedNames(page);
  expect(namesBefore).toEqual(["kept-log.txt", "kept-notes.md"]);

  // Leave 256 KiB of room, then add a 3 MB document that does not compress.
  const cdp = await browser().context.newCDPSession(page);
  // The service worker precaches the app into the same quota; wait until usage settles.
  const usageNow = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  let usage = -1;
  for (let settled = 0; settled < 3; ) {
    await page.waitForTimeout(500);
    const now = await usageNow();
    settled = now === usage ? settled + 1 : 0;
    usage = now;
  }
  // Chromium's IndexedDB keeps the free space it computed while the origin's database stays open,
  // so leave the origin long enough for it to close (a grace period of about 2 s) first.
  await page.goto("about:blank");
  await page.waitForTimeout(4_000);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: appOrigin(), quotaSize: usage + 256 * 1024 });
  await page.goto(appUrl("#/library"));
  await expect.poll(() => listedNames(page), { timeout: 30_000 }).toEqual(namesBefore);
  const big = incompressibleText(3_000_000);
  await page.getByTestId("file-input").setInputFiles({ name: "too-big.txt", mimeType: "text/plain", buffer: Buffer.from(big) });
  await waitForStatus(page, "too-big.txt", "error");
  const error = jobCard(page, "too-big.txt").getByTestId("job-error");
  expect(await error.getAttribute("data-error-name")).toBe("StorageQuotaError");
  const message = (await error.textContent()) ?? "";
  expect(message).toMatch(/storage for Folio is full/);
  expect(message).toMatch(/Nothing already stored was changed/);
  expect(message).toMatch(/Remove documents you no longer need/);

  // Same list, same stores, no orphan half of the failed document; the kept ones open unchanged.
  expect(await listedNames(page)).toEqual(namesBefore);
  expect(await readStoredLibrary(page)).toEqual(before);
  for (const name of namesBefore) {
    const shown = await viewerText(page, name);
    // The viewer is virtualised: the opening paragraphs are the ones on screen.
    for (const paragraph of (before.texts[name] ?? "").split("\n\n").slice(0, 3)) expect(shown).toContain(paragraph);
  }
  await page.goto(appUrl("#/library"));
  await page.reload();
  await expect.poll(() => listedNames(page), { timeout: 30_000 }).toEqual(namesBefore);
  expect(await readStoredLibrary(page)).toEqual(before);

  // With room again, the same file goes in.
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: appOrigin() });
  await page.getByTestId("file-input").setInputFiles({ name: "too-big.txt", mimeType: "text/plain", buffer: Buffer.from(big) });
  await waitForStatus(page, "too-big.txt", "done");
  const after = await readStoredLibrary(page);
  expect(after.metaIds).toEqual(after.contentIds);
  expect(after.texts["too-big.txt"]?.length).toBeGreaterThan(2_000_000);
  await cdp.detach();
});

test("a reload in the middle of ingesting leaves only complete documents", async () => {
  const { page } = await newPage(browser());
  await page.goto(appUrl("#/library"));
  await expect.poll(() => listedNames(page), { timeout: 30_000 }).toContain("too-big.txt");
  const pdf = await generatePdf(600);

  // 1. Reload while the PDF's pages are being read.
  await page.getByTestId("file-input").setInputFiles({ name: "interrupted.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect.poll(async () => (await jobCard(page, "interrupted.pdf").getByTestId("job-stage").textContent()) ?? "", { timeout: 60_000, interval: 50 }).toMatch(/Reading page \d+ of 600/);
  await page.reload();
  await expect.poll(() => listedNames(page), { timeout: 30_000 }).toContain("kept-notes.md");
  let stored = await readStoredLibrary(page);
  expect(stored.metaIds).toEqual(stored.contentIds);
  expect(Object.keys(stored.texts)).not.toContain("interrupted.pdf");
  expect(await listedNames(page)).toEqual(Object.keys(stored.texts).sort());

  // 2. Reload at the latest moment seen: while a large document is being saved, if the poll
  // catches it, else as soon as it is done. Either way storage holds all of it or none of it.
  const large = prose(120_000, "Large");
  await page.getByTestId("file-input").setInputFiles({ name: "interrupted.txt", mimeType: "text/plain", buffer: Buffer.from(large) });
  let seen = "";
  for (let i = 0; i < 3_000 && seen !== "saving" && seen !== "done" && seen !== "error"; i++) {
    seen = (await jobCard(page, "interrupted.txt").getAttribute("data-status")) ?? "";
    if (seen !== "saving" && seen !== "done") await page.waitForTimeout(20);
  }
  await page.reload();
  process.stdout.write(`storage-faults: reloaded a ${(large.length / 1e6).toFixed(1)} MB text document while its job was "${seen}"\n`);
  await expect.poll(() => listedNames(page), { timeout: 30_000 }).toContain("kept-notes.md");
  stored = await readStoredLibrary(page);
  expect(stored.metaIds).toEqual(stored.contentIds);
  expect(await listedNames(page)).toEqual(Object.keys(stored.texts).sort());
  const savedText = stored.texts["interrupted.txt"];
  if (savedText !== undefined) expect(savedText.length).toBe(large.length);
  // The app still works after the interruption: the same PDF goes in whole.
  await page.getByTestId("file-input").setInputFiles({ name: "interrupted.pdf", mimeType: "application/pdf", buffer: pdf });
  await waitForStatus(page, "interrupted.pdf", "done", 150_000);
  stored = await readStoredLibrary(page);
  expect(stored.metaIds).toEqual(stored.contentIds);
  expect(stored.texts["interrupted.pdf"]).toContain("Page 600, line 20");
});

/**
 * The v1 schema exactly as shipped (migrations.ts, version 1), and records in the v1 shape,
 * written as literals so that this test keeps meaning "v1 data survives" when v2+ changes them.
 */
async function seedVersion1(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open("folio", 1);
      open.onupgradeneeded = () => {
        const documents = open.result.createObjectStore("documents", { keyPath: "id" });
        documents.createIndex("addedAt", "addedAt");
        open.result.createObjectStore("contents", { keyPath: "id" });
      };
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const text = "Old Harbour\n\nThe v1 harbour log survived the upgrade. Ships still come in at dawn.";
    const tx = db.transaction(["documents", "contents"], "readwrite");
    tx.objectStore("documents").put({
      id: "v1-doc",
      name: "v1-log.md",
      format: "markdown",
      bytes: 96,
      addedAt: Date.UTC(2024, 0, 1),
      stats: { pages: 0, sections: 1, characters: text.length, paragraphs: 2, sentences: 3, tokens: 20 },
    });
    tx.objectStore("contents").put({
      id: "v1-doc",
      text,
      sections: [
        {
          kind: "section",
          number: 1,
          title: "Old Harbour",
          level: 1,
          start: 0,
          end: text.length,
          paragraphs: [
            { start: 0, end: 11, sentences: [{ start: 0, end: 11 }] },
            { start: 13, end: text.length, sentences: [{ start: 13, end: 58 }, { start: 59, end: text.length }] },
          ],
        },
      ],
    });
    await new Promise<void>((done, fail) => {
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  });
}

test("a database in the v1 shape is upgraded on load, and its document is listed and opens", async () => {
  // A fresh profile, so the app has never opened its database here.
  const fresh = await launchBrowser();
  try {
    const { page } = await newPage(fresh);
    // A static file of the app's origin: the origin's IndexedDB without running the app.
    await page.goto(appUrl("manifest.webmanifest"));
    await seedVersion1(page);
    await page.goto(appUrl("#/library"));
    await expect.poll(() => listedNames(page), { timeout: 30_000 }).toEqual(["v1-log.md"]);
    const shown = await viewerText(page, "v1-log.md");
    expect(shown).toContain("The v1 harbour log survived the upgrade.");
    const version = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const open = indexedDB.open("folio");
          open.onsuccess = () => {
            done(open.result.version);
            open.result.close();
          };
        }),
    );
    expect(version).toBeGreaterThanOrEqual(1);
    const stored = await readStoredLibrary(page);
    expect(stored.metaIds).toEqual(["v1-doc"]);
    expect(stored.contentIds).toEqual(["v1-doc"]);
  } finally {
    await fresh.close();
  }
});
