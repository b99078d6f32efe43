// Rule-based rewards for RL on long-context QA: answer extraction from a model's output, SQuAD-style
// normalised exact and contained match, numeric match with tolerance, and a combined reward config.
import { lookupByName, requireNumberInRange, RlConfigError } from "./errors";

export type RewardName = "exact" | "contains" | "numeric";

/** Tolerances for numeric match: equal when |p - r| <= max(absTol, relTol * |r|). */
export interface RewardOptions {
  relTol: number;
  absTol: number;
}

/** Scores an extracted prediction against one reference: a number in [0, 1]. */
export type RewardFn = (prediction: string, reference: string, options: RewardOptions) => number;

/**
 * SQuAD-style normalisation: lower case, punctuation and symbols removed, the articles a/an/the
 * removed, whitespace collapsed and trimmed.
 */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, "")
    .replace(/\b(a|an|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** 1 when prediction and reference are equal after normalisation (and the reference is not empty), else 0. */
export function exactMatch(prediction: string, reference: string): number {
  const ref = normalizeAnswer(reference);
  return ref.length > 0 && normalizeAnswer(prediction) === ref ? 1 : 0;
}

/** 1 when the normalised reference occurs in the normalised prediction as whole words, else 0. */
export function containedMatch(prediction: string, reference: string): number {
  const ref = normalizeAnswer(reference);
  if (ref.length === 0) return 0;
  return ` ${normalizeAnswer(prediction)} `.includes(` ${ref} `) ? 1 : 0;
}

const NUMBER = /[-+\u2212]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?/g;

/**
 * The last number written in `text` ("1,234.5" -> 1234.5, "\u22123" -> -3, "2e3" -> 2000), or null.
 * Taking the last one means listing many candidates earns nothing.
 */
export function parseLastNumber(text: string): number | null {
  const matches = text.match(NUMBER);
  if (!matches) return null;
  const last = (matches[matches.length - 1] as string).replace(/,/g, "").replace("\u2212", "-");
  const value = Number(last);
  return Number.isFinite(value) ? value : null;
}

/** 1 when the last number in the prediction equals the reference's within tolerance, else 0. */
export function numericMatch(prediction: string, reference: string, options: RewardOptions): number {
  const ref = parseLastNumber(reference);
  const pred = parseLastNumber(prediction);
  if (ref === null || pred === null) return 0;
  return Math.abs(pred - ref) <= Math.max(options.absTol, options.relTol * Math.abs(ref)) ? 1 : 0;
}

/** Every rule-based reward by name. */
export const REWARDS: { readonly [K in RewardName]: RewardFn } = {
  exact: (p, r) => exactMatch(p, r),
  contains: (p, r) => containedMatch(p, r),
  numeric: numericMatch,
};

export const REWARD_NAMES = Object.keys(REWARDS) as RewardName[];

/** The reward function called `name`; an unknown name is an RlConfigError listing the valid ones. */
export function getReward(name: string, field = "reward"): RewardFn {
  return lookupByName(field, REWARDS, name);
}

/** Content of the last \boxed{...} (balanced braces) with its start offset, or null. */
function lastBoxed(text: string): { value: string; at: number } | null {
  const at = text.lastIndexOf("\\boxed{");
  if (at < 0) return null;
  let depth = 0;
  const open = at + "\\boxed".length;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return { value: text.slice(open + 1, i).trim(), at };
  }
  return null; // unbalanced: the output was cut off inside the box
}

const ANSWER_LINE = /^[ \t>*_#-]*(?:final\s+)?answer[*_]*\s*[:\uff1a][ \t]*(.*)$/gim;

/** Content of the last "Answer: X" line (also "**Final answer:** X") with its offset, or null. */
function lastAnswerLine(text: string): { value: string; at: number } | null {
  let found: { value: string; at: number } | null = null;
  for (const m of text.matchAll(ANSWER_LINE)) {
    found = { value: (m[1] ?? "").replace(/[*_]+$/g, "").replace(/^[*_]+/g, "").trim(), at: m.index };
  }
  return found;
}

/**
 * The final answer in a model output. The answer region is the text after the last </think>, or
 * the whole output when there is no think block; an opened but unclosed <think> means the model
 * ran out of room and the answer is "". Within the region, the later of the last \boxed{X} and the
 * last "Answer: X" line wins; failing both, the region itself, trimmed.
 */
export function extractAnswer(output: string): string {
  const close = output.lastIndexOf("</think>");
  let region: string;
  if (close >= 0) region = output.slice(close + "</think>".length);
  else if (output.includes("<think>")) return "";
  else region = output;
  const boxed = lastBoxed(region);
  const line = lastAnswerLine(region);
  if (boxed && (!line || boxed.at > line.at)) return boxed.value;
  if (line) return line.value;
  return region.trim();
}

/** One term of a combined reward. */
export interface RewardTerm {
  name: RewardName;
  weight: number;
}

/** How an output is scored; see DEFAULT_REWARD_CONFIG for the defaults. */
export interface RewardConfig {
  /** The rewards to compute; at least one. */
  terms: RewardTerm[];
  /** "max": max of weight * score over terms (QwenLong-L1 takes the max of its verifiers); "weighted-sum": sum of weight * score. */
  combine: "max" | "weighted-sum";
  /** Score extractAnswer(output) rather than the raw output. */
  extract: boolean;
  relTol: number;
  absTol: number;
}

export const DEFAULT_REWARD_CONFIG: Readonly<RewardConfig> = Object.freeze<RewardConfig>({
  terms: [{ name: "exact", weight: 1 }],
  combine: "max",
  extract: true,
  relTol: 1e-6,
  absTol: 1e-9,
});

/** Defaults applied to a partial reward config, then validated; errors name the bad field under `field`. */
export function resolveRewardConfig(input: Partial<RewardConfig> = {}, field = "reward"): RewardConfig {
  const config: RewardConfig = {
    ...DEFAULT_REWARD_CONFIG,
    ...input,
    terms: (input.terms ?? DEFAULT_REWARD_CONFIG.terms).map((t) => ({ ...t })),
  };
  if (config.terms.length === 0) throw new RlConfigError(`${field}.terms`, "needs at least one reward term.");
  config.terms.forEach((term, i) => {
    getReward(term.name, `${field}.terms[${i}].name`);
    requireNumberInRange(`${field}.terms[${i}].weight`, term.weight, 0, Number.MAX_VALUE);
  });
  if (config.combine !== "max" && config.combine !== "weighted-sum") {
    throw new RlConfigError(`${field}.combine`, `expected "max" or "weighted-sum", got "${String(config.combine)}".`);
  }
  if (typeof config.extract !== "boolean") throw new RlConfigError(`${field}.extract`, "expected true or false.");
  requireNumberInRange(`${field}.relTol`, config.relTol, 0, Number.MAX_VALUE);
  requireNumberInRange(`${field}.absTol`, config.absTol, 0, Number.MAX_VALUE);
  return config;
}

/** A single-term config for `name` with the default tolerances (what task generators name). */
export function rewardConfigFor(name: RewardName): RewardConfig {
  return resolveRewardConfig({ terms: [{ name, weight: 1 }] });
}

/**
 * The reward of one model output against one or more acceptable references (the best is taken).
 * Expects a config from resolveRewardConfig.
 */
export function scoreOutput(output: string, references: string | readonly string[], config: RewardConfig): number {
  const prediction = config.extract ? extractAnswer(output) : output;
  const refs = typeof references === "string" ? [references] : references;
  const options: RewardOptions = { relTol: config.relTol, absTol: config.absTol };
  let best = 0;
  for (const ref of refs) {
    let score = 0;
    for (const term of config.terms) {
      const s = term.weight * REWARDS[term.name](prediction, ref, options);
      score = config.combine === "max" ? Math.max(score, s) : score + s;
    }
    best = Math.max(best, score);
  }
  return best;
}
