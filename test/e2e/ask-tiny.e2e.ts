// User journey with the smallest real engine Folio has: the shipped tiny passkey model
// (public/models/passkey-tiny.folio-ckpt, trained in Folio, run by TinyEngine in a worker). A long
// generated document hides one sentence in the shape the model was trained on
// (src/core/rl/tasks/evidence-passkey.ts); the user picks the tiny model in Ask, asks for the pass
// key, and gets the evidence kept by the compressor, a streamed answer with the key and a citation,
// and the cited passage opened highlighted in the Library. A failed download shows a named error.
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { appUrl, artifactPath, launchBrowser, newPage, setupBrowser } from "./browser";
import { appOrigin, recordRequests, requestsOutside } from "./network-recorder";

const browser = setupBrowser();

const KEY = "48213";
/** The first needle phrasing of the evidence-passkey task, label "pass key". */
const NEEDLE = `The pass key is ${KEY}. Remember it. ${KEY} is the pass key.`;
const QUESTION = "What is the pass key?";
const FILE = "harbour-almanac.md";

const PEOPLE = ["The harbour master", "A ferry pilot", "The lighthouse keeper", "Two net menders", "The town archivist", "A visiting painter", "The customs officer"];
const DEEDS = [
  "walked the length of the breakwater",
  "counted the boats moored in the inner basin",
  "mended a torn sail on the slipway",
  "wrote up the tide tables for the coming month",
  "repainted the railings along the quay",
  "watched the fog roll in from the headland",
  "sorted old letters in the customs house",
  "carried crates of apples up from the market",
];
const AFTER = [
  "before the evening bell rang.",
  "while the gulls argued over scraps.",
  "and found the work slower than expected.",
  "as the wind turned to the north.",
  "without saying much to anyone.",
  "and then went home for supper.",
  "in the thin light of early morning.",
];
const ASIDES = [
  "The old chapel on the hill was built in 1887 and still has its bell.",
  "About 40 people came to the spring fair that year.",
  "The museum keeps a map of the bay on page 112 of its guide.",
];

/** Eight sections of six paragraphs of varied prose (about 4,000 words), the needle in section 6. */
function almanac(): string {
  const sections: string[] = ["# The harbour almanac"];
  let n = 0;
  for (let s = 0; s < 8; s++) {
    sections.push(`## Part ${s + 1}`);
    for (let p = 0; p < 6; p++, n++) {
      const lines = Array.from({ length: 6 }, (_, j) => `${PEOPLE[(n + j) % PEOPLE.length]} ${DEEDS[(n * 3 + j * 5) % DEEDS.length]} ${AFTER[(n * 2 + j) % AFTER.length]}`);
      if (n % 11 === 4) lines.push(ASIDES[n % ASIDES.length]!);
      if (s === 5 && p === 3) lines.splice(3, 0, NEEDLE);
      sections.push(lines.join(" "));
    }
  }
  return sections.join("\n\n");
}

const lastTurn = (page: Page) => page.getByTestId("turn").last();

