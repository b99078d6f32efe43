// The RL lab's training loop on the jax-js transformer: warm-up SFT on worked solutions, then
// GRPO/DAPO steps (curriculum phase -> context length, retrospective sampling, G answers per
// prompt, rewards, group advantages, dynamic sampling, overlong penalty). Metrics go to a
// callback per step; a TrainingControl pauses, resumes or stops between steps.
import { numpy as np, tree } from "@jax-js/jax";
import { BOS_ID, createCharTokenizer, EOS_ID, PAD_ID, type CharTokenizer } from "../../core/rl/char-tokenizer";
import { advantageOptions, policyLossOptions, type RlRunConfig } from "../../core/rl/config";
import { phaseAtStep, resolvePhases, totalSteps, type CurriculumPhase } from "../../core/rl/curriculum";
import { createRng, deriveSeed } from "../../core/rl/random";
import { RetroSampler, type FreshExample } from "../../core/rl/retro-sampler";
import { packRows, scoreGroups, type PackedRows, type PackRow } from "../../core/rl/rl-batch";
import { exampleId, getTask } from "../../core/rl/tasks/registry";
import type { TaskExample, TaskGenerator } from "../../core/rl/tasks/types";
import { adamInit, adamStepSize, DEFAULT_ADAM, type AdamConfig } from "./adam";
import { createSampler, type Sampler } from "./sampling";
import { makeLogprobsFn, makePolicyStep, makeSftStep, type OptState, type PolicyStep, type SequenceBatch, type SftStep } from "./train-step";
import { TrainingControl } from "./training-control";
import { initParams, validateTransformerConfig, type TransformerConfig, type TransformerParams } from "./transformer";

export interface TrainerOptions {
  run: RlRunConfig;
  model: TransformerConfig;
  /** Default: the registry task named by run.task. */
  task?: TaskGenerator;
  /** Sampling temperature for RL answers (the policy step divides logits by it too). Default 1. */
  temperature?: number;
  topP?: number;
  /** Rows per SFT step. Default 16. */
  sftBatchSize?: number;
  /** Adam step size during warm-up SFT, or a schedule over SFT steps (0-based). Default run.learningRate. */
  sftLearningRate?: number | ((sftStep: number) => number);
  /** Prompt length of warm-up SFT examples, in tokens, or a schedule over SFT steps (0-based). Default the first curriculum phase's. */
  sftContextTokens?: number | ((sftStep: number) => number);
  adam?: AdamConfig;
  /** DAPO: extra sampling rounds to refill groups the filter dropped. Default 2. */
  refillRounds?: number;
  /** Receives each RL step's first-round answers with their task rewards (the Lab's rollout table). */
  onRollouts?: (rollouts: SampledRollout[]) => void;
}

/** One sampled answer of an RL step and its task reward. */
export interface SampledRollout {
  step: number;
  example: TaskExample;
  output: string;
  reward: number;
}

/** One step's figures; tokensPerSecond counts every position computed (rows x length, sampling included). */
export interface StepMetrics {
  step: number;
  kind: "sft" | "rl";
  phase: number;
  contextTokens: number;
  loss: number;
  entropy: number;
  gradNorm: number;
  /** RL only (0 in SFT): mean task reward of the sampled answers, fraction solved, mean answer tokens. */
  rewardMean: number;
  accuracy: number;
  answerLength: number;
  clipFraction: number;
  kl: number;
  /** Groups that went into the policy step (after the dynamic-sampling filter). */
  keptGroups: number;
  stepMs: number;
  tokensPerSecond: number;
}

/** What a checkpoint's header holds besides tensors. */
export interface TrainerMeta {
  run: RlRunConfig;
  model: TransformerConfig;
  sftSteps: number;
  rlSteps: number;
  adamSteps: number;
  history: StepMetrics[];
  retro: ReturnType<RetroSampler<TaskExample>["snapshot"]>;
}

type Stats = Record<string, np.Array>;

async function readStats(stats: Stats): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(stats)) out[key] = (await value.data())[0] as number;
  return out;
}

function toBatch(p: PackedRows): SequenceBatch {
  const shape = [p.rows, p.length];
  return {
    tokens: np.array(p.tokens, { dtype: np.int32 }).reshape(shape),
    targets: np.array(p.targets, { dtype: np.int32 }).reshape(shape),
    mask: np.array(p.mask).reshape(shape),
    starts: np.array(p.starts, { dtype: np.int32 }),
  };
}

