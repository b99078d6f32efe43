// Turning a metrics history into chart series: which steps a metric is read from, the x axis, one
// series per context length for accuracy, and bucketed downsampling so long runs stay cheap to draw.
import type { StepMetrics } from "../../adapters/nn/trainer";

export type MetricName = "rewardMean" | "accuracy" | "answerLength" | "entropy" | "clipFraction" | "loss" | "kl" | "gradNorm" | "tokensPerSecond";

export interface Series {
  label: string;
  points: [number, number][];
}

/** Metrics that only RL steps have are plotted against the RL step; the rest against every step. */
export const METRICS: { readonly [K in MetricName]: { label: string; rlOnly: boolean } } = {
  rewardMean: { label: "Reward mean", rlOnly: true },
  accuracy: { label: "Accuracy", rlOnly: true },
  answerLength: { label: "Answer length (tokens)", rlOnly: true },
  entropy: { label: "Entropy (nats)", rlOnly: false },
  clipFraction: { label: "Clip fraction", rlOnly: true },
  loss: { label: "Loss", rlOnly: false },
  kl: { label: "KL to reference", rlOnly: true },
  gradNorm: { label: "Gradient norm", rlOnly: false },
  tokensPerSecond: { label: "Tokens / s", rlOnly: false },
};

/** At most `max` points: consecutive points averaged in equal buckets (x and y both). */
export function downsample(points: readonly [number, number][], max = 300): [number, number][] {
  if (points.length <= max) return points.slice();
  const out: [number, number][] = [];
  const size = points.length / max;
  for (let b = 0; b < max; b++) {
    const from = Math.floor(b * size);
    const to = Math.max(from + 1, Math.floor((b + 1) * size));
    let sx = 0;
    let sy = 0;
    for (let i = from; i < to; i++) {
      sx += (points[i] as [number, number])[0];
      sy += (points[i] as [number, number])[1];
    }
    out.push([sx / (to - from), sy / (to - from)]);
  }
  return out;
}

/** x: the RL step for RL-only metrics, else the step's position in the whole run (SFT first). */
export function metricPoints(history: readonly StepMetrics[], metric: MetricName): [number, number][] {
  const rlOnly = METRICS[metric].rlOnly;
  const points: [number, number][] = [];
  history.forEach((m, i) => {
    if (rlOnly && m.kind !== "rl") return;
    const y = m[metric];
    if (Number.isFinite(y)) points.push([rlOnly ? m.step : i, y]);
  });
  return downsample(points);
}

/** Accuracy of RL steps, one series per context length ("ctx 64"), in growing length. */
export function accuracyByContext(history: readonly StepMetrics[]): Series[] {
  const byContext = new Map<number, [number, number][]>();
  for (const m of history) {
    if (m.kind !== "rl") continue;
    const points = byContext.get(m.contextTokens) ?? [];
    points.push([m.step, m.accuracy]);
    byContext.set(m.contextTokens, points);
  }
  return [...byContext.entries()].sort((a, b) => a[0] - b[0]).map(([ctx, points]) => ({ label: `ctx ${ctx}`, points: downsample(points) }));
}
