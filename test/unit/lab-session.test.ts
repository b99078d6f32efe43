// The training worker's handlers in Node (wasm): a tiny run streams batched metrics and rollouts,
// pauses, resumes and stops between steps, saves a checkpoint mid-run that the Lab can read, and
// loads it back; damaged checkpoint files are DamagedFileErrors.
import { describe, expect, it } from "vitest";
import { encodeCheckpoint } from "../../src/adapters/nn/checkpoint";
import { readCheckpointSummary } from "../../src/adapters/nn/lab-checkpoint-info";
import type { LabRunSpec } from "../../src/adapters/nn/lab-spec";
import type { TrainProgress } from "../../src/adapters/nn/train-protocol";
import { createTrainHandlers } from "../../src/adapters/nn/train-session";
import type { FolioError } from "../../src/lib/errors";

const spec: LabRunSpec = {
  name: "unit",
  task: "compact-passkey",
  model: "micro",
  sftBatchSize: 4,
  sftLearningRate: 5e-3,
  run: {
    difficulty: 0,
    warmupSftSteps: 3,
    maxResponseTokens: 12,
    groupSize: 2,
    promptsPerStep: 2,
    algorithm: { name: "grpo", klCoef: 0 },
    curriculum: { enabled: true, phases: [{ contextTokens: 24, steps: 2 }, { contextTokens: 32, steps: 2 }], maxContextTokens: 32 },
  },
};

const context = (onProgress: (p: TrainProgress) => void = () => undefined) => ({ progress: onProgress, signal: new AbortController().signal });
const none = { progress: () => undefined, signal: new AbortController().signal };

function damaged(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return `${(error as FolioError).name}: ${(error as Error).message}`;
  }
  return "no error";
}

describe("training worker handlers", () => {
  it("runs, pauses, saves mid-run, stops, loads and continues", { timeout: 120_000 }, async () => {
    const h = createTrainHandlers();
    expect((await h.devices({}, none)).available).toContain("wasm");
    const batches: TrainProgress[] = [];
    let saved: Promise<{ checkpoint: ArrayBuffer }> | null = null;
    let paused = false;
    const run = h.start({ kind: "new", runId: "r1", spec, device: "wasm" }, context((p) => {
      batches.push(p);
      const steps = batches.flatMap((b) => b.metrics).length;
      if (!paused && steps >= 4) {
        paused = true;
        void h.pause({}, none).then(async (r) => {
          expect(r.state).toBe("paused");
          saved = h.save({}, none);
          await saved;
          await h.resume({}, none);
        });
      }
    }));
    const result = await run;
    expect(result).toEqual({ outcome: "done", sftSteps: 3, rlSteps: 4 });
    const metrics = batches.flatMap((b) => b.metrics);
    expect(metrics.map((m) => m.kind)).toEqual(["sft", "sft", "sft", "rl", "rl", "rl", "rl"]);
    expect(metrics.slice(3).map((m) => m.contextTokens)).toEqual([24, 24, 32, 32]);
    expect(batches.flatMap((b) => b.rollouts).length).toBeGreaterThan(0);
    expect(saved).not.toBeNull();
    const { checkpoint } = await (saved as unknown as Promise<{ checkpoint: ArrayBuffer }>);
    const summary = readCheckpointSummary(checkpoint);
    expect(summary.info).toMatchObject({ runId: "r1", name: "unit", task: "compact-passkey", modelSize: "micro" });
    expect(summary.history.length).toBe(summary.sftSteps + summary.rlSteps);
    expect(summary.sftSteps).toBe(3);

    // a second start while nothing runs continues the same trainer: already done
    expect((await h.start({ kind: "continue" }, context())).outcome).toBe("done");

    // load the mid-run checkpoint and finish it
    const loaded = await h.load({ checkpoint: checkpoint.slice(0), device: "wasm" }, none);
    expect(loaded).toMatchObject({ info: { runId: "r1" }, sftSteps: 3, done: false });
    expect(loaded.spec.task).toBe("compact-passkey");
    const rest: TrainProgress[] = [];
    const resumed = await h.start({ kind: "continue" }, context((p) => rest.push(p)));
    expect(resumed).toEqual({ outcome: "done", sftSteps: 3, rlSteps: 4 });
    expect(rest.flatMap((b) => b.metrics).length).toBe(4 - summary.rlSteps);

    // stop ends a new run after the current step
    const stopping = h.start({ kind: "new", runId: "r2", spec: { ...spec, run: { ...spec.run, warmupSftSteps: 50 } }, device: "wasm" }, context((p) => {
      if (p.metrics.length > 0) void h.stop({}, none);
    }));
    const stopped = await stopping;
    expect(stopped.outcome).toBe("stopped");
    expect(stopped.sftSteps).toBeLessThan(50);
  });

  it("names damaged checkpoint files", () => {
    const plain = encodeCheckpoint({ meta: { run: {}, model: {}, history: [] }, tensors: {} });
    expect(damaged(() => readCheckpointSummary(plain))).toMatch(/^DamagedFileError: .*Lab settings/);
    expect(damaged(() => readCheckpointSummary(new ArrayBuffer(3)))).toMatch(/^DamagedFileError: Checkpoint too-short/);
    const bytes = new Uint8Array(encodeCheckpoint({ meta: { lab: {} }, tensors: {} }));
    bytes[0] = 0x58;
    expect(damaged(() => readCheckpointSummary(bytes.buffer))).toMatch(/^DamagedFileError: Checkpoint bad-magic/);
  });
});
