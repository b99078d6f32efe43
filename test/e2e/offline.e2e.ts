// User journey: open Folio once online, then use it with no network: the service worker has
// precached every built file, the app opens, says it is offline, moves between tabs and ingests
// documents (its workers and the tokenizer chunk come from the cache). Clicking through the tabs
// online sends nothing anywhere but the app's own origin.
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { appUrl, artifactPath, newPage, setupBrowser } from "./browser";
import { appOrigin, recordRequests, requestsOutside } from "./network-recorder";

const browser = setupBrowser();
const TABS = ["Library", "Ask", "Models", "Lab"] as const;
const DIST = resolve("dist");

/** Loads the app and waits until the service worker is active and controls the page. */
async function openControlledApp(page: Page, path = ""): Promise<void> {
  await page.goto(appUrl(path));
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // clientsClaim makes the first page controlled too; the reload proves a fresh load is.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated");
}

/** Opens the app online once (the service worker installs), starts recording, then reloads offline. */
async function openOffline() {
  const { context } = browser();
  const { page, consoleErrors } = await newPage(browser());
  await openControlledApp(page, "#/library");
  const record = recordRequests(context);
  await context.setOffline(true);
  await page.reload();
  return { context, page, consoleErrors, record };
}

/** Every file the build emitted, relative to dist/, except the service worker's own scripts. */
function builtFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return builtFiles(path);
    const file = relative(DIST, path).split("\\").join("/");
    return /^(sw\.js|workbox-[\w-]+\.js)$/.test(file) || file.endsWith(".map") ? [] : [file];
  });
}

/** Workbox's precache as [path, bytes] pairs, read from Cache Storage in the page. */
async function precachedFiles(page: Page): Promise<Map<string, number>> {
  const entries = await page.evaluate(async () => {
    const out: [string, number][] = [];
    for (const name of await caches.keys()) {
      if (!name.includes("precache")) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        out.push([new URL(request.url).pathname.slice(1), (await response?.arrayBuffer())?.byteLength ?? 0]);
      }
    }
    return out;
  });
  return new Map(entries);
}

async function samplePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 792]);
  page.drawText("Offline ledger: the northern mill received forty sacks of grain.", { x: 50, y: 700, size: 12, font });
  return Buffer.from(await pdf.save());
}

async function waitForIngested(page: Page, fileName: string): Promise<void> {
  const card = page.locator(`[data-testid=job-card][data-file-name="${fileName}"]`);
  await expect.poll(() => card.getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
  await page.locator(`[data-testid=document-row][data-name="${fileName}"]`).waitFor();
}

test("the service worker precaches every file the build emitted", async () => {
  const record = recordRequests(browser().context);
  const { page } = await newPage(browser());
  await openControlledApp(page);

  const precached = await precachedFiles(page);
  const expected = builtFiles();
  // The shell, every JS chunk (workers and the tokenizer chunk too), CSS, icons and the manifest.
  expect([...precached.keys()].sort()).toEqual(expected.sort());
  for (const kind of ["html", "js", "css", "svg", "png", "webmanifest"]) {
    expect(expected.some((file) => file.endsWith(`.${kind}`)), `a .${kind} file in dist/`).toBe(true);
  }
  for (const file of expected) expect(precached.get(file), file).toBe(statSync(join(DIST, file)).size);
  // The recorder hears the service worker's own fetches (the precache downloads).
  record.stop();
  expect(record.requests.some((r) => r.from === "service-worker" && r.url.endsWith("/index.html"))).toBe(true);
  // The manifest, icons and service worker make Folio installable as an app.
  const cdp = await browser().context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors).toEqual([]);
  const total = [...precached.values()].reduce((sum, bytes) => sum + bytes, 0);
  console.log(`[offline] precached ${precached.size} files, ${(total / 2 ** 20).toFixed(2)} MiB`);
});