export class Trainer {
  readonly tokenizer: CharTokenizer = createCharTokenizer();
  readonly phases: CurriculumPhase[];
  readonly history: StepMetrics[] = [];
  params: TransformerParams;
  sftSteps = 0;
  rlSteps = 0;
  private opt: OptState;
  private adamSteps = 0;
  private refParams: TransformerParams | null = null;
  private readonly task: TaskGenerator;
  private readonly retro: RetroSampler<TaskExample>;
  private readonly sampler: Sampler;
  private readonly sftStep: SftStep;
  private readonly policyStep: PolicyStep;
  private readonly logprobsFn: ReturnType<typeof makeLogprobsFn>;
  private readonly adam: AdamConfig;

  constructor(
    readonly options: TrainerOptions,
    restored?: { params: TransformerParams; opt: OptState; meta: TrainerMeta; refParams: TransformerParams | null },
  ) {
    const { run, model } = options;
    validateTransformerConfig(model);
    if (model.vocab < this.tokenizer.vocabSize) throw new RangeError(`model.vocab ${model.vocab} is below the tokenizer's ${this.tokenizer.vocabSize}.`);
    this.task = options.task ?? getTask(run.task);
    this.phases = resolvePhases(run.curriculum);
    this.adam = options.adam ?? DEFAULT_ADAM;
    this.params = restored?.params ?? initParams(model, run.seed);
    this.opt = restored?.opt ?? adamInit(this.params);
    this.refParams = restored?.refParams ?? null;
    this.retro = new RetroSampler(run.sampler, restored?.meta.retro ?? []);
    if (restored) {
      this.sftSteps = restored.meta.sftSteps;
      this.rlSteps = restored.meta.rlSteps;
      this.adamSteps = restored.meta.adamSteps;
      this.history.push(...restored.meta.history);
    }
    this.sampler = createSampler(model.heads);
    this.sftStep = makeSftStep(model.heads, this.adam);
    this.policyStep = makePolicyStep(model.heads, policyLossOptions(run.algorithm), this.adam);
    this.logprobsFn = makeLogprobsFn(model.heads);
  }

  get totalRlSteps(): number {
    return totalSteps(this.phases);
  }

  get done(): boolean {
    return this.sftSteps >= this.options.run.warmupSftSteps && this.rlSteps >= this.totalRlSteps;
  }

  /** Generates an example fitted to contextTokens of the model's tokenizer. */
  example(seed: number, contextTokens: number): TaskExample {
    return this.task({ seed, difficulty: this.options.run.difficulty, contextTokens, tokenizer: this.tokenizer });
  }

  /** BOS + prompt tokens. */
  promptIds(example: TaskExample): number[] {
    return [BOS_ID, ...this.tokenizer.encode(example.prompt)];
  }

  /** Runs the remaining SFT then RL steps, reporting each; resolves "stopped" if the control stopped it. */
  async run(onMetrics: (m: StepMetrics) => void, control = new TrainingControl()): Promise<"done" | "stopped"> {
    for (;;) {
      if (!(await control.proceed())) return "stopped";
      if (this.done) return "done";
      const metrics = this.sftSteps < this.options.run.warmupSftSteps ? await this.runSftStep() : await this.runRlStep();
      onMetrics(metrics);
    }
  }

  private nextStepSize(learningRate: number): np.Array {
    this.adamSteps++;
    return np.array(adamStepSize(learningRate, this.adamSteps, this.adam));
  }

  /** One supervised step on worked solutions at the first phase's context length. */
  async runSftStep(): Promise<StepMetrics> {
    const started = performance.now();
    const { run } = this.options;
    const rows = this.options.sftBatchSize ?? 16;
    const schedule = this.options.sftContextTokens;
    const contextTokens = typeof schedule === "function" ? schedule(this.sftSteps) : (schedule ?? (this.phases[0] as CurriculumPhase).contextTokens);
    const packRowsIn: PackRow[] = [];
    for (let i = 0; i < rows; i++) {
      const ex = this.example(deriveSeed(run.seed, "sft", this.sftSteps, i), contextTokens);
      const response = [...this.tokenizer.encode(ex.solution), EOS_ID];
      if (response.length > run.maxResponseTokens) throw new RangeError(`a worked solution takes ${response.length} tokens; maxResponseTokens is ${run.maxResponseTokens}.`);
      packRowsIn.push({ prompt: this.promptIds(ex), response });
    }
    const promptLength = contextTokens + 1;
    const packed = packRows(packRowsIn, rows, promptLength, promptLength + run.maxResponseTokens, PAD_ID);
    const rate = this.options.sftLearningRate ?? run.learningRate;
    const stepSize = this.nextStepSize(typeof rate === "function" ? rate(this.sftSteps) : rate);
    const out = this.sftStep(this.params, this.opt, toBatch(packed), stepSize);
    this.params = out.params;
    this.opt = out.opt;
    const s = await readStats(out.stats);
    const stepMs = performance.now() - started;
    const metrics: StepMetrics = {
      step: this.sftSteps++,
      kind: "sft",
      phase: 0,
      contextTokens,
      loss: s.loss as number,
      entropy: s.entropy as number,
      gradNorm: s.gradNorm as number,
      rewardMean: 0,
      accuracy: 0,
      answerLength: 0,
      clipFraction: 0,
      kl: 0,
      keptGroups: 0,
      stepMs,
      tokensPerSecond: (rows * packed.length * 1000) / stepMs,
    };
    this.history.push(metrics);
    return metrics;
  }

