// Figures of the recipe ablation (bench/ablation.ts): per-run reward curve summaries, mean and
// sample standard deviation over seeds, and the markdown table. Pure.

/** One training run's outcome. */
export interface RunFigures {
  /** Greedy held-out accuracy at the longest length, [0, 1]. */
  accuracy: number;
  /** Mean task reward of each RL step's sampled answers, in step order. */
  rewards: number[];
  minutes: number;
}

export interface MeanStd {
  mean: number;
  /** Sample standard deviation (n - 1); 0 for a single value. */
  std: number;
  n: number;
}

export function meanStd(values: readonly number[]): MeanStd {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, std: Math.sqrt(variance), n };
}

/** Mean of the last `n` rewards (all of them when fewer). */
export function lastMean(rewards: readonly number[], n: number): number {
  const tail = rewards.slice(-n);
  return tail.length === 0 ? 0 : tail.reduce((a, b) => a + b, 0) / tail.length;
}

/** Area under the reward curve by the trapezoid rule, divided by its width: a mean in [0, 1]. */
export function normalisedAuc(rewards: readonly number[]): number {
  if (rewards.length === 0) return 0;
  if (rewards.length === 1) return rewards[0] as number;
  let area = 0;
  for (let i = 1; i < rewards.length; i++) area += ((rewards[i - 1] as number) + (rewards[i] as number)) / 2;
  return area / (rewards.length - 1);
}

export interface VariantSummary {
  accuracy: MeanStd;
  lastReward: MeanStd;
  auc: MeanStd;
  minutes: number;
  /** Per-seed accuracies, for the table. */
  perSeed: number[];
}

export function summarise(runs: readonly RunFigures[], lastN: number): VariantSummary {
  return {
    accuracy: meanStd(runs.map((r) => r.accuracy)),
    lastReward: meanStd(runs.map((r) => lastMean(r.rewards, lastN))),
    auc: meanStd(runs.map((r) => normalisedAuc(r.rewards))),
    minutes: runs.reduce((a, r) => a + r.minutes, 0),
    perSeed: runs.map((r) => r.accuracy),
  };
}

const pct = (m: MeanStd): string => `${(100 * m.mean).toFixed(1)} ± ${(100 * m.std).toFixed(1)}`;
const num = (m: MeanStd): string => `${m.mean.toFixed(3)} ± ${m.std.toFixed(3)}`;

/** The markdown table: one row per variant. */
export function ablationTable(rows: readonly ({ variant: string; change: string } & VariantSummary)[]): string {
  const lines = [
    "| variant | what changes | accuracy at longest, % | per seed, % | reward, last N steps | reward AUC | minutes |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.variant} | ${r.change} | ${pct(r.accuracy)} | ${r.perSeed.map((a) => (100 * a).toFixed(0)).join(" / ")} | ${num(r.lastReward)} | ${num(r.auc)} | ${r.minutes.toFixed(1)} |`,
    );
  }
  return lines.join("\n");
}
