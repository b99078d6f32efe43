// The one typed config of an RL lab run: documented defaults applied once (resolveRunConfig),
// validated once, errors naming the bad field. Also maps the algorithm to the loss and advantage options.
import { DEFAULT_ADVANTAGE_OPTIONS, type AdvantageOptions } from "./advantages";
import { validateCurriculum, type CurriculumConfig } from "./curriculum";
import { lookupByName, requireIntegerInRange, requireNumberInRange, RlConfigError } from "./errors";
import type { LossAggregation, PolicyLossOptions } from "./losses";
import { resolveRetroSamplerOptions, type RetroSamplerOptions } from "./retro-sampler";
import { resolveRewardConfig, rewardConfigFor, type RewardConfig } from "./rewards";
import { getTask, TASK_REWARDS } from "./tasks/registry";
import type { TaskName } from "./tasks/types";

export type ModelSize = "tiny" | "small" | "medium";

/** Decoder-only transformer shapes per size; "tiny" is the 476k-parameter model measured with jax-js. */
export const MODEL_SIZES: { readonly [K in ModelSize]: { layers: number; dModel: number; heads: number } } = {
  tiny: { layers: 2, dModel: 128, heads: 4 },
  small: { layers: 4, dModel: 256, heads: 4 },
  medium: { layers: 6, dModel: 384, heads: 6 },
};

/** GRPO (DeepSeekMath): symmetric clip, k3 KL to the reference, sequence-level mean, std-scaled advantages. */
export interface GrpoConfig {
  name: "grpo";
  /** Clip range: ratio kept in [1 - clipEps, 1 + clipEps]. Default 0.2. */
  clipEps: number;
  /** k3 KL coefficient. Default 0.04 (the DeepSeekMath value); 0 skips the reference model. */
  klCoef: number;
  /** false gives Dr. GRPO advantages (no division by the group std). Default true. */
  scaleByStd: boolean;
  /** Default "sequence-mean". */
  aggregation: LossAggregation;
}

/** DAPO: clip-higher, no KL, token-level mean, dynamic sampling and the soft overlong penalty. */
export interface DapoConfig {
  name: "dapo";
  /** Default 0.2. */
  epsLow: number;
  /** Default 0.28 (clip-higher). */
  epsHigh: number;
  /** Default 0. */
  klCoef: number;
  /** Default true. */
  scaleByStd: boolean;
  /** Default "token-mean". */
  aggregation: LossAggregation;
  /** Drop groups whose rewards are all equal, and sample more to refill. Default true. */
  dynamicSampling: boolean;
  /** Soft zone (L_cache) before maxResponseTokens, in tokens; 0 switches the penalty off. Default a quarter of maxResponseTokens. */
  overlongCacheTokens: number;
}

export type AlgorithmConfig = GrpoConfig | DapoConfig;
export type AlgorithmName = AlgorithmConfig["name"];

export interface RlRunConfig {
  /** Default "passkey". */
  task: TaskName;
  /** Task difficulty in [0, 1]. Default 0.5. */
  difficulty: number;
  /** Default "tiny". */
  modelSize: ModelSize;
  /** Default GRPO with its defaults. */
  algorithm: AlgorithmConfig;
  /** Answers sampled per prompt. Default 8. */
  groupSize: number;
  /** Prompts (groups) per optimiser step. Default 4. */
  promptsPerStep: number;
  /** Adam step size. Default 1e-4 (tiny models; billion-parameter runs use about 1e-6). */
  learningRate: number;
  /** Supervised steps on worked solutions before RL; 0 skips warm-up. Default 200. */
  warmupSftSteps: number;
  /** Longest sampled answer, tokens. Default 128. */
  maxResponseTokens: number;
  /** Seeds task generation, sampling and initialisation. Default 0. */
  seed: number;
  /** Default three phases, 256 / 512 / 1024 input tokens, 150 steps each. */
  curriculum: CurriculumConfig;
  /** Default: on, 25% retrospective examples. */
  sampler: RetroSamplerOptions;
  /** Default: the task's own reward alone. */
  reward: RewardConfig;
}

type AlgorithmInput =
  | ({ name?: "grpo" } & Partial<Omit<GrpoConfig, "name">>)
  | ({ name: "dapo" } & Partial<Omit<DapoConfig, "name">>);

/** What a caller may pass: any field left out takes its default. */
export type RlRunConfigInput = Partial<Omit<RlRunConfig, "algorithm" | "curriculum" | "sampler" | "reward">> & {
  algorithm?: AlgorithmInput;
  curriculum?: Partial<CurriculumConfig>;
  sampler?: Partial<RetroSamplerOptions>;
  reward?: Partial<RewardConfig>;
};

const DEFAULTS = {
  task: "passkey",
  difficulty: 0.5,
  modelSize: "tiny",
  groupSize: 8,
  promptsPerStep: 4,
  learningRate: 1e-4,
  warmupSftSteps: 200,
  maxResponseTokens: 128,
  seed: 0,
} as const satisfies Partial<RlRunConfig>;

const DEFAULT_CURRICULUM: CurriculumConfig = {
  enabled: true,
  phases: [
    { contextTokens: 256, steps: 150 },
    { contextTokens: 512, steps: 150 },
    { contextTokens: 1024, steps: 150 },
  ],
  maxContextTokens: 1024,
};

