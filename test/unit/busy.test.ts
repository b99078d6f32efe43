// The busy guard that holds back an app update while an answer or a run is in progress.
import { afterEach, expect, test } from "vitest";
import { busyReason, clearBusy, setBusy, subscribeBusy } from "../../src/lib/busy";

afterEach(() => clearBusy());

test("reasons stack and clear one at a time; the oldest is reported", () => {
  expect(busyReason()).toBeNull();
  setBusy("answering a question");
  setBusy("training a model");
  expect(busyReason()).toBe("answering a question");
  clearBusy("answering a question");
  expect(busyReason()).toBe("training a model");
  clearBusy("training a model");
  expect(busyReason()).toBeNull();
});

test("clearBusy() without a reason clears everything", () => {
  setBusy("a");
  setBusy("b");
  clearBusy();
  expect(busyReason()).toBeNull();
});

test("listeners hear real changes only, and stop after unsubscribing", () => {
  let calls = 0;
  const unsubscribe = subscribeBusy(() => calls++);
  setBusy("a");
  setBusy("a"); // already set: no change
  clearBusy("b"); // never set: no change
  clearBusy("a");
  expect(calls).toBe(2);
  unsubscribe();
  setBusy("a");
  expect(calls).toBe(2);
});
