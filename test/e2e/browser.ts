// Shared end-to-end helpers: one headless Chromium with real WebGPU (SwiftShader on machines
// without a GPU) per test file, pages that fail the test on uncaught errors, and app URLs.
//
//   const browser = setupBrowser();                       // at the file's top level
//   test("...", async () => {
//     const { page } = await newPage(browser());
//     await page.goto(appUrl("#/models"));
//   });
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject, onTestFinished } from "vitest";
import "./provided";

/**
 * Flags for headless WebGPU. --enable-unsafe-webgpu exposes WebGPU on Linux, where Chromium still
 * gates it; --use-webgpu-adapter=swiftshader picks the CPU Vulkan driver Debian ships, so results
 * do not depend on the host's GPU. --enable-features=Vulkan is not needed (checked on Chromium 156).
 * The rest keep a test browser from phoning home or updating itself.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-unsafe-webgpu",
  "--use-webgpu-adapter=swiftshader",
  "--no-first-run",
  "--disable-quic",
] as const;

export interface FolioBrowser {
  /** A persistent context: IndexedDB, Cache Storage and OPFS survive reloads and new pages. */
  context: BrowserContext;
  /** The profile directory; pass it to launchBrowser again to reopen the same profile. */
  userDataDir: string;
  close(): Promise<void>;
}

export interface FolioPage {
  page: Page;
  /** Text of every console.error and failed resource load, in order. Read it; it does not fail tests. */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in the page; any of them fails the current test. */
  pageErrors: Error[];
}

export interface LaunchOptions {
  /** Reuse a profile (e.g. to test that data survives a browser restart); kept on close. */
  userDataDir?: string;
  extraArgs?: string[];
  /** No service worker registers (so page.route sees every request the app makes). */
  blockServiceWorkers?: boolean;
}

/** The URL of the served app; `path` is appended as is ("#/models", "/?x=1"). */
export function appUrl(path = ""): string {
  return `${inject("folioBaseUrl")}/${path.replace(/^\//, "")}`;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<FolioBrowser> {
  const ownsDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), "folio-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: inject("chromiumPath"),
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    viewport: { width: 1280, height: 900 },
    serviceWorkers: options.blockServiceWorkers ? "block" : "allow",
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close();
      if (ownsDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers beforeAll/afterAll that launch one browser for the whole file and close it after.
 * Returns a getter because the browser exists only once beforeAll has run.
 */
export function setupBrowser(options: LaunchOptions = {}): () => FolioBrowser {
  let browser: FolioBrowser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(options);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("setupBrowser(): the browser is not launched yet; call the getter inside a test.");
    return browser;
  };
}

/**
 * Opens a tab that records console errors and fails the current test on uncaught page errors.
 * Called outside a test (e.g. in beforeAll), check `pageErrors` yourself.
 */
export async function newPage(browser: FolioBrowser): Promise<FolioPage> {
  const page = await browser.context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: Error[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => pageErrors.push(error));
  try {
    onTestFinished(async () => {
      await page.close().catch(() => undefined);
      if (pageErrors.length > 0) {
        const list = pageErrors.map((e) => `  ${e.name}: ${e.message}`).join("\n");
        throw new Error(`Uncaught error(s) in the page:\n${list}`);
      }
    });
  } catch {
    // Not inside a test: the caller owns the page and its error list.
  }
  return { page, consoleErrors, pageErrors };
}

/** A path under test-results/e2e/ (git-ignored) for screenshots and traces; creates the folder. */
export function artifactPath(name: string): string {
  const dir = resolve("test-results", "e2e");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
