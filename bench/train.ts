// Training throughput of the lab transformer on jax-js wasm in Node: SFT steps and GRPO steps
// (sampling with the KV cache included) for two model sizes. Figures only, no assertions.
// Flags: --steps N (timed steps per measurement, default 5), --context N (prompt tokens, default 64).
import { defaultDevice, init } from "@jax-js/jax";
import { Trainer, type StepMetrics } from "../src/adapters/nn/trainer";
import { parameterCount, type TransformerConfig } from "../src/adapters/nn/transformer";
import { MODEL_SIZES, resolveRunConfig } from "../src/core/rl/config";
import { compactPasskeyTask } from "../src/core/rl/tasks/compact-passkey";
import { table } from "./bench-stats";

const value = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const STEPS = Number(value("--steps") ?? 5);
const CONTEXT = Number(value("--context") ?? 64);
const ANSWER = 32;
const SFT_BATCH = 8;
const GROUPS = 2;
const GROUP_SIZE = 8;

const MODELS: { name: string; config: TransformerConfig }[] = [
  { name: "d64x2", config: { layers: 2, dModel: 64, heads: 4, dFf: 256, vocab: 128, maxContext: 256 } },
  { name: "tiny", config: { ...MODEL_SIZES.tiny, dFf: 4 * MODEL_SIZES.tiny.dModel, vocab: 128, maxContext: 256 } },
];

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function measure(step: () => Promise<StepMetrics>): Promise<{ ms: number; tokensPerSecond: number }> {
  await step(); // first call traces and compiles
  const runs: StepMetrics[] = [];
  for (let i = 0; i < STEPS; i++) runs.push(await step());
  return { ms: median(runs.map((m) => m.stepMs)), tokensPerSecond: median(runs.map((m) => m.tokensPerSecond)) };
}

await init("wasm");
defaultDevice("wasm");
const rows: string[][] = [];
for (const { name, config } of MODELS) {
  const run = resolveRunConfig({
    difficulty: 0.5,
    warmupSftSteps: 0,
    maxResponseTokens: ANSWER,
    groupSize: GROUP_SIZE,
    promptsPerStep: GROUPS,
    algorithm: { name: "grpo", klCoef: 0 },
    curriculum: { phases: [{ contextTokens: CONTEXT, steps: 1000 }], maxContextTokens: 1024 },
  });
  const trainer = new Trainer({ run, model: config, task: compactPasskeyTask, sftBatchSize: SFT_BATCH, sftLearningRate: 1e-3 });
  const sft = await measure(() => trainer.runSftStep());
  const grpo = await measure(() => trainer.runRlStep());
  trainer.dispose();
  const seq = CONTEXT + 1 + ANSWER;
  rows.push([
    name,
    `${(parameterCount(config) / 1000).toFixed(0)}k`,
    `${SFT_BATCH}x${seq}`,
    sft.ms.toFixed(0),
    (1000 / sft.ms).toFixed(2),
    sft.tokensPerSecond.toFixed(0),
    `${GROUPS * GROUP_SIZE}x${seq}`,
    grpo.ms.toFixed(0),
    (1000 / grpo.ms).toFixed(2),
    grpo.tokensPerSecond.toFixed(0),
  ]);
}
process.stdout.write(
  `jax-js wasm, Node ${process.version}; median of ${STEPS} steps after a warm-up step; GRPO includes sampling ${ANSWER} new tokens (untrained models rarely stop early).\n` +
    "tok/s counts every position computed: rows x sequence for SFT; sampled prompt + answer positions plus the policy step's rows x sequence for GRPO.\n\n",
);
process.stdout.write(
  table(["model", "params", "SFT batch", "SFT ms", "SFT steps/s", "SFT tok/s", "GRPO batch", "GRPO ms", "GRPO steps/s", "GRPO tok/s"], rows) + "\n",
);
