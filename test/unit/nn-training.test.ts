// Training really works: a tiny character-level transformer learns the compact passkey task by
// warm-up SFT on wasm (loss falls, greedy exact-match accuracy rises from 0), then the RL loop runs
// GRPO/DAPO steps on its own samples and can be paused and stopped.
import { defaultDevice, init } from "@jax-js/jax";
import { beforeAll, describe, expect, it } from "vitest";
import { Trainer, type StepMetrics } from "../../src/adapters/nn/trainer";
import { TrainingControl } from "../../src/adapters/nn/training-control";
import { resolveRunConfig } from "../../src/core/rl/config";
import { compactPasskeyTask } from "../../src/core/rl/tasks/compact-passkey";

beforeAll(async () => {
  await init("wasm");
  defaultDevice("wasm");
});

const SFT_STEPS = 100;
const CONTEXT = 32;

describe("training on wasm", () => {
  // About 35 s on an idle 2-core machine; the limit leaves room for a loaded one.
  it("SFT then RL on compact passkey", { timeout: 240_000 }, async () => {
    const run = resolveRunConfig({
      task: "passkey",
      difficulty: 0,
      warmupSftSteps: SFT_STEPS,
      maxResponseTokens: 12,
      groupSize: 4,
      promptsPerStep: 2,
      learningRate: 1e-4,
      algorithm: { name: "dapo" },
      curriculum: { phases: [{ contextTokens: CONTEXT, steps: 2 }], maxContextTokens: 64 },
    });
    const trainer = new Trainer({
      run,
      model: { layers: 2, dModel: 64, heads: 4, dFf: 256, vocab: 128, maxContext: 64 },
      task: compactPasskeyTask,
      sftBatchSize: 16,
      sftLearningRate: 5e-3,
    });
    const before = await trainer.evaluate(32, CONTEXT);
    const metrics: StepMetrics[] = [];
    const control = new TrainingControl();
    const result = await trainer.run((m) => {
      metrics.push(m);
      if (m.kind === "rl" && m.step === 0) {
        control.pause();
        setTimeout(() => control.resume(), 10);
      }
    }, control);
    expect(result).toBe("done");
    const sft = metrics.filter((m) => m.kind === "sft");
    const rl = metrics.filter((m) => m.kind === "rl");
    const firstLoss = sft[0]?.loss as number;
    const lastLoss = sft.slice(-5).reduce((sum, m) => sum + m.loss, 0) / 5;
    const after = await trainer.evaluate(32, CONTEXT);
    console.log(
      `SFT loss ${firstLoss.toFixed(3)} -> ${lastLoss.toFixed(3)}; greedy accuracy ${before.accuracy} -> ${after.accuracy}; ` +
        `RL reward ${rl.map((m) => m.rewardMean.toFixed(2)).join(", ")}; e.g. ${JSON.stringify(after.outputs[0])}`,
    );
    expect(sft).toHaveLength(SFT_STEPS);
    expect(firstLoss).toBeGreaterThan(4); // about ln 128 at initialisation
    expect(lastLoss).toBeLessThan(0.35 * firstLoss);
    expect(before.accuracy).toBe(0);
    expect(after.accuracy).toBeGreaterThanOrEqual(0.2);
    expect(rl).toHaveLength(2);
    for (const m of rl) {
      expect(m.contextTokens).toBe(CONTEXT);
      expect(Number.isFinite(m.loss) && Number.isFinite(m.entropy)).toBe(true);
      expect(m.rewardMean).toBeGreaterThanOrEqual(0);
      expect(m.answerLength).toBeGreaterThan(0);
    }
    // a stopped control ends the run before the next step
    const stopped = new TrainingControl();
    stopped.stop();
    expect(await trainer.run(() => undefined, stopped)).toBe("stopped");
    trainer.dispose();
  });
});
