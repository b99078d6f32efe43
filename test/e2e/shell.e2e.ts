// User journey: move between the four areas; a reload keeps the area (it lives in the URL hash).
import { expect, test } from "vitest";
import { appUrl, newPage, setupBrowser } from "./browser";

const browser = setupBrowser();
const TABS = ["Library", "Ask", "Models", "Lab"] as const;

test("the four tabs switch the area and a reload keeps the tab", async () => {
  const { page, consoleErrors } = await newPage(browser());
  await page.goto(appUrl());
  // No hash: the app opens on the Library.
  await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe("Library");

  for (const label of TABS) {
    await page.getByRole("tab", { name: label }).click();
    const selected = page.getByRole("tab", { selected: true });
    expect(await selected.textContent()).toBe(label);
    const panel = page.getByRole("tabpanel");
    expect(await panel.getAttribute("aria-labelledby")).toBe(`tab-${label.toLowerCase()}`);
    expect(new URL(page.url()).hash).toBe(`#/${label.toLowerCase()}`);
  }

  await page.getByRole("tab", { name: "Ask" }).click();
  await page.reload();
  await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe("Ask");
  expect(new URL(page.url()).hash).toBe("#/ask");

  // The back button walks the hash history too.
  await page.goBack();
  await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe("Lab");
  expect(consoleErrors).toEqual([]);
});

test("an unknown hash falls back to the Library", async () => {
  const { page } = await newPage(browser());
  await page.goto(appUrl("#/nowhere"));
  await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe("Library");
});
