// User journey: a new version of Folio is deployed while a tab is open. The tab offers it in a
// toast and does not reload by itself; "Reload" switches to the new version. Served from a copy of
// dist/ so the test can publish a "new version" without touching the shared build.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { preview, type PreviewServer } from "vite";
import { artifactPath, newPage, setupBrowser } from "./browser";

const browser = setupBrowser();
let server: PreviewServer | undefined;
let outDir = "";
let baseUrl = "";

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "folio-update-"));
  cpSync(resolve("dist"), outDir, { recursive: true });
  server = await preview({
    root: resolve("."),
    configFile: resolve("vite.config.ts"),
    logLevel: "warn",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === "string") throw new Error("vite preview did not report a TCP port");
  baseUrl = `http://127.0.0.1:${address.port}/`;
});

afterAll(async () => {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/**
 * Publishes a "new version": index.html's revision in the precache manifest changes, so sw.js
 * differs byte for byte and the browser installs it. Same length, so cached file sizes stay right.
 */
function publishNewVersion(): void {
  const path = join(outDir, "sw.js");
  const source = readFileSync(path, "utf8");
  const match = /url:"index\.html",revision:"([0-9a-f])/.exec(source);
  if (!match?.[1]) throw new Error("sw.js has no revision for index.html; did the Workbox output change?");
  const flipped = match[1] === "0" ? "1" : "0";
  writeFileSync(path, source.replace(match[0], match[0].slice(0, -1) + flipped));
}

test("a new version is offered in a toast, never applied by itself, and Reload applies it", async () => {
  const { page, consoleErrors } = await newPage(browser());
  await page.goto(baseUrl);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(await page.getByTestId("update-prompt").count()).toBe(0);

  publishNewVersion();
  // A marker that a reload would wipe.
  await page.evaluate(async () => {
    document.body.dataset.oldVersion = "still here";
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  const prompt = page.getByTestId("update-prompt");
  await prompt.waitFor({ timeout: 30_000 });
  expect(await prompt.textContent()).toContain("A new version of Folio is ready");
  expect(await prompt.getAttribute("data-busy")).toBe("false");
  // The new worker waits: nothing reloads on its own.
  await page.waitForTimeout(1_000);
  expect(await page.evaluate(() => document.body.dataset.oldVersion)).toBe("still here");
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

  await page.screenshot({ path: artifactPath("update-prompt.png") });

  await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "Reload" }).click()]);
  expect(await page.evaluate(() => document.body.dataset.oldVersion)).toBeUndefined();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
  expect(await page.getByTestId("update-prompt").count()).toBe(0);
  expect(consoleErrors).toEqual([]);
});
