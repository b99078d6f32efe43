// Hostile documents: HTML, Markdown and text full of script payloads (script tags, event handlers,
// javascript: and data: links, SVG, iframe srcdoc, meta refresh, CSS expressions), and a file whose
// name is itself markup, are added and opened in the viewer. Nothing may execute, open a dialog,
// navigate, create a frame or reach another origin; the viewer shows the text as text.
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { CANARY, HOSTILE_DOCUMENTS } from "../fuzz/hostile-payloads";
import { appUrl, artifactPath, newPage, setupBrowser } from "./browser";
import { appOrigin, recordRequests, requestsOutside } from "./network-recorder";

const browser = setupBrowser();

/** A file name that is markup: lists, cards and the viewer title must show it as text. */
const HOSTILE_NAME = `"><img src=x onerror="window.${CANARY}=1">.md`;
const HOSTILE_NAME_TEXT = "# Named badly\n\nThe name of this file is markup; its content is harmless.";

interface Tripwires {
  canary: unknown;
  dialogs: string[];
  violations: string[];
}

/** Runs before any page script: a canary to set, dialogs and CSP violations to count. */
function installTripwires(canary: string): void {
  const target = window as unknown as Record<string, unknown> & { __folioTrips: { dialogs: string[]; violations: string[] } };
  target.__folioTrips = { dialogs: [], violations: [] };
  for (const name of ["alert", "confirm", "prompt", "print"] as const) {
    const original = window[name] as (...args: unknown[]) => unknown;
    (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      target.__folioTrips.dialogs.push(`${name}(${args.map(String).join(", ")})`);
      return original.apply(window, args);
    };
  }
  document.addEventListener("securitypolicyviolation", (event) => {
    target.__folioTrips.violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
  });
  Object.defineProperty(window, canary, { configurable: true, writable: true, value: undefined });
}

async function readTripwires(page: Page): Promise<Tripwires> {
  return page.evaluate((canary) => {
    const target = window as unknown as Record<string, unknown> & { __folioTrips: { dialogs: string[]; violations: string[] } };
    return { canary: target[canary], dialogs: target.__folioTrips.dialogs, violations: target.__folioTrips.violations };
  }, CANARY);
}

function jobCard(page: Page, fileName: string) {
  return page.locator(`[data-testid=job-card][data-file-name="${fileName.replace(/["\\]/g, "\\$&")}"]`);
}

function documentRow(page: Page, fileName: string) {
  return page.locator(`[data-testid=document-row][data-name="${fileName.replace(/["\\]/g, "\\$&")}"]`);
}

/** Elements that would mean markup from a document was rendered rather than shown as text. */
const ACTIVE_ELEMENTS = "script, iframe, frame, object, embed, svg, math, img, style, link, meta, base, form, a[href^='javascript'], [onerror], [onload]";

