// Held-out accuracy of a tiny model: greedy answers to generated examples, scored by the task's
// reward on the extracted "Answer: X" line. Shared by the training script and the ablation bench.
import { BOS_ID, createCharTokenizer, EOS_ID, PAD_ID } from "../../core/rl/char-tokenizer";
import { rewardConfigFor, scoreOutput } from "../../core/rl/rewards";
import type { TaskExample } from "../../core/rl/tasks/types";
import type { Sampler } from "../nn/sampling";
import type { TransformerParams } from "../nn/transformer";

export interface TinyEvalOptions {
  /** Prompts are left-padded to this many tokens plus BOS (one trace per length). */
  maxPromptTokens: number;
  maxAnswerTokens: number;
  /** Rows per sampling call. Default 32. */
  batch?: number;
}

export interface TinyEvalResult {
  accuracy: number;
  /** Each example's greedy output, in order. */
  outputs: string[];
  correct: boolean[];
}

/** Greedy exact-match accuracy of params on examples (params are not consumed). */
export async function evaluateTiny(sampler: Sampler, params: TransformerParams, examples: readonly TaskExample[], options: TinyEvalOptions): Promise<TinyEvalResult> {
  const tokenizer = createCharTokenizer();
  const batch = options.batch ?? 32;
  const outputs: string[] = [];
  const correct: boolean[] = [];
  for (let from = 0; from < examples.length; from += batch) {
    const chunk = examples.slice(from, from + batch);
    const sampled = await sampler.sample(
      params,
      chunk.map((ex) => [BOS_ID, ...tokenizer.encode(ex.prompt)]),
      { maxNewTokens: options.maxAnswerTokens, temperature: 0, seed: 0, eosId: EOS_ID, padId: PAD_ID, padPromptTo: options.maxPromptTokens + 1 },
    );
    sampled.tokens.forEach((tokens, i) => {
      const ex = chunk[i] as TaskExample;
      const text = tokenizer.decode(tokens);
      outputs.push(text);
      correct.push(scoreOutput(text, ex.answer, rewardConfigFor(ex.reward)) >= 1);
    });
  }
  return { accuracy: correct.filter(Boolean).length / Math.max(1, examples.length), outputs, correct };
}
