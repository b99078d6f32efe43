// worker_threads entry for the fuzz pool: runs inputs one at a time and posts each outcome back.
// The pool kills this thread when an input hangs, and starts a fresh one.
import { parentPort } from "node:worker_threads";
import type { FuzzInput } from "./generate";
import { runInput, type RunOptions } from "./run-input";

// pdf.js and friends warn about every damaged object; thousands of lines would drown the report.
for (const method of ["log", "info", "warn", "error", "debug"] as const) console[method] = () => undefined;

parentPort?.on("message", (message: { input: FuzzInput; options: RunOptions }) => {
  void runInput(message.input, message.options)
    .catch((error: unknown) => ({ index: message.input.index, kind: "bad-error" as const, name: "HarnessError", detail: String(error), ms: 0 }))
    .then((outcome) => parentPort?.postMessage(outcome));
});
