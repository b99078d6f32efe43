// User journey: open Models and read what this device can do. On the test machine that is
// SwiftShader (Google's CPU Vulkan): WebGPU yes, a fallback adapter, no shader-f16, 1 GiB bindings.
import { expect, test } from "vitest";
import { appUrl, artifactPath, newPage, setupBrowser } from "./browser";

const browser = setupBrowser();

test("the Models area reports WebGPU, the adapter, limits and storage", async () => {
  const { page, consoleErrors } = await newPage(browser());
  await page.goto(appUrl());
  await page.getByRole("tab", { name: "Models" }).click();

  const report = page.getByTestId("system-report");
  await report.waitFor();

  const webgpu = page.getByTestId("webgpu-status");
  expect(await webgpu.getAttribute("data-available")).toBe("true");
  expect(await webgpu.textContent()).toContain("Available");

  // Where a real GPU is present (FOLIO_E2E_REAL_GPU=1) the adapter is not SwiftShader.
  const realGpu = process.env.FOLIO_E2E_REAL_GPU === "1";
  const vendor = (await page.getByTestId("adapter-vendor").textContent()) ?? "";
  const architecture = (await page.getByTestId("adapter-architecture").textContent()) ?? "";
  if (!realGpu) {
    expect(vendor).toBe("google");
    expect(architecture).toBe("swiftshader");
    expect(await page.getByTestId("adapter-fallback").textContent()).toContain("Yes");
    expect(await page.getByTestId("shader-f16").getAttribute("data-available")).toBe("false");
    expect(await page.getByTestId("shader-f16").textContent()).toBe("Not available");
    expect(await page.getByTestId("quantization").textContent()).toContain("q4f32");
    expect(await page.getByTestId("model-notes").textContent()).toContain("shader-f16 missing: Folio will use q4f32 models");
    expect(await page.getByTestId("model-verdict").getAttribute("data-verdict")).toBe("limited");
  }

  // Limits: every row is there with a positive figure; SwiftShader binds 1 GiB and 32 KiB of workgroup memory.
  const binding = page.getByTestId("limit-maxStorageBufferBindingSize");
  expect(Number(await binding.getAttribute("data-value"))).toBeGreaterThanOrEqual(128 * 1024 * 1024);
  if (!realGpu) expect(await binding.textContent()).toContain("1 GiB");
  const rows = page.getByTestId("limits-table").locator("tbody tr");
  expect(await rows.count()).toBe(7);
  for (const value of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-value")))) {
    expect(Number(value)).toBeGreaterThan(0);
  }

  // Storage: the quota is a real, human-readable figure; the served page is cross-origin isolated.
  const quota = page.getByTestId("storage-quota");
  expect(Number(await quota.getAttribute("data-bytes"))).toBeGreaterThan(0);
  expect(await quota.textContent()).toMatch(/^\d+(\.\d)? (KiB|MiB|GiB|TiB)$/);
  expect(await page.getByTestId("storage-usage").textContent()).toMatch(/^\d+(\.\d)? (B|KiB|MiB|GiB)$/);
  expect(await page.getByTestId("cross-origin-isolated").textContent()).toBe("Yes");
  await page.getByTestId("catalog-table").waitFor();

  await page.screenshot({ path: artifactPath("models-view.png"), fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("asking for persistent storage shows the browser's answer and the real state", async () => {
  const { page } = await newPage(browser());
  await page.goto(appUrl("#/models"));
  const button = page.getByTestId("persist-button");
  await button.click();
  const result = page.getByTestId("persist-result");
  await result.waitFor();
  const state = await result.getAttribute("data-state");
  expect(["granted", "declined"]).toContain(state);
  // The "Persistent" row is re-read from the browser after asking, so it agrees with the answer.
  await expect
    .poll(() => page.getByTestId("storage-persisted").getAttribute("data-persisted"))
    .toBe(state === "granted" ? "true" : "false");
});