test("clicking through the four tabs sends no request outside the app's origin", async () => {
  const context = browser().context;
  const record = recordRequests(context);
  const { page, consoleErrors } = await newPage(browser());
  await page.goto(appUrl());
  for (const label of TABS) {
    await page.getByRole("tab", { name: label }).click();
    await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe(label);
    if (label === "Models") await page.getByTestId("system-report").waitFor(); // the device was probed
  }
  await page.getByRole("tab", { name: "Library" }).click();
  await page.getByTestId("drop-zone").waitFor();
  record.stop();

  expect(record.requests.length).toBeGreaterThan(0);
  expect(requestsOutside(record.requests, appOrigin())).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("offline, the app opens from the cache, says so, and still ingests documents", async () => {
  const { context, page, consoleErrors, record } = await openOffline();
  try {
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    const banner = page.getByTestId("offline-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toContain("Offline:");
    expect(await banner.textContent()).toContain("downloading new models needs a connection");
    // The cached document keeps its COOP/COEP headers: wasm threads still work offline.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    for (const label of TABS) {
      await page.getByRole("tab", { name: label }).click();
      await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe(label);
    }
    await page.getByRole("tab", { name: "Library" }).click();
    await page.getByTestId("drop-zone").waitFor();

    // Text goes through the ingest worker (tokenizer chunk); the PDF through pdf.js's worker too.
    const text = "Offline notes.\n\nThe mill ledger was checked twice.\n\nNothing here needs a network.";
    await page.getByTestId("file-input").setInputFiles([
      { name: "offline-notes.txt", mimeType: "text/plain", buffer: Buffer.from(text) },
      { name: "offline-ledger.pdf", mimeType: "application/pdf", buffer: await samplePdf() },
    ]);
    await waitForIngested(page, "offline-notes.txt");
    await waitForIngested(page, "offline-ledger.pdf");
    await page.screenshot({ path: artifactPath("offline.png") });

    // Nothing reached for the network: every request was local and answered by the cache.
    expect(requestsOutside(record.requests, appOrigin())).toEqual([]);
  } finally {
    await context.setOffline(false);
  }

  await page.getByTestId("offline-banner").waitFor({ state: "detached" });
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);

  // The recorder hears requests made inside a dedicated worker too (here the ingest worker).
  const ingestWorker = page.workers().find((worker) => worker.url().includes("ingest.worker"));
  expect(ingestWorker, "the ingest worker is running").toBeDefined();
  expect(await ingestWorker?.evaluate(() => fetch("/favicon.svg?recorder-probe").then((r) => r.status))).toBe(200);
  record.stop();
  expect(record.requests.some((r) => r.url.endsWith("/favicon.svg?recorder-probe"))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test("offline, the shipped tiny model loads from the cache and answers in Ask", async () => {
  const { context, page, consoleErrors, record } = await openOffline();
  try {
    await page.getByTestId("offline-banner").waitFor();
    const notes = "Ferry notes.\n\nThe ferry sails at noon from the north pier.\n\nThe pass key is 30517. Keep it safe.\n\nThe cafe on the pier closes early on Sundays.";
    await page.getByTestId("file-input").setInputFiles([{ name: "offline-key.txt", mimeType: "text/plain", buffer: Buffer.from(notes) }]);
    await waitForIngested(page, "offline-key.txt");

    await page.getByRole("tab", { name: "Ask" }).click();
    await page.getByTestId("model-choice-tiny").click();
    await expect.poll(() => page.getByTestId("active-model-name").textContent().catch(() => null), { timeout: 60_000 }).toBe("passkey-tiny");
    await page.getByTestId("question-input").fill("What is the pass key?");
    await page.getByTestId("ask-submit").click();
    const turn = page.getByTestId("turn").last();
    await expect.poll(() => turn.getAttribute("data-status"), { timeout: 60_000 }).toMatch(/^(done|failed)$/);
    const failure = await turn.getByTestId("turn-error").textContent().catch(() => null);
    expect(failure, "the turn failed").toBeNull();
    expect(await turn.getAttribute("data-mode")).toBe("model");
    const answer = (await turn.getByTestId("answer").textContent()) ?? "";
    const evidence = await turn.getByTestId("evidence-text").allTextContents();
    process.stdout.write(`Offline tiny: evidence ${JSON.stringify(evidence)}; answer ${JSON.stringify(answer)}\n`);
    expect(answer).toContain("30517");
    await page.screenshot({ path: artifactPath("offline-tiny.png"), fullPage: true });
    // The checkpoint and its worker came from the cache: no request went anywhere.
    expect(requestsOutside(record.requests, appOrigin())).toEqual([]);
    expect(record.requests.some((r) => r.url.endsWith("passkey-tiny.folio-ckpt"))).toBe(true);
  } finally {
    await context.setOffline(false);
    record.stop();
  }
  expect(consoleErrors).toEqual([]);
});
