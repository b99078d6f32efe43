// A page hook for bench/train-browser.ts, installed only when the URL has ?bench: runs a short
// training run in a fresh training worker and returns median SFT and GRPO step figures.
import type { LabModelSize, TrainDevice } from "../../adapters/nn/lab-spec";
import { createTrainClient } from "../../adapters/nn/train-client";
import type { StepMetrics } from "../../adapters/nn/trainer";

export interface BenchRequest {
  device: TrainDevice;
  model: LabModelSize;
  /** Timed steps of each kind, after one untimed warm-up step (tracing and compiling). */
  steps: number;
  context: number;
  answer: number;
  sftBatch: number;
  groups: number;
  groupSize: number;
}

export interface StepFigures {
  ms: number;
  stepsPerSecond: number;
  tokensPerSecond: number;
  /** The untimed first step, tracing included. */
  firstMs: number;
}

export type BenchResult = { skipped: string } | { adapter: string; wasmThreads: boolean; sft: StepFigures; rl: StepFigures };

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function figures(steps: StepMetrics[]): StepFigures {
  const timed = steps.slice(1);
  const ms = median(timed.map((m) => m.stepMs));
  return { ms, stepsPerSecond: 1000 / ms, tokensPerSecond: median(timed.map((m) => m.tokensPerSecond)), firstMs: steps[0]?.stepMs ?? Number.NaN };
}

export async function runTrainBench(request: BenchRequest): Promise<BenchResult> {
  const client = createTrainClient();
  try {
    const report = await client.call("devices", {});
    if (!report.available.includes(request.device)) return { skipped: `${request.device} is not available in this browser` };
    const metrics: StepMetrics[] = [];
    const n = request.steps + 1;
    await client.call(
      "start",
      {
        kind: "new",
        runId: "bench",
        device: request.device,
        spec: {
          name: "bench",
          task: "compact-passkey",
          model: request.model,
          sftBatchSize: request.sftBatch,
          sftLearningRate: 1e-3,
          run: {
            difficulty: 0.5,
            warmupSftSteps: n,
            maxResponseTokens: request.answer,
            groupSize: request.groupSize,
            promptsPerStep: request.groups,
            algorithm: { name: "grpo", klCoef: 0 },
            sampler: { enabled: false },
            curriculum: { enabled: true, phases: [{ contextTokens: request.context, steps: n }], maxContextTokens: request.context },
          },
        },
      },
      { onProgress: (batch) => metrics.push(...batch.metrics) },
    );
    return {
      adapter: request.device === "webgpu" ? report.adapter : "wasm",
      wasmThreads: report.wasmThreads,
      sft: figures(metrics.filter((m) => m.kind === "sft")),
      rl: figures(metrics.filter((m) => m.kind === "rl")),
    };
  } finally {
    client.terminate();
  }
}

declare global {
  interface Window {
    __folioBench?: { runTrainBench: typeof runTrainBench };
  }
}

/** Exposes window.__folioBench when the page URL has ?bench; does nothing otherwise. */
export function installBenchHook(): void {
  if (new URLSearchParams(window.location.search).has("bench")) window.__folioBench = { runTrainBench };
}
