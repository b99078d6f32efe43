// The frame every haystack task shares: validated options and the example's seeded stream, the
// prompt fitted to the asked length, and the example with its standard metadata. A generator then
// holds only what makes its task differ: its facts, its wording and its worked solution.
import { createRng, type Rng } from "../random";
import type { RewardName } from "../rewards";
import { fitToTokens, type FitOptions, type FitResult } from "./filler";
import { ANSWER_INSTRUCTION, validateTaskOptions, type TaskExample, type TaskMetadata, type TaskName, type TaskOptions } from "./types";

/** Validates `options` and starts the example's random stream; every draw of the example comes from it, in order. */
export function beginTask(options: TaskOptions): TaskOptions & { rng: Rng } {
  validateTaskOptions(options);
  return { ...options, rng: createRng(options.seed) };
}

/** The prompt's end after the haystack: the question and the answer-line instruction. */
export function questionTail(question: string): string {
  return `\n\nQuestion: ${question} ${ANSWER_INSTRUCTION}`;
}

/** fitToTokens at options.contextTokens; a target too short is an error naming contextTokens. */
export function fitHaystack(options: TaskOptions, haystack: Omit<FitOptions, "tokenizer" | "targetTokens" | "field">): FitResult {
  return fitToTokens({ tokenizer: options.tokenizer, targetTokens: options.contextTokens, ...haystack, field: "contextTokens" });
}

/** What a task adds to a fitted prompt to make an example. */
export interface ExampleParts {
  task: TaskName;
  answer: string;
  reward: RewardName;
  solution: string;
  details: TaskMetadata["details"];
  /** Depths and offsets are reported for the first this-many needles only (the asked ones); default all. */
  askedNeedles?: number;
}

export function haystackExample(options: TaskOptions, fit: FitResult, parts: ExampleParts): TaskExample {
  return {
    prompt: fit.prompt,
    answer: parts.answer,
    reward: parts.reward,
    solution: parts.solution,
    metadata: {
      task: parts.task,
      seed: options.seed,
      difficulty: options.difficulty,
      targetTokens: options.contextTokens,
      promptTokens: fit.promptTokens,
      needleDepths: fit.needleDepths.slice(0, parts.askedNeedles),
      needleCharOffsets: fit.needleCharOffsets.slice(0, parts.askedNeedles),
      fillerUnits: fit.fillerUnits,
      details: parts.details,
    },
  };
}
