// Trains the shipped tiny passkey model with the lab's own training code (src/adapters/nn/trainer.ts)
// on the evidence-passkey task (src/core/rl/tasks/evidence-passkey.ts): warm-up SFT over a length
// schedule, then DAPO steps with a context-length curriculum and retrospective sampling; then it
// measures held-out accuracy and writes public/models/passkey-tiny.folio-ckpt and
// public/models/index.json.
//
// The shipped model: the command public/models/index.json records ("reproduce"); the defaults here
// are that run's settings (4 layers, d 64, prompts up to 80 characters, 800 SFT steps at 64 then
// 2,200 at 80 with a cosine-decayed step size, 13 DAPO steps; about 40 minutes on one core).
// Flags: --seed N, --layers N, --d-model N, --max-prompt N, --stages STEPS:LEN,..., --difficulty D,
// --no-decay, --eval-every N (held-out accuracy every N SFT steps), --quick (a few steps, writes to
// bench/out/ instead), --out DIR.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultDevice, init } from "@jax-js/jax";
import { evaluateTiny } from "../src/adapters/llm/tiny-eval";
import { encodeTinyModel, TINY_LAYOUT, TINY_MODEL_KIND, type TinyModelMeta } from "../src/adapters/llm/tiny-model";
import { treeToHost } from "../src/adapters/nn/params-io";
import { createSampler } from "../src/adapters/nn/sampling";
import { Trainer, type StepMetrics } from "../src/adapters/nn/trainer";
import { parameterCount, type TransformerConfig } from "../src/adapters/nn/transformer";
import { createCharTokenizer } from "../src/core/rl/char-tokenizer";
import { resolveRunConfig } from "../src/core/rl/config";
import { deriveSeed } from "../src/core/rl/random";
import { evidencePasskeyTask, varyingLength } from "../src/core/rl/tasks/evidence-passkey";

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const QUICK = process.argv.includes("--quick");
/** This run's command as the manifest records it (the output folder left out). */
const COMMAND = ["npx tsx scripts/train-shipped-model.ts", ...process.argv.slice(2).filter((a, i, all) => a !== "--out" && all[i - 1] !== "--out")].join(" ");
const SEED = Number(arg("--seed") ?? 7);
const OUT = arg("--out") ?? (QUICK ? "bench/out/models" : "public/models");

const ID = "passkey-tiny";
/** Longest prompt (context + question line), characters; answers are "Answer: NNNNN" (13) + EOS. */
const MAX_PROMPT = Number(arg("--max-prompt") ?? 80);
const MAX_ANSWER = 16;
const DIFFICULTY = Number(arg("--difficulty") ?? 0.5);
const EVAL_EVERY = Number(arg("--eval-every") ?? 0);
const LAYERS = Number(arg("--layers") ?? 4);
const D_MODEL = Number(arg("--d-model") ?? 64);
const MODEL: TransformerConfig = { layers: LAYERS, dModel: D_MODEL, heads: 4, dFf: 4 * D_MODEL, vocab: 128, maxContext: MAX_PROMPT + 1 + MAX_ANSWER };

/** "steps:length,steps:length": warm-up SFT stages; each batch's prompts vary from 30% to 100% of the length. */
const parseStages = (text: string): [number, number][] => text.split(",").map((part) => part.split(":").map(Number) as [number, number]);
const SFT_STAGES = parseStages(arg("--stages") ?? (QUICK ? "3:64,2:80" : "800:64,2200:80"));
/** DAPO curriculum phases after warm-up. */
const RL_PHASES = [
  { contextTokens: Math.round(0.75 * MAX_PROMPT), steps: QUICK ? 1 : 5 },
  { contextTokens: MAX_PROMPT, steps: QUICK ? 1 : 8 },
];
const HELD_OUT = QUICK ? 16 : 200;

const sftSteps = SFT_STAGES.reduce((sum, [steps]) => sum + steps, 0);
const sftLength = (step: number): number => {
  let end = 0;
  for (const [steps, length] of SFT_STAGES) {
    end += steps;
    if (step < end) return length;
  }
  return MAX_PROMPT;
};

/** SFT step size: a 100-step warm-up to 3e-3, then cosine decay to 3% of it by the last step (--no-decay: 3e-3 throughout). */
const PEAK_RATE = 3e-3;
const DECAY = !process.argv.includes("--no-decay");
const sftRate = (step: number): number => {
  if (!DECAY) return PEAK_RATE;
  if (step < 100) return (PEAK_RATE * (step + 1)) / 100;
  const progress = (step - 100) / Math.max(1, sftSteps - 100);
  return PEAK_RATE * (0.03 + 0.97 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress))));
};

await init("wasm");
defaultDevice("wasm");
const started = performance.now();
const run = resolveRunConfig({
  task: "passkey",
  difficulty: DIFFICULTY,
  seed: SEED,
  warmupSftSteps: sftSteps,
  maxResponseTokens: MAX_ANSWER,
  groupSize: 8,
  promptsPerStep: 4,
  learningRate: 2e-4,
  algorithm: { name: "dapo" },
  curriculum: { phases: RL_PHASES, maxContextTokens: MAX_PROMPT },
  sampler: { retroFraction: 0.25 },
});
const trainer = new Trainer({
  run,
  model: MODEL,
  task: varyingLength(evidencePasskeyTask, 0.3),
  sftBatchSize: 16,
  sftLearningRate: sftRate,
  sftContextTokens: sftLength,
});

