// User journey in the Lab: a bad setting names its field; a tiny compact-passkey run on wasm fills
// the charts and the rollout table, pauses, resumes, saves a checkpoint and stops; the checkpoint
// exports as a .folio-ckpt download, a damaged file is refused by name, the export re-imports and
// loads; a second run finishes and both runs are compared on one chart.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { appUrl, artifactPath, newPage, setupBrowser } from "./browser";

const browser = setupBrowser();

async function fill(page: Page, field: string, value: string | number): Promise<void> {
  await page.getByTestId(`field-${field}`).fill(String(value));
}

const steps = async (page: Page) => Number(await page.getByTestId("lab-charts").getAttribute("data-steps"));
const points = async (page: Page, chart: string) => Number(await page.getByTestId(chart).getAttribute("data-points"));
const status = (page: Page) => page.getByTestId("run-status").getAttribute("data-status");

test("train, pause, checkpoint, export, import and compare runs in the Lab", { timeout: 170_000 }, async () => {
  const { page, consoleErrors } = await newPage(browser());
  await page.goto(appUrl("#/lab"));
  await expect.poll(() => page.getByTestId("device-report").textContent(), { timeout: 30_000 }).toMatch(/Devices: wasm/);
  await page.getByTestId("field-device").selectOption("wasm");

  // A bad value is refused before anything starts, naming the field.
  await fill(page, "groupSize", 1);
  await page.getByTestId("start-run").click();
  expect(await page.getByTestId("form-error").getAttribute("data-field")).toBe("groupSize");
  expect(await page.getByTestId("field-error").textContent()).toMatch(/^groupSize: /);
  expect(await status(page)).toBe("idle");

  // A tiny run: micro model, compact passkey, 32- then 48-token contexts, long enough to pause.
  await fill(page, "name", "e2e A");
  await fill(page, "groupSize", 4);
  await fill(page, "promptsPerStep", 2);
  await fill(page, "sftSteps", 4);
  await fill(page, "sftBatchSize", 8);
  await fill(page, "maxResponseTokens", 12);
  await fill(page, "phases[0].contextTokens", 32);
  await fill(page, "phases[0].steps", 40);
  await fill(page, "phases[1].contextTokens", 48);
  await fill(page, "phases[1].steps", 40);
  await page.getByTestId("start-run").click();
  await expect.poll(() => status(page), { timeout: 20_000 }).toBe("running");
  await expect.poll(() => points(page, "chart-loss"), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => page.getByTestId("rollout-row").count(), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect.poll(() => points(page, "chart-rewardMean"), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  expect(await points(page, "chart-accuracy")).toBeGreaterThanOrEqual(2);
  expect(await points(page, "chart-entropy")).toBeGreaterThanOrEqual(2);

  // Pause: the step in flight finishes, then nothing moves until resumed.
  await page.getByTestId("pause-run").click();
  await expect.poll(() => status(page)).toBe("paused");
  await page.waitForTimeout(1500);
  const pausedAt = await steps(page);
  await page.waitForTimeout(1500);
  expect(await steps(page)).toBe(pausedAt);
  await page.getByTestId("resume-run").click();
  await expect.poll(() => status(page)).toBe("running");
  await expect.poll(() => steps(page), { timeout: 30_000 }).toBeGreaterThan(pausedAt);

  // Save while running (taken between two steps), then stop.
  await page.getByTestId("save-checkpoint").click();
  await expect.poll(() => page.getByTestId("checkpoint-item").count(), { timeout: 30_000 }).toBe(1);
  await page.getByTestId("stop-run").click();
  await expect.poll(() => status(page), { timeout: 30_000 }).toBe("stopped");
  await page.screenshot({ path: artifactPath("lab-run.png"), fullPage: true });

  // Export downloads a .folio-ckpt file.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-checkpoint").click()]);
  expect(download.suggestedFilename()).toMatch(/^e2e-A.*\.folio-ckpt$/);
  const exported = artifactPath("lab-export.folio-ckpt");
  await download.saveAs(exported);

  // A damaged file is refused by name and nothing stored changes.
  await page.getByTestId("import-file").setInputFiles({ name: "broken.folio-ckpt", mimeType: "application/octet-stream", buffer: readFileSync(exported).subarray(0, 200) });
  await expect.poll(() => page.getByTestId("lab-error").getAttribute("data-error-name")).toBe("DamagedFileError");
  expect(await page.getByTestId("checkpoint-item").count()).toBe(1);

  // The real export re-imports, and loads into the worker.
  await page.getByTestId("import-file").setInputFiles(exported);
  await expect.poll(() => page.getByTestId("checkpoint-item").count()).toBe(2);
  await page.locator('[data-testid=checkpoint-item][data-name$="(imported)"]').getByTestId("load-checkpoint").click();
  await expect.poll(() => status(page), { timeout: 30_000 }).toBe("loaded");
  expect(await steps(page)).toBeGreaterThan(0);

  // A second, short run to the end: one phase.
  await fill(page, "name", "e2e B");
  await page.getByRole("button", { name: "Remove phase 2" }).click();
  await fill(page, "phases[0].steps", 3);
  await fill(page, "sftSteps", 2);
  await page.getByTestId("start-run").click();
  await expect.poll(() => status(page), { timeout: 60_000 }).toBe("done");

  // Compare both runs on one chart.
  for (const name of ["e2e A", "e2e B"]) await page.locator(`[data-testid=run-item][data-run-name="${name}"]`).getByTestId("compare-toggle").check();
  await page.getByTestId("compare-metric").selectOption("loss");
  await expect.poll(() => page.getByTestId("compare-chart").locator(".lab-legend li").count()).toBe(2);
  expect(await points(page, "compare-chart")).toBeGreaterThan(8);

  await page.getByTestId("compare-view").scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath("lab.png"), fullPage: true });
  expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
});
