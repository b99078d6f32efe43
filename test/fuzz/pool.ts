// Runs fuzz inputs on a few worker threads with a per-input timeout: an input that hangs gets its
// thread terminated (and a fresh one started), one that kills its thread is a crash.
import { Worker } from "node:worker_threads";
import type { FuzzInput } from "./generate";
import type { Outcome, RunOptions } from "./run-input";

export interface PoolOptions extends RunOptions {
  /** Threads running inputs at once. */
  workers: number;
  /** An input still running after this long is a hang. */
  timeoutMs: number;
  /** Heap limit per thread; going over it is a crash ("out of memory"). */
  maxHeapMb: number;
  /** The next input to run, or null when the run is over (count reached or time cap hit). */
  next(): FuzzInput | null;
  onOutcome(outcome: Outcome, input: FuzzInput): void;
}

/** A JavaScript shim that registers tsx in the thread, then imports fuzz-worker.ts. */
const WORKER_URL = new URL("./fuzz-worker-boot.mjs", import.meta.url);

function startWorker(maxHeapMb: number): Worker {
  const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb }, stdout: true, stderr: true });
  // Piped and drained: stray writes from parsers must not interleave with the report.
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}

/** Runs one input on `worker`; resolves with its outcome and whether the worker is still usable. */
function runOn(worker: Worker, input: FuzzInput, options: PoolOptions): Promise<{ outcome: Outcome; alive: boolean }> {
  const started = performance.now();
  const { seed, compress, tokenizer } = options;
  return new Promise((resolve) => {
    const finish = (outcome: Outcome, alive: boolean) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      resolve({ outcome, alive });
    };
    const ms = () => performance.now() - started;
    const onMessage = (outcome: Outcome) => finish(outcome, true);
    const onError = (error: Error) => finish({ index: input.index, kind: "crash", name: error.name, detail: `${(error as { code?: string }).code ?? ""} ${error.message}`.trim().slice(0, 300), ms: ms() }, false);
    const onExit = (code: number) => finish({ index: input.index, kind: "crash", name: "WorkerExit", detail: `worker exited with code ${code}`, ms: ms() }, false);
    const timer = setTimeout(() => {
      finish({ index: input.index, kind: "hang", name: "Timeout", detail: `no answer after ${options.timeoutMs} ms`, ms: ms() }, false);
    }, options.timeoutMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    // A copy, so the caller's bytes stay whole for saving a crashing input.
    worker.postMessage({ input, options: { seed, compress, tokenizer } });
  });
}

/** Runs inputs until `next()` returns null. */
export async function runPool(options: PoolOptions): Promise<void> {
  const lane = async () => {
    let worker = startWorker(options.maxHeapMb);
    try {
      for (let input = options.next(); input !== null; input = options.next()) {
        const { outcome, alive } = await runOn(worker, input, options);
        options.onOutcome(outcome, input);
        if (!alive) {
          await worker.terminate();
          worker = startWorker(options.maxHeapMb);
        }
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.workers) }, lane));
}
