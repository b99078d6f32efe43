// Batched generation from the lab transformer with a KV cache: one jitted prefill over the
// left-padded prompts, then one jitted decode step per token; the next token is picked on the host
// (seeded) with its log-prob and entropy, which GRPO keeps as the "old" log-probs.
import { jit, numpy as np, tree, type OwnedFunction } from "@jax-js/jax";
import { createRng } from "../../core/rl/random";
import { pickToken, type TokenSamplingOptions } from "../../core/rl/token-sampling";
import { decodeStep, forward, type KvCache, type TransformerParams } from "./transformer";

export interface SamplingOptions extends TokenSamplingOptions {
  maxNewTokens: number;
  seed: number;
  eosId: number;
  padId: number;
  /** Prompts are left-padded to this length (fixed shapes: no new trace); default the longest prompt rounded up to 32. */
  padPromptTo?: number;
  /**
   * Called after each decode step with the tokens just picked (padId for finished rows) and awaited;
   * returning false stops generation there (unfinished rows stay unfinished). For streaming.
   */
  onStep?: (picked: Int32Array, step: number) => boolean | void | Promise<boolean | void>;
}

export interface SampledBatch {
  /** Generated tokens per row, EOS included when it came. */
  tokens: number[][];
  /** log p of each generated token (see PickedToken.logprob). */
  logprobs: Float32Array[];
  /** Entropy of each step's distribution, nats. */
  entropy: Float32Array[];
  /** Whether each row ended with EOS (otherwise it hit maxNewTokens). */
  finished: boolean[];
  /** The padded prompt length used. */
  promptLength: number;
  /** Decode steps run (the longest answer). */
  steps: number;
}

export interface Sampler {
  /** Does not consume params. */
  sample(params: TransformerParams, prompts: readonly (readonly number[])[], options: SamplingOptions): Promise<SampledBatch>;
  dispose(): void;
}

type Prefill = OwnedFunction<(params: TransformerParams, tokens: np.Array, starts: np.Array, len: number) => { logits: np.Array; cache: KvCache }>;
type Decode = OwnedFunction<
  (params: TransformerParams, cache: KvCache, tokens: np.Array, position: np.Array, starts: np.Array) => { logits: np.Array; cache: KvCache }
>;

/** Left-pads prompts to `length`: tokens [b * length] and each row's start. */
export function leftPad(prompts: readonly (readonly number[])[], length: number, padId: number): { tokens: Int32Array<ArrayBuffer>; starts: Int32Array<ArrayBuffer> } {
  const tokens = new Int32Array(prompts.length * length).fill(padId);
  const starts = new Int32Array(prompts.length);
  prompts.forEach((prompt, r) => {
    if (prompt.length === 0 || prompt.length > length) throw new RangeError(`prompt ${r} has ${prompt.length} tokens; expected 1 to ${length}.`);
    starts[r] = length - prompt.length;
    tokens.set(prompt, r * length + (length - prompt.length));
  });
  return { tokens, starts };
}

export function createSampler(heads: number): Sampler {
  const prefill: Prefill = jit(
    (params: TransformerParams, tokens: np.Array, starts: np.Array, len: number) => {
      const p = tokens.shape[1] as number;
      const out = forward(params, tokens, starts, heads, true);
      const logits = out.logits.slice([], p - 1); // [b, vocab]
      const widen = (x: np.Array): np.Array => np.pad(x, [[0, 0], [0, len - p], [0, 0], [0, 0]]); // [b, len, h, hd]
      return { logits, cache: (out.kv as KvCache).map(({ k, v }) => ({ k: widen(k), v: widen(v) })) };
    },
    { staticArgnums: [3] },
  );
  const decode: Decode = jit((params: TransformerParams, cache: KvCache, tokens: np.Array, position: np.Array, starts: np.Array) =>
    decodeStep(params, cache, tokens, position, starts, heads),
  );

  const sample = async (params: TransformerParams, prompts: readonly (readonly number[])[], options: SamplingOptions): Promise<SampledBatch> => {
    const b = prompts.length;
    const longest = Math.max(...prompts.map((p) => p.length));
    const promptLength = options.padPromptTo ?? Math.ceil(longest / 32) * 32;
    const { tokens: padded, starts: startArray } = leftPad(prompts, promptLength, options.padId);
    const rng = createRng(options.seed);
    const out: SampledBatch = {
      tokens: prompts.map(() => []),
      logprobs: [],
      entropy: [],
      finished: prompts.map(() => false),
      promptLength,
      steps: 0,
    };
    const lp = prompts.map(() => new Float32Array(options.maxNewTokens));
    const ent = prompts.map(() => new Float32Array(options.maxNewTokens));
    const starts = np.array(startArray, { dtype: np.int32 });
    const first = prefill(tree.ref(params), np.array(padded, { dtype: np.int32 }).reshape([b, promptLength]), starts.ref, promptLength + options.maxNewTokens);
    let cache = first.cache;
    let logits = first.logits;
    for (let step = 0; step < options.maxNewTokens; step++) {
      const data = await logits.data(); // [b, vocab]
      const vocab = data.length / b;
      const next = new Int32Array(b).fill(options.padId);
      for (let r = 0; r < b; r++) {
        if (out.finished[r]) continue;
        const picked = pickToken(data, r * vocab, vocab, options, rng);
        (out.tokens[r] as number[]).push(picked.token);
        (lp[r] as Float32Array)[step] = picked.logprob;
        (ent[r] as Float32Array)[step] = picked.entropy;
        next[r] = picked.token;
        if (picked.token === options.eosId) out.finished[r] = true;
      }
      out.steps = step + 1;
      if (options.onStep && (await options.onStep(next, step)) === false) break;
      if (out.finished.every(Boolean) || step === options.maxNewTokens - 1) break;
      const result = decode(tree.ref(params), cache, np.array(next, { dtype: np.int32 }), np.array(promptLength + step, { dtype: np.int32 }), starts.ref);
      cache = result.cache;
      logits = result.logits;
    }
    tree.dispose(cache);
    starts.dispose();
    out.logprobs = lp.map((a, r) => a.slice(0, (out.tokens[r] as number[]).length));
    out.entropy = ent.map((a, r) => a.slice(0, (out.tokens[r] as number[]).length));
    return out;
  };

  return {
    sample,
    dispose: () => {
      prefill.dispose();
      decode.dispose();
    },
  };
}