const KNOWN_FIELDS = new Set([...Object.keys(DEFAULTS), "algorithm", "curriculum", "sampler", "reward"]);
const AGGREGATIONS: Readonly<Record<LossAggregation, true>> = { "token-mean": true, "sequence-mean": true };
const ALGORITHM_FIELDS: Readonly<Record<AlgorithmName, readonly string[]>> = {
  grpo: ["name", "clipEps", "klCoef", "scaleByStd", "aggregation"],
  dapo: ["name", "epsLow", "epsHigh", "klCoef", "scaleByStd", "aggregation", "dynamicSampling", "overlongCacheTokens"],
};

function requireBoolean(field: string, value: unknown): void {
  if (typeof value !== "boolean") throw new RlConfigError(field, `expected true or false, got ${String(value)}.`);
}

function resolveAlgorithm(input: AlgorithmInput, maxResponseTokens: number): AlgorithmConfig {
  const name = input.name ?? "grpo";
  const fields = lookupByName("algorithm.name", ALGORITHM_FIELDS, name);
  for (const key of Object.keys(input)) {
    if (!fields.includes(key)) throw new RlConfigError(`algorithm.${key}`, `is not a setting of ${name}; valid: ${fields.join(", ")}.`);
  }
  const algorithm: AlgorithmConfig =
    input.name === "dapo"
      ? {
          epsLow: 0.2,
          epsHigh: 0.28,
          klCoef: 0,
          scaleByStd: true,
          aggregation: "token-mean",
          dynamicSampling: true,
          overlongCacheTokens: Math.floor(maxResponseTokens / 4),
          ...input,
          name: "dapo",
        }
      : { clipEps: 0.2, klCoef: 0.04, scaleByStd: true, aggregation: "sequence-mean", ...input, name: "grpo" };
  requireNumberInRange("algorithm.klCoef", algorithm.klCoef, 0, 100);
  requireBoolean("algorithm.scaleByStd", algorithm.scaleByStd);
  lookupByName("algorithm.aggregation", AGGREGATIONS, algorithm.aggregation);
  if (algorithm.name === "grpo") {
    requireNumberInRange("algorithm.clipEps", algorithm.clipEps, 0, 1);
  } else {
    requireNumberInRange("algorithm.epsLow", algorithm.epsLow, 0, 1);
    requireNumberInRange("algorithm.epsHigh", algorithm.epsHigh, 0, 10);
    requireBoolean("algorithm.dynamicSampling", algorithm.dynamicSampling);
    requireIntegerInRange("algorithm.overlongCacheTokens", algorithm.overlongCacheTokens, 0, maxResponseTokens - 1);
  }
  return algorithm;
}

/** Defaults applied once, then every field validated; throws an RlConfigError naming the first bad field. */
export function resolveRunConfig(input: RlRunConfigInput = {}): RlRunConfig {
  for (const key of Object.keys(input)) {
    if (!KNOWN_FIELDS.has(key)) throw new RlConfigError(key, `is not a run setting; valid: ${[...KNOWN_FIELDS].join(", ")}.`);
  }
  const base = { ...DEFAULTS, ...input };
  getTask(base.task, "task");
  lookupByName("modelSize", MODEL_SIZES, base.modelSize);
  requireNumberInRange("difficulty", base.difficulty, 0, 1);
  requireIntegerInRange("groupSize", base.groupSize, 2, 1024);
  requireIntegerInRange("promptsPerStep", base.promptsPerStep, 1, 1024);
  requireNumberInRange("learningRate", base.learningRate, Number.MIN_VALUE, 1);
  requireIntegerInRange("warmupSftSteps", base.warmupSftSteps, 0, 1 << 24);
  requireIntegerInRange("maxResponseTokens", base.maxResponseTokens, 1, 1 << 20);
  requireIntegerInRange("seed", base.seed, 0, 0xffffffff);
  const curriculum = validateCurriculum({
    ...DEFAULT_CURRICULUM,
    ...input.curriculum,
    phases: (input.curriculum?.phases ?? DEFAULT_CURRICULUM.phases).map((p) => ({ ...p })),
  });
  return {
    task: base.task,
    difficulty: base.difficulty,
    modelSize: base.modelSize,
    groupSize: base.groupSize,
    promptsPerStep: base.promptsPerStep,
    learningRate: base.learningRate,
    warmupSftSteps: base.warmupSftSteps,
    maxResponseTokens: base.maxResponseTokens,
    seed: base.seed,
    algorithm: resolveAlgorithm(input.algorithm ?? {}, base.maxResponseTokens),
    curriculum,
    sampler: resolveRetroSamplerOptions(input.sampler),
    reward: input.reward
      ? resolveRewardConfig({ ...rewardConfigFor(TASK_REWARDS[base.task]), ...input.reward })
      : rewardConfigFor(TASK_REWARDS[base.task]),
  };
}

/** The loss options an algorithm implies (GRPO's clipEps becomes a symmetric range). */
export function policyLossOptions(algorithm: AlgorithmConfig): PolicyLossOptions {
  const [epsLow, epsHigh] = algorithm.name === "grpo" ? [algorithm.clipEps, algorithm.clipEps] : [algorithm.epsLow, algorithm.epsHigh];
  return { epsLow, epsHigh, klCoef: algorithm.klCoef, aggregation: algorithm.aggregation };
}

/** The advantage options an algorithm implies. */
export function advantageOptions(algorithm: AlgorithmConfig): AdvantageOptions {
  return { ...DEFAULT_ADVANTAGE_OPTIONS, scaleByStd: algorithm.scaleByStd };
}
