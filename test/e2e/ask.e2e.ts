// User journey: add two generated documents (a fact buried in filler among distractors, and an
// unrelated one), ask with no model and get the right passage as evidence with its source and
// figures, open it highlighted in the Library, change budget and granularity, find the conversation
// after a reload; then answer with a streamed model (the test-only echo engine behind the Engine
// interface) with citations, a follow-up, and a context overflow recovered by recompressing.
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { appUrl, artifactPath, newPage, setupBrowser } from "./browser";
import { dropFiles } from "./drop";

const browser = setupBrowser();

const FACT = "The emergency valve code for the Halden reservoir is 7731-Q, kept in the blue binder.";
const QUESTION = "What is the emergency valve code for the Halden reservoir?";
const SUBJECTS = ["The maintenance crew", "The night keeper", "A survey team", "The district engineer", "Two volunteers", "The water board"];
const ACTIONS = ["walked the northern embankment", "checked the inflow gauges", "cleared leaves from the spillway", "repainted the boat shed", "tested the siren", "counted the nesting grebes"];
const OUTCOMES = ["and found nothing out of order.", "before the rain set in.", "and logged the results in the daybook.", "while the wind dropped.", "as the schedule required.", "and reported minor wear."];
const DISTRACTORS = [
  "The valve on the east pump house was replaced in 2019 after a bearing failed.",
  "The Tessen reservoir downstream has its own code, which only its keeper knows.",
  "Emergency drills are held every spring; the last one took forty minutes.",
];

/** About 60 paragraphs of varied filler, three distractors, and the fact in paragraph 42. */
function reportText(): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < 60; i++) {
    const lines = Array.from({ length: 5 }, (_, j) => `${SUBJECTS[(i + j) % 6]} ${ACTIONS[(i * 5 + j * 7) % 6]} ${OUTCOMES[(i * 3 + j) % 6]}`);
    if (i % 17 === 5) lines.push(DISTRACTORS[i % DISTRACTORS.length]!);
    if (i === 41) lines.splice(2, 0, FACT);
    paragraphs.push(lines.join(" "));
  }
  return paragraphs.join("\n\n");
}

const TRAVEL = "# Travel notes\n\nThe train to the coast leaves at nine and takes three hours.\n\n## Food\n\nThe fish market opens at dawn; the smoked mackerel is the thing to try.";

const lastTurn = (page: Page) => page.getByTestId("turn").last();
const spanTexts = (page: Page) => lastTurn(page).getByTestId("evidence-text").allTextContents();

async function ask(page: Page, question: string): Promise<void> {
  await page.getByTestId("question-input").fill(question);
  await page.getByTestId("ask-submit").click();
}

