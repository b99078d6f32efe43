// Chart series from a metrics history: RL-only metrics use the RL step, accuracy splits by context
// length, long series are downsampled by bucket means; the metrics buffer notifies once per frame.
import { describe, expect, it } from "vitest";
import type { StepMetrics } from "../../src/adapters/nn/trainer";
import { accuracyByContext, downsample, metricPoints } from "../../src/features/lab/chart-series";
import { createMetricsBuffer } from "../../src/features/lab/metrics-buffer";

function step(kind: "sft" | "rl", s: number, contextTokens: number, value: number): StepMetrics {
  return { step: s, kind, phase: 0, contextTokens, loss: value, entropy: value, gradNorm: 1, rewardMean: value, accuracy: value, answerLength: 5, clipFraction: 0, kl: 0, keptGroups: 2, stepMs: 10, tokensPerSecond: 100 };
}

const history = [step("sft", 0, 32, 4), step("sft", 1, 32, 3), step("rl", 0, 32, 0.1), step("rl", 1, 64, 0.5), step("rl", 2, 64, 0.7)];

describe("chart series", () => {
  it("plots RL metrics by RL step and the rest by position", () => {
    expect(metricPoints(history, "rewardMean")).toEqual([[0, 0.1], [1, 0.5], [2, 0.7]]);
    expect(metricPoints(history, "loss").map((p) => p[0])).toEqual([0, 1, 2, 3, 4]);
  });

  it("splits accuracy by context length", () => {
    expect(accuracyByContext(history)).toEqual([
      { label: "ctx 32", points: [[0, 0.1]] },
      { label: "ctx 64", points: [[1, 0.5], [2, 0.7]] },
    ]);
  });

  it("downsamples by bucket means", () => {
    const points = Array.from({ length: 1000 }, (_, i) => [i, i % 2] as [number, number]);
    const out = downsample(points, 100);
    expect(out).toHaveLength(100);
    expect(out[0]).toEqual([4.5, 0.5]);
  });

  it("buffers batches and notifies once per frame", () => {
    const frames: (() => void)[] = [];
    const buffer = createMetricsBuffer((run) => frames.push(run));
    let calls = 0;
    buffer.subscribe(() => calls++);
    const before = buffer.metrics();
    buffer.push([history[0] as StepMetrics], []);
    buffer.push([history[1] as StepMetrics], [{ step: 0, prompt: "p", output: "o", answer: "a", reward: 1 }]);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(calls).toBe(1);
    expect(buffer.metrics()).toHaveLength(2);
    expect(before).toHaveLength(0);
    expect(buffer.rollouts()).toHaveLength(1);
    buffer.reset();
    expect(buffer.metrics()).toHaveLength(0);
  });
});