async function addDocument(page: Page): Promise<void> {
  await page.goto(appUrl("#/library"));
  await page.getByTestId("file-input").setInputFiles([{ name: FILE, mimeType: "text/markdown", buffer: Buffer.from(almanac()) }]);
  const card = page.locator(`[data-testid=job-card][data-file-name="${FILE}"]`);
  await expect.poll(() => card.getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
  await page.locator(`[data-testid=document-row][data-name="${FILE}"]`).waitFor({ timeout: 30_000 });
}

test("the tiny model finds the pass key in a long document through the real engine, cites it, and nothing leaves the app", async () => {
  // Privacy: every request of the whole journey is recorded; none may leave the app's origin.
  const record = recordRequests(browser().context);
  const { page } = await newPage(browser());
  const words = almanac().split(/\s+/).length;
  expect(words).toBeGreaterThan(2500);
  await addDocument(page);

  await page.goto(appUrl("#/ask"));
  await page.getByTestId("no-model").waitFor({ timeout: 30_000 });
  const loadStarted = Date.now();
  const beforeChoice = record.requests.length;
  await page.getByTestId("model-choice-tiny").click();
  await expect.poll(() => page.getByTestId("active-model-name").textContent().catch(() => null), { timeout: 60_000 }).toBe("passkey-tiny");
  const loadMs = Date.now() - loadStarted;
  // The tiny model has no thinking switch, so there is no toggle; it answers, not evidence only.
  expect(await page.getByTestId("thinking-toggle").count()).toBe(0);
  expect(await page.getByTestId("mode-select").inputValue()).toBe("model");
  expect(await page.getByTestId("model-choice-error").count()).toBe(0);

  const askStarted = Date.now();
  await page.getByTestId("question-input").fill(QUESTION);
  await page.getByTestId("ask-submit").click();

  // The evidence panel shows the passages given to the model, and the needle sentence is among them.
  const turn = lastTurn(page);
  await turn.getByTestId("evidence-panel").waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await turn.getByTestId("evidence-text").allTextContents()).some((text) => text.includes(KEY)), { timeout: 30_000 }).toBe(true);
  // The answer streams into the turn, then the turn finishes.
  await turn.getByTestId("answer").waitFor({ timeout: 60_000 });
  await expect.poll(() => turn.getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
  const askMs = Date.now() - askStarted;

  expect(await turn.getAttribute("data-mode")).toBe("model");
  const answer = (await turn.getByTestId("answer").textContent()) ?? "";
  const context = (await turn.getByTestId("context-tokens").textContent()) ?? "";
  const library = (await turn.getByTestId("library-tokens").textContent()) ?? "";
  const usage = (await turn.getByTestId("usage").textContent().catch(() => null)) ?? "";
  process.stdout.write(`Ask tiny: ${words} words (${library}) -> ${context}; load ${loadMs} ms; answer ${JSON.stringify(answer)} in ${askMs} ms; ${usage}\n`);
  await page.screenshot({ path: artifactPath("ask-tiny-answered.png"), fullPage: true });
  // The page fetched the model file only once the user chose it (the service worker may precache it).
  const modelFetches = record.requests.map((r, i) => ({ ...r, i })).filter((r) => r.from === "page" && r.url.endsWith(".folio-ckpt"));
  expect(modelFetches.length).toBeGreaterThan(0);
  expect(modelFetches.every((r) => r.i >= beforeChoice)).toBe(true);
  expect(answer).toContain(KEY);

  // The citation points at evidence holding the key, and opens it highlighted in the Library.
  const citation = turn.getByTestId("citation").first();
  await citation.waitFor({ timeout: 10_000 });
  const number = await citation.getAttribute("data-citation");
  const cited = (await turn.locator(`[data-testid=evidence-span][data-citation="${number}"]`).getByTestId("evidence-text").textContent()) ?? "";
  expect(cited).toContain(KEY);
  await citation.click();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/library\/doc\/[^?]+\?highlight=\d+-\d+$/);
  await page.getByTestId("highlight").first().waitFor({ timeout: 30_000 });
  const marked = (await page.getByTestId("highlight").allTextContents()).join(" ").replace(/\s+/g, " ");
  expect(marked).toContain(KEY);
  await page.screenshot({ path: artifactPath("ask-tiny-highlight.png") });
  record.stop();
  expect(record.requests.length).toBeGreaterThan(0);
  expect(requestsOutside(record.requests, appOrigin())).toEqual([]);
});

test("a tiny model that cannot be downloaded fails with a named error and a hint", async () => {
  // Its own browser without a service worker: the journey above let the worker precache the model,
  // and requests the worker makes bypass page.route.
  const own = await launchBrowser({ blockServiceWorkers: true });
  try {
    const { page } = await newPage(own);
    await page.route("**/models/passkey-tiny.folio-ckpt", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(appUrl("#/ask"));
    await page.getByTestId("model-choice-tiny").click();
    const error = page.getByTestId("model-choice-error");
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute("data-error-name")).toBe("ModelNotFoundError");
    expect(await error.textContent()).toMatch(/ModelNotFoundError: There is no model file at .*passkey-tiny\.folio-ckpt\./);
    expect(await page.getByTestId("no-model").count()).toBe(1);
  } finally {
    await own.close();
  }
});