async function waitDone(page: Page, count: number): Promise<void> {
  await expect.poll(() => page.getByTestId("turn").count(), { timeout: 30_000 }).toBe(count);
  await expect.poll(() => lastTurn(page).getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
}

test("evidence only: the buried fact comes back with its source, opens highlighted, and survives a reload", async () => {
  const { page } = await newPage(browser());
  await page.goto(appUrl("#/library"));
  await dropFiles(page, [
    { name: "reservoir-log.txt", type: "text/plain", text: reportText() },
    { name: "travel.md", type: "text/markdown", text: TRAVEL },
  ]);
  for (const name of ["reservoir-log.txt", "travel.md"]) {
    await expect.poll(() => page.locator(`[data-testid=job-card][data-file-name="${name}"]`).getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
  }
  // Each saved document gets its index built in the compress worker and stored in IndexedDB.
  const storedIndexes = () =>
    page.evaluate(async () => {
      const open = indexedDB.open("folio");
      const db = await new Promise<IDBDatabase>((done, fail) => {
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      const request = db.transaction("compressIndexes").objectStore("compressIndexes").getAll();
      const records = await new Promise<{ index: { title: string }; buildMs: number }[]>((done) => {
        request.onsuccess = () => done(request.result as { index: { title: string }; buildMs: number }[]);
      });
      db.close();
      return records.map((r) => `${r.index.title} ${r.buildMs.toFixed(1)} ms`).sort();
    });
  await expect.poll(async () => (await storedIndexes()).length, { timeout: 30_000 }).toBe(2);
  process.stdout.write(`Ask: indexes built at ingest: ${(await storedIndexes()).join(", ")}\n`);

  await page.goto(appUrl("#/ask"));
  await page.getByTestId("no-model").waitFor();
  await ask(page, QUESTION);
  await waitDone(page, 1);
  const turn = lastTurn(page);
  expect(await turn.getAttribute("data-mode")).toBe("evidence");
  await turn.getByTestId("evidence-only-label").waitFor();
  const texts = await spanTexts(page);
  const hit = texts.findIndex((text) => text.includes("7731-Q"));
  expect(hit).toBeGreaterThanOrEqual(0);
  expect(await turn.getByTestId("evidence-source").nth(hit).textContent()).toContain("reservoir-log.txt");
  const library = Number((await turn.getByTestId("library-tokens").textContent())!.replace(/\D/g, ""));
  const context = Number((await turn.getByTestId("context-tokens").textContent())!.replace(/\D/g, ""));
  expect(library).toBeGreaterThan(context);
  expect(context).toBeLessThanOrEqual(1024);
  expect(await turn.getByTestId("compression-ratio").textContent()).toMatch(/×$/);
  const first = `${(await turn.getByTestId("evidence-time").textContent())!} (library ${await turn.getByTestId("evidence-time").getAttribute("title")})`;
  await page.screenshot({ path: artifactPath("ask-evidence-only.png"), fullPage: true });

  // A smaller budget at sentence granularity re-chooses the evidence of the last answer.
  await page.getByTestId("granularity-select").selectOption("sentence");
  await page.getByTestId("budget-input").fill("96");
  const contextNow = async () => Number((await lastTurn(page).getByTestId("context-tokens").textContent())!.replace(/\D/g, ""));
  await expect.poll(contextNow, { timeout: 30_000 }).toBeLessThanOrEqual(96);
  await expect.poll(() => lastTurn(page).getAttribute("data-status"), { timeout: 30_000 }).toBe("done");
  expect(await lastTurn(page).getByTestId("evidence-stats").textContent()).toMatch(/96 · sentence/);
  const smaller = await spanTexts(page);
  expect(smaller).not.toEqual(texts);
  expect(smaller.join(" ").length).toBeLessThan(texts.join(" ").length);
  expect(smaller.some((text) => text.includes("7731-Q"))).toBe(true);

  // A second question over the same library reuses the loaded index.
  await ask(page, "When does the train to the coast leave?");
  await waitDone(page, 2);
  expect((await spanTexts(page)).join(" ")).toContain("train to the coast");
  const second = (await lastTurn(page).getByTestId("evidence-time").textContent())!;
  process.stdout.write(`Ask evidence-only: first question ${first}, second question ${second}\n`);

  // Clicking the passage opens the Library viewer with it highlighted.
  const firstTurn = page.getByTestId("turn").first();
  const span = firstTurn.getByTestId("evidence-span").filter({ hasText: "7731-Q" }).first();
  const spanText = (await span.getByTestId("evidence-text").textContent())!;
  await span.click();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/library\/doc\/[^?]+\?highlight=\d+-\d+$/);
  await page.getByTestId("highlight").first().waitFor({ timeout: 30_000 });
  const marked = (await page.getByTestId("highlight").allTextContents()).join(" ").replace(/\s+/g, " ").trim();
  expect(marked).toBe(spanText.trim());
  expect(marked).toContain("7731-Q");
  await page.screenshot({ path: artifactPath("ask-open-passage.png") });

  // The conversation is kept across a reload.
  await page.goto(appUrl("#/ask"));
  await page.reload();
  await expect.poll(() => page.getByTestId("turn-question").allTextContents(), { timeout: 30_000 }).toEqual([QUESTION, "When does the train to the coast leave?"]);
  expect((await page.getByTestId("evidence-text").allTextContents()).some((text) => text.includes("7731-Q"))).toBe(true);
  expect(await page.getByTestId("conversation-item").count()).toBe(1);
});

test("with a model: evidence first, a streamed answer with citations, a follow-up, and an overflow recovered", async () => {
  const { page } = await newPage(browser());
  // The echo engine stands in for a model through the Engine interface (see e2e-echo-engine.ts).
  await page.goto(appUrl("?e2e-engine=echo&e2e-overflow=1#/ask"));
  await expect.poll(() => page.getByTestId("model-name").textContent().catch(() => null), { timeout: 30_000 }).toBe("e2e-echo");
  // Runs after the first test, in the same profile: its documents and conversation are there.
  await expect.poll(() => page.getByTestId("conversation-item").count(), { timeout: 30_000 }).toBe(1);
  await page.getByTestId("new-conversation").click();
  await page.getByTestId("thinking-toggle").check();
  await ask(page, QUESTION);

  // The evidence is on screen while the model answers; catch the answer mid-stream for a screenshot.
  await lastTurn(page).getByTestId("evidence-panel").waitFor({ timeout: 30_000 });
  await expect.poll(() => lastTurn(page).getByTestId("answer").count(), { timeout: 30_000 }).toBe(1);
  await page.screenshot({ path: artifactPath("ask-answering.png"), fullPage: true });
  await waitDone(page, 1);

  const turn = lastTurn(page);
  expect(await turn.getAttribute("data-mode")).toBe("model");
  expect(await turn.getByTestId("answer").textContent()).toContain("7731-Q");
  expect(await turn.getByTestId("turn-notice").first().textContent()).toMatch(/compressed the evidence to 70%/);
  expect(await turn.getByTestId("thinking").getAttribute("open")).toBeNull();
  await turn.getByTestId("usage").waitFor();
  expect(await turn.getByTestId("usage").textContent()).toMatch(/prefill \d+ tok\/s · decode [\d.]+ tok\/s · first token after [\d.]+ s/);
  const citation = turn.getByTestId("citation").first();
  const number = await citation.getAttribute("data-citation");
  const cited = (await turn.locator(`[data-testid=evidence-span][data-citation="${number}"]`).getByTestId("evidence-text").textContent())!;
  expect(cited).toContain("7731-Q");
  await page.screenshot({ path: artifactPath("ask-answered.png"), fullPage: true });

  // A follow-up keeps the conversation and compresses again for the new question.
  await ask(page, "When does the train to the coast leave?");
  await waitDone(page, 2);
  expect(await lastTurn(page).getByTestId("answer").textContent()).toMatch(/nine/);
  expect(await page.getByTestId("turn-question").count()).toBe(2);

  // The first answer's citation opens its passage highlighted.
  await page.getByTestId("turn").first().getByTestId("citation").first().click();
  await page.getByTestId("highlight").first().waitFor({ timeout: 30_000 });
  expect((await page.getByTestId("highlight").allTextContents()).join(" ").replace(/\s+/g, " ")).toContain("7731-Q");
});

test("a GPU device lost mid-answer is named, the conversation is kept, and reload-and-retry answers", async () => {
  const { page } = await newPage(browser());
  await page.goto(appUrl("?e2e-engine=echo&e2e-device-lost=1#/ask"));
  await expect.poll(() => page.getByTestId("model-name").textContent().catch(() => null), { timeout: 30_000 }).toBe("e2e-echo");
  await expect.poll(() => page.getByTestId("conversation-item").count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  const before = await page.getByTestId("conversation-item").count();
  await page.getByTestId("new-conversation").click();
  await ask(page, QUESTION);
  await expect.poll(() => page.getByTestId("turn").count(), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => lastTurn(page).getAttribute("data-status"), { timeout: 60_000 }).toBe("failed");
  const error = lastTurn(page).getByTestId("turn-error");
  expect(await error.getAttribute("data-error-name")).toBe("GpuDeviceLostError");
  expect(await error.textContent()).toMatch(/memory/i);
  // The question and its evidence stay on screen, and so do the earlier conversations.
  expect(await lastTurn(page).getByTestId("turn-question").textContent()).toContain("Halden");
  expect(await lastTurn(page).getByTestId("evidence-text").count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId("conversation-item").count()).toBe(before + 1);
  await page.screenshot({ path: artifactPath("ask-device-lost.png"), fullPage: true });

  await error.getByTestId("retry-reload").click();
  await expect.poll(() => lastTurn(page).getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
  expect(await lastTurn(page).getByTestId("answer").textContent()).toContain("7731-Q");
  expect(await page.getByTestId("turn").count()).toBe(1);
});

test("stop ends a streaming answer and keeps what came so far", async () => {
  const { page } = await newPage(browser());
  await page.goto(appUrl("?e2e-engine=echo&e2e-delay=400#/ask"));
  await expect.poll(() => page.getByTestId("model-name").textContent().catch(() => null), { timeout: 30_000 }).toBe("e2e-echo");
  await page.getByTestId("new-conversation").click();
  await ask(page, QUESTION);
  await expect.poll(async () => ((await lastTurn(page).getByTestId("answer").textContent().catch(() => "")) ?? "").split(/\s+/).length, { timeout: 30_000 }).toBeGreaterThan(2);
  await page.getByTestId("stop").click();
  await expect.poll(() => lastTurn(page).getAttribute("data-status"), { timeout: 30_000 }).toBe("stopped");
  const kept = (await lastTurn(page).getByTestId("answer").textContent()) ?? "";
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).not.toContain("blue binder"); // the end of the sentence never came
  expect(await lastTurn(page).getByTestId("turn-stopped").textContent()).toContain("The answer so far is kept.");
  // After a reload the stopped turn is still there with its partial answer.
  await page.reload();
  await expect.poll(() => lastTurn(page).getAttribute("data-status"), { timeout: 30_000 }).toBe("stopped");
  expect(await lastTurn(page).getByTestId("answer").textContent()).toBe(kept);
});