const minutes = (): string => ((performance.now() - started) / 60_000).toFixed(1);
const log = (m: StepMetrics): void => {
  const every = m.kind === "sft" ? 25 : 1;
  if ((m.step + 1) % every !== 0 && !QUICK) return;
  const extra = m.kind === "rl" ? ` reward ${m.rewardMean.toFixed(2)} kept ${m.keptGroups}` : "";
  process.stdout.write(`${m.kind} ${m.step + 1} ctx ${m.contextTokens} loss ${m.loss.toFixed(3)}${extra} ${m.stepMs.toFixed(0)} ms [${minutes()} min]\n`);
};

// Held-out examples: seeds from their own stream, at the longest prompt and at half of it.
const tokenizer = createCharTokenizer();
const heldOut = (length: number, count: number): ReturnType<typeof evidencePasskeyTask>[] =>
  Array.from({ length: count }, (_, i) => evidencePasskeyTask({ seed: deriveSeed(SEED, "held-out", length, i), difficulty: DIFFICULTY, contextTokens: length, tokenizer }));
const sampler = createSampler(MODEL.heads);
const evalOptions = { maxPromptTokens: MAX_PROMPT, maxAnswerTokens: MAX_ANSWER };

while (trainer.sftSteps < sftSteps) {
  log(await trainer.runSftStep());
  if (EVAL_EVERY > 0 && trainer.sftSteps % EVAL_EVERY === 0) {
    const result = await evaluateTiny(sampler, trainer.params, heldOut(MAX_PROMPT, 32), evalOptions);
    process.stdout.write(`eval after ${trainer.sftSteps} SFT steps: ${(100 * result.accuracy).toFixed(0)}% of 32, e.g. ${JSON.stringify(result.outputs.slice(0, 2))}\n`);
  }
}
await trainer.run(log);
const trainMinutes = (performance.now() - started) / 60_000;

// The headline: held-out accuracy at the longest prompt; the shortest prompt every needle and
// question fit (about what Ask hands over: the needle sentence and the question) is reported beside it.
const SHORT_PROMPT = 64;
const accuracy: Record<string, number> = {};
for (const length of new Set([MAX_PROMPT, Math.min(SHORT_PROMPT, MAX_PROMPT)])) {
  const result = await evaluateTiny(sampler, trainer.params, heldOut(length, HELD_OUT), evalOptions);
  accuracy[`prompt${length}`] = result.accuracy;
  const wrong = result.outputs.filter((_, i) => !result.correct[i]).slice(0, 3);
  process.stdout.write(`held-out accuracy at ${length} chars: ${(100 * result.accuracy).toFixed(1)}% of ${HELD_OUT}; wrong e.g. ${JSON.stringify(wrong)}\n`);
}
sampler.dispose();

const meta: TinyModelMeta = {
  kind: TINY_MODEL_KIND,
  id: ID,
  name: `Passkey tiny (char, ${LAYERS} layers)`,
  task: "Finds the pass key in a short passage (the evidence Ask hands over) and answers \"Answer: NNNNN\".",
  layout: TINY_LAYOUT,
  model: MODEL,
  maxPromptTokens: MAX_PROMPT,
  maxAnswerTokens: MAX_ANSWER,
  training: {
    seed: SEED,
    sftSteps,
    rlSteps: trainer.rlSteps,
    heldOutAccuracy: accuracy,
    heldOutExamples: HELD_OUT,
    minutes: Number(trainMinutes.toFixed(1)),
    command: COMMAND,
  },
};
const blob = encodeTinyModel(meta, await treeToHost(trainer.params, "params"));
trainer.dispose();
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, `${ID}.folio-ckpt`), new Uint8Array(blob));
const manifest = {
  models: [
    {
      id: ID,
      name: meta.name,
      file: `${ID}.folio-ckpt`,
      task: "passkey retrieval from a short passage (evidence-passkey task, 5-digit keys)",
      layout: TINY_LAYOUT,
      params: parameterCount(MODEL),
      bytes: blob.byteLength,
      context: { maxPromptChars: MAX_PROMPT, maxAnswerChars: MAX_ANSWER },
      accuracy: { headline: accuracy[`prompt${MAX_PROMPT}`], heldOut: accuracy, examples: HELD_OUT, difficulty: DIFFICULTY, decoding: "greedy, exact match" },
      reproduce: COMMAND,
      training: { sftSteps, rlSteps: run.curriculum.phases.reduce((s, p) => s + p.steps, 0), minutes: Number(trainMinutes.toFixed(1)) },
    },
  ],
};
writeFileSync(join(OUT, "index.json"), JSON.stringify(manifest, null, 2) + "\n");
process.stdout.write(`wrote ${join(OUT, `${ID}.folio-ckpt`)} (${(blob.byteLength / 1024).toFixed(0)} KiB, ${parameterCount(MODEL)} params) in ${trainMinutes.toFixed(1)} min\n`);
