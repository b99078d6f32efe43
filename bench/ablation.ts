// Ablation of the QwenLong-L1 recipe on the tiny character model (in the spirit of the paper's
// Table 4): full recipe (warm-up SFT + context curriculum + retrospective sampling + DAPO) against
// the same run without the curriculum, without retrospective sampling, and without warm-up SFT, on
// compact passkey retrieval at growing lengths, several seeds, the same number of optimiser steps.
// Prints a markdown table and writes bench/out/ablation.md. Figures only, no assertions.
//
//   npx tsx bench/ablation.ts                 (3 seeds; about 20-25 min on 2 cores)
//   npx tsx bench/ablation.ts --seeds 1 --quick
//   npx tsx bench/ablation.ts --sft 300 --rl-per-phase 20    (a larger budget per run)
import { mkdirSync, writeFileSync } from "node:fs";
import { defaultDevice, init } from "@jax-js/jax";
import { evaluateTiny } from "../src/adapters/llm/tiny-eval";
import { createSampler } from "../src/adapters/nn/sampling";
import { Trainer, type StepMetrics } from "../src/adapters/nn/trainer";
import type { TransformerConfig } from "../src/adapters/nn/transformer";
import { createCharTokenizer } from "../src/core/rl/char-tokenizer";
import { resolveRunConfig, type RlRunConfigInput } from "../src/core/rl/config";
import { deriveSeed } from "../src/core/rl/random";
import { compactPasskeyTask } from "../src/core/rl/tasks/compact-passkey";
import { summarise, type RunFigures, ablationTable } from "./ablation-stats";

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const QUICK = process.argv.includes("--quick");
const SEEDS = Number(arg("--seeds") ?? 3);

/** Compact passkey at difficulty 0: 2-digit codes, no distractors (what this budget can learn at all). */
const DIFFICULTY = 0;
const LENGTHS = [16, 24, 32] as const;
const LONGEST = LENGTHS[LENGTHS.length - 1] as number;
const SFT_STEPS = Number(arg("--sft") ?? (QUICK ? 4 : 100));
const RL_STEPS_PER_PHASE = Number(arg("--rl-per-phase") ?? (QUICK ? 2 : 10));
const RL_STEPS = RL_STEPS_PER_PHASE * LENGTHS.length;
const LAST_N = QUICK ? 2 : 8;
const HELD_OUT = QUICK ? 16 : 128;
const MAX_ANSWER = 12;
const MODEL: TransformerConfig = { layers: 2, dModel: 64, heads: 4, dFf: 256, vocab: 128, maxContext: LONGEST + 1 + MAX_ANSWER };

interface Variant {
  name: string;
  /** What differs from the full recipe. */
  change: string;
  config: (seed: number) => RlRunConfigInput;
}

const base = (seed: number): RlRunConfigInput => ({
  task: "passkey",
  difficulty: DIFFICULTY,
  seed,
  warmupSftSteps: SFT_STEPS,
  maxResponseTokens: MAX_ANSWER,
  groupSize: 8,
  promptsPerStep: 2,
  learningRate: 1e-3,
  algorithm: { name: "dapo" },
  curriculum: { enabled: true, phases: LENGTHS.map((contextTokens) => ({ contextTokens, steps: RL_STEPS_PER_PHASE })), maxContextTokens: LONGEST },
  sampler: { enabled: true, retroFraction: 0.25 },
});

// Same budget in optimiser steps: SFT_STEPS + RL_STEPS for every variant (no SFT: all RL).
const VARIANTS: Variant[] = [
  { name: "full recipe", change: "SFT warm-up + curriculum + retrospective + DAPO", config: base },
  {
    name: "no curriculum",
    change: `every step at ${LONGEST} tokens (warm-up too)`,
    config: (seed) => ({ ...base(seed), curriculum: { ...base(seed).curriculum, enabled: false } }),
  },
  { name: "no retrospective", change: "fresh examples only", config: (seed) => ({ ...base(seed), sampler: { enabled: false } }) },
  {
    name: "no SFT warm-up",
    change: `RL from scratch, ${SFT_STEPS} more RL steps`,
    config: (seed) => ({
      ...base(seed),
      warmupSftSteps: 0,
      curriculum: {
        enabled: true,
        phases: LENGTHS.map((contextTokens, i) => ({ contextTokens, steps: RL_STEPS_PER_PHASE + (i === 0 ? SFT_STEPS : 0) })),
        maxContextTokens: LONGEST,
      },
    }),
  },
];

async function runOne(variant: Variant, seed: number): Promise<RunFigures> {
  const run = resolveRunConfig(variant.config(seed));
  const trainer = new Trainer({ run, model: MODEL, task: compactPasskeyTask, sftBatchSize: 16, sftLearningRate: 5e-3, refillRounds: 0 });
  const rewards: number[] = [];
  const started = performance.now();
  await trainer.run((m: StepMetrics) => {
    if (m.kind === "rl") rewards.push(m.rewardMean);
  });
  const tokenizer = createCharTokenizer();
  const examples = Array.from({ length: HELD_OUT }, (_, i) =>
    compactPasskeyTask({ seed: deriveSeed(seed, "ablation-held-out", i), difficulty: DIFFICULTY, contextTokens: LONGEST, tokenizer }),
  );
  const sampler = createSampler(MODEL.heads);
  const result = await evaluateTiny(sampler, trainer.params, examples, { maxPromptTokens: LONGEST, maxAnswerTokens: MAX_ANSWER });
  sampler.dispose();
  trainer.dispose();
  const minutes = (performance.now() - started) / 60_000;
  process.stdout.write(`${variant.name}, seed ${seed}: accuracy ${(100 * result.accuracy).toFixed(1)}%, ${rewards.length} RL steps, ${minutes.toFixed(1)} min\n`);
  return { accuracy: result.accuracy, rewards, minutes };
}

await init("wasm");
defaultDevice("wasm");
const started = performance.now();
const rows = [];
for (const variant of VARIANTS) {
  const runs: RunFigures[] = [];
  for (let seed = 0; seed < SEEDS; seed++) runs.push(await runOne(variant, seed));
  rows.push({ variant: variant.name, change: variant.change, ...summarise(runs, LAST_N) });
}
const minutes = (performance.now() - started) / 60_000;
const header =
  `# Ablation: QwenLong-L1 recipe on the tiny char model\n\n` +
  `Task: compact passkey (difficulty ${DIFFICULTY}: 2-digit code, no distractor) at ${LENGTHS.join(" / ")} tokens. ` +
  `Model: ${MODEL.layers} layers, d ${MODEL.dModel}, ${MODEL.heads} heads, jax-js wasm. Budget per run: ${SFT_STEPS + RL_STEPS} optimiser steps ` +
  `(${SFT_STEPS} SFT x 16 rows + ${RL_STEPS} DAPO x 2 prompts x 8 answers, no refill rounds; no SFT: ${SFT_STEPS + RL_STEPS} DAPO). ` +
  `Seeds 0-${SEEDS - 1}, mean ± sample std over seeds. Accuracy: greedy exact match on ${HELD_OUT} held-out prompts at ${LONGEST} tokens. ` +
  `Reward: mean task reward of sampled answers (T = 1); last ${LAST_N} = mean over the last ${LAST_N} RL steps; AUC = mean over all RL steps (area under the reward curve / steps). ` +
  `Total ${minutes.toFixed(1)} min.\n\n`;
const markdown = header + ablationTable(rows) + "\n";
process.stdout.write("\n" + markdown);
mkdirSync("bench/out", { recursive: true });
writeFileSync("bench/out/ablation.md", markdown);