  /** One GRPO/DAPO step: sample, score, filter, update. */
  async runRlStep(): Promise<StepMetrics> {
    const started = performance.now();
    const { run } = this.options;
    if (this.rlSteps === 0 && this.adamSteps > 0) {
      tree.dispose(this.opt); // RL starts with fresh moments
      this.opt = adamInit(this.params);
      this.adamSteps = 0;
    }
    if (run.algorithm.klCoef > 0 && !this.refParams) this.refParams = tree.ref(this.params);
    const at = phaseAtStep(this.phases, Math.min(this.rlSteps, this.totalRlSteps - 1));
    const G = run.groupSize;
    const promptLength = at.contextTokens + 1;
    const length = promptLength + run.maxResponseTokens;
    const temperature = this.options.temperature ?? 1;
    const dynamic = run.algorithm.name === "dapo" && run.algorithm.dynamicSampling;
    const overlong =
      run.algorithm.name === "dapo" && run.algorithm.overlongCacheTokens > 0
        ? { maxTokens: run.maxResponseTokens, cacheTokens: run.algorithm.overlongCacheTokens }
        : null;
    const rng = createRng(deriveSeed(run.seed, "rl-mix", this.rlSteps));
    const kept: PackRow[] = [];
    const advantages: number[] = [];
    let first: { rewardMean: number; accuracy: number; answerLength: number; entropy: number } | null = null;
    let positions = 0;
    const rounds = dynamic ? 1 + (this.options.refillRounds ?? 2) : 1;
    for (let round = 0; round < rounds && kept.length < run.promptsPerStep * G; round++) {
      const fresh: FreshExample<TaskExample>[] = Array.from({ length: run.promptsPerStep }, (_, i) => {
        const ex = this.example(deriveSeed(run.seed, "rl", this.rlSteps, round, i), at.contextTokens);
        return { id: exampleId(ex), example: ex };
      });
      const batch = round === 0 ? this.retro.mixBatch(fresh, run.promptsPerStep, at.phase, rng) : fresh;
      const prompts = batch.flatMap((item) => Array.from({ length: G }, () => this.promptIds(item.example)));
      const sampled = await this.sampler.sample(this.params, prompts, {
        maxNewTokens: run.maxResponseTokens,
        temperature,
        topP: this.options.topP,
        seed: deriveSeed(run.seed, "sample", this.rlSteps, round),
        eosId: EOS_ID,
        padId: PAD_ID,
        padPromptTo: promptLength,
      });
      positions += prompts.length * (promptLength + sampled.steps);
      const outputs = sampled.tokens.map((t) => this.tokenizer.decode(t));
      const lengths = sampled.tokens.map((t) => t.length);
      const scored = scoreGroups(outputs, lengths, batch.map((item) => item.example.answer), {
        groupSize: G,
        reward: run.reward,
        advantage: advantageOptions(run.algorithm),
        overlong,
        dynamicSampling: dynamic,
      });
      batch.forEach((item, g) => this.retro.record(item.id, item.example, scored.groupMeans[g] as number, at.phase));
      if (!first) {
        const step = this.rlSteps;
        this.options.onRollouts?.(outputs.map((output, r) => ({ step, example: (batch[Math.floor(r / G)] as (typeof batch)[number]).example, output, reward: scored.taskRewards[r] as number })));
        const n = outputs.length;
        let entropySum = 0;
        let entropyCount = 0;
        for (const e of sampled.entropy) {
          for (const v of e) entropySum += v;
          entropyCount += e.length;
        }
        first = {
          rewardMean: scored.taskRewards.reduce((a, b) => a + b, 0) / n,
          accuracy: scored.taskRewards.filter((r) => r >= 1).length / n,
          answerLength: lengths.reduce((a, b) => a + b, 0) / n,
          entropy: entropyCount > 0 ? entropySum / entropyCount : 0,
        };
      }
      for (const g of scored.keep) {
        if (kept.length >= run.promptsPerStep * G) break;
        for (let j = 0; j < G; j++) {
          const r = g * G + j;
          kept.push({ prompt: prompts[r] as number[], response: sampled.tokens[r] as number[], responseLogprobs: sampled.logprobs[r] as Float32Array });
          advantages.push(scored.advantages[r] as number);
        }
      }
    }
    const summary = first as NonNullable<typeof first>;
    const metrics: StepMetrics = {
      step: this.rlSteps++,
      kind: "rl",
      phase: at.phase,
      contextTokens: at.contextTokens,
      ...summary,
      loss: 0,
      gradNorm: 0,
      clipFraction: 0,
      kl: 0,
      keptGroups: kept.length / G,
      stepMs: 0,
      tokensPerSecond: 0,
    };
    if (kept.length > 0) {
      const rows = run.promptsPerStep * G;
      const packed = packRows(kept, rows, promptLength, length, PAD_ID);
      const adv = new Float32Array(rows);
      adv.set(advantages);
      const temp = np.array(temperature > 0 ? temperature : 1);
      const base = toBatch(packed);
      const refLogprobs = this.refParams
        ? this.logprobsFn(tree.ref(this.refParams), tree.ref(base), temp.ref)
        : np.zeros([rows, length]);
      const batch = { ...base, oldLogprobs: np.array(packed.oldLogprobs).reshape([rows, length]), refLogprobs, advantages: np.array(adv), temperature: temp };
      const out = this.policyStep(this.params, this.opt, batch, this.nextStepSize(run.learningRate));
      this.params = out.params;
      this.opt = out.opt;
      const s = await readStats(out.stats);
      Object.assign(metrics, { loss: s.loss, entropy: s.entropy, gradNorm: s.gradNorm, clipFraction: s.clipFraction, kl: s.kl });
      positions += rows * length;
    }
    metrics.stepMs = performance.now() - started;
    metrics.tokensPerSecond = (positions * 1000) / metrics.stepMs;
    this.history.push(metrics);
    return metrics;
  }

