// Shared shapes of the synthetic long-context tasks: what a generator takes and what it returns.
import type { Tokenizer } from "../../text/types";
import { requireIntegerInRange, requireNumberInRange } from "../errors";
import type { RewardName } from "../rewards";

export type TaskName = "passkey" | "kv-lookup" | "variable-tracking" | "record-compare";

export interface TaskOptions {
  /** Same seed, difficulty, length and tokenizer: same example. */
  seed: number;
  /** 0 (easiest) to 1 (hardest); each task says what it turns up. */
  difficulty: number;
  /** Prompt length to reach in `tokenizer` tokens; the prompt ends at or just under it. */
  contextTokens: number;
  tokenizer: Tokenizer;
}

export interface TaskMetadata {
  task: TaskName;
  seed: number;
  difficulty: number;
  targetTokens: number;
  /** Actual prompt length in tokens, <= targetTokens. */
  promptTokens: number;
  /** Relative position of each needle in the haystack body, 0 (start) to 1 (end). */
  needleDepths: number[];
  /** Character offset of each needle in the prompt. */
  needleCharOffsets: number[];
  /** Filler units (sentences, pairs, records) around the needles. */
  fillerUnits: number;
  /** Task-specific facts (hops, distractors, asked field...). */
  details: Record<string, string | number>;
}

export interface TaskExample {
  prompt: string;
  answer: string;
  /** Name of the rule-based reward that scores answers to this task. */
  reward: RewardName;
  /** A worked solution ("<think>...</think>" then "Answer: X") for warm-up SFT. */
  solution: string;
  metadata: TaskMetadata;
}

export type TaskGenerator = (options: TaskOptions) => TaskExample;

/** Throws an RlConfigError naming the bad option (under `field`). */
export function validateTaskOptions(options: TaskOptions, field = "task"): void {
  requireIntegerInRange(`${field}.seed`, options.seed, 0, 0xffffffff);
  requireNumberInRange(`${field}.difficulty`, options.difficulty, 0, 1);
  requireIntegerInRange(`${field}.contextTokens`, options.contextTokens, 1, 1 << 24);
}

/** The answer line every task asks for, so extractAnswer finds it. */
export const ANSWER_INSTRUCTION = 'Think it through, then end with one line of the form "Answer: <answer>".';

/** A worked solution in the format the rewards parse. */
export function workedSolution(reasoning: string, answer: string): string {
  return `<think>\n${reasoning}\n</think>\nAnswer: ${answer}`;
}