test("hostile documents are added and read as text, and nothing in them runs", async () => {
  const record = recordRequests(browser().context);
  const { page } = await newPage(browser());
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(installTripwires, CANARY);
  await page.goto(appUrl("#/library"));
  const origin = appOrigin();

  const files = [
    ...HOSTILE_DOCUMENTS.map((doc) => ({ name: doc.name, mimeType: doc.type, buffer: Buffer.from(doc.text) })),
    { name: HOSTILE_NAME, mimeType: "text/markdown", buffer: Buffer.from(HOSTILE_NAME_TEXT) },
  ];
  await page.getByTestId("file-input").setInputFiles(files);
  for (const file of files) {
    await expect.poll(() => jobCard(page, file.name).getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
  }
  // The markup-named file is listed under its literal name.
  expect(await documentRow(page, HOSTILE_NAME).locator("th").textContent()).toBe(HOSTILE_NAME);

  const toOpen = [...HOSTILE_DOCUMENTS, { name: HOSTILE_NAME, visible: ["The name of this file is markup; its content is harmless."] }];
  const ids = new Map<string, string | null>();
  for (const doc of toOpen) ids.set(doc.name, await documentRow(page, doc.name).getAttribute("data-doc-id"));
  for (const doc of toOpen) {
    const id = ids.get(doc.name);
    await page.goto(appUrl(`#/library/doc/${id}`));
    const viewer = page.getByTestId("document-viewer");
    await viewer.waitFor({ timeout: 30_000 });
    expect(await page.locator("#viewer-title").textContent()).toBe(doc.name);
    const scroll = page.getByTestId("viewer-scroll");
    const text = (await scroll.textContent()) ?? "";
    for (const sentence of doc.visible) expect(text).toContain(sentence);
    expect(await scroll.locator(ACTIVE_ELEMENTS).count()).toBe(0);
    // Give any payload that slipped through a moment to fire (image error, meta refresh, onload).
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: artifactPath("hostile-viewer.png") });

  // A document id that is markup, straight from a crafted link, is only ever text.
  await page.goto(appUrl(`#/library/doc/${encodeURIComponent(`<img src=x onerror="window.${CANARY}=1">`)}`));
  await expect.poll(() => page.getByTestId("viewer-error").getAttribute("data-error-name"), { timeout: 30_000 }).toBe("DocumentNotFoundError");

  await page.waitForTimeout(500);
  const trips = await readTripwires(page);
  expect(trips.canary).toBeUndefined();
  expect(trips.dialogs).toEqual([]);
  expect(dialogs).toEqual([]);
  // Nothing was even attempted: a blocked attempt would show as a CSP violation.
  expect(trips.violations).toEqual([]);
  expect(new URL(page.url()).origin).toBe(origin);
  expect(page.frames()).toHaveLength(1);
  record.stop();
  expect(requestsOutside(record.requests, origin)).toEqual([]);
  expect(record.requests.filter((request) => request.url.includes("evil.invalid"))).toEqual([]);
});

test("the hostile documents survive a reload as the same inert text", async () => {
  const { page } = await newPage(browser());
  await page.addInitScript(installTripwires, CANARY);
  await page.goto(appUrl("#/library"));
  const row = documentRow(page, "hostile.html");
  await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
  await row.getByTestId("document-open").click();
  const scroll = page.getByTestId("viewer-scroll");
  await scroll.waitFor({ timeout: 30_000 });
  expect(await scroll.textContent()).toContain("Tags written as text stay text: <script>alert(2)</script>");
  await page.waitForTimeout(500);
  const trips = await readTripwires(page);
  expect(trips).toEqual({ canary: undefined, dialogs: [], violations: [] });
});

test("model output made of the same payloads renders as inert markdown", async () => {
  // The echo engine answers with the evidence block closest to the question, so hostile lines
  // from hostile.txt come back as model output: a javascript: link, an image with an onerror
  // title, script and img tags. The answer goes through the real markdown renderer.
  const { page } = await newPage(browser());
  await page.addInitScript(installTripwires, CANARY);
  await page.goto(appUrl("?e2e-engine=echo&e2e-echo=block#/ask"));
  await expect.poll(() => page.getByTestId("model-name").textContent().catch(() => null), { timeout: 30_000 }).toBe("e2e-echo");
  const questions = ["Before sailing, which tide chart and harbour map should I check?", "What should be shown literally, tags and all?"];
  for (const [i, question] of questions.entries()) {
    await page.getByTestId("question-input").fill(question);
    await page.getByTestId("ask-submit").click();
    await expect.poll(() => page.getByTestId("turn").count(), { timeout: 30_000 }).toBe(i + 1);
    await expect.poll(() => page.getByTestId("turn").last().getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
  }
  const answers = page.getByTestId("answer");
  const first = answers.first();
  expect(await first.textContent()).toContain("the tide chart");
  // The markdown did render (a link and an image were parsed), and was made safe.
  expect(await first.textContent()).not.toContain("](javascript:");
  // The link survives as text or as a link with no script URL; nothing active is left.
  expect(await answers.locator(ACTIVE_ELEMENTS).count()).toBe(0);
  for (const href of await answers.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))) {
    expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
  }
  // Clicking what looks like a link does nothing either.
  const chart = first.getByText("the tide chart");
  await chart.click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: artifactPath("hostile-answer.png"), fullPage: true });
  expect(await readTripwires(page)).toEqual({ canary: undefined, dialogs: [], violations: [] });
  expect(page.frames()).toHaveLength(1);
});