  /** Greedy exact-match accuracy on `count` held-out examples at contextTokens (seeds not used in training). */
  async evaluate(count: number, contextTokens: number): Promise<{ accuracy: number; outputs: string[] }> {
    const examples = Array.from({ length: count }, (_, i) => this.example(deriveSeed(this.options.run.seed, "eval", i), contextTokens));
    const sampled = await this.sampler.sample(
      this.params,
      examples.map((ex) => this.promptIds(ex)),
      { maxNewTokens: this.options.run.maxResponseTokens, temperature: 0, seed: 0, eosId: EOS_ID, padId: PAD_ID, padPromptTo: contextTokens + 1 },
    );
    const outputs = sampled.tokens.map((t) => this.tokenizer.decode(t));
    const scored = scoreGroups(outputs, outputs.map(() => 0), examples.map((ex) => ex.answer), {
      groupSize: 1,
      reward: this.options.run.reward,
      advantage: advantageOptions(this.options.run.algorithm),
      overlong: null,
      dynamicSampling: false,
    });
    return { accuracy: scored.taskRewards.filter((r) => r >= 1).length / count, outputs };
  }

  /** Plain data for a checkpoint (tensors are read separately; see trainer-checkpoint.ts). */
  meta(): TrainerMeta {
    return {
      run: this.options.run,
      model: this.options.model,
      sftSteps: this.sftSteps,
      rlSteps: this.rlSteps,
      adamSteps: this.adamSteps,
      history: this.history.slice(),
      retro: this.retro.snapshot(),
    };
  }

  /** The arrays a checkpoint stores (not consumed). */
  arrays(): { params: TransformerParams; opt: OptState; refParams: TransformerParams | null } {
    return { params: this.params, opt: this.opt, refParams: this.refParams };
  }

  dispose(): void {
    tree.dispose(this.params);
    tree.dispose(this.opt);
    if (this.refParams) tree.dispose(this.refParams);
    this.sampler.dispose();
    this.sftStep.dispose();
    this.policyStep.dispose();
    this.logprobsFn.dispose();
  }
}
