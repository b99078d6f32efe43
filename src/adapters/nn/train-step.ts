// The jitted training steps of the lab's transformer: supervised (masked cross-entropy on the
// answer tokens) and GRPO/DAPO (clipped surrogate mirroring core/rl/losses.ts). Each step is one
// jit: forward, valueAndGrad and the Adam update. Shapes are fixed by the caller (padded batches).
import { jit, nn, numpy as np, tree, valueAndGrad, type OwnedFunction } from "@jax-js/jax";
import type { PolicyLossOptions } from "../../core/rl/losses";
import { adamUpdate, DEFAULT_ADAM, type AdamConfig, type AdamState } from "./adam";
import { forward, oneHotMask, type TransformerParams } from "./transformer";

/** A padded batch of sequences; row r is starts[r] padding tokens, then prompt, answer, padding. */
export type SequenceBatch = {
  tokens: np.Array; // [b, t] int32, the model's input
  targets: np.Array; // [b, t] int32, tokens shifted left by one (the next token at each position)
  mask: np.Array; // [b, t] float32, 1 where the target is an answer token that counts
  starts: np.Array; // [b] int32, first real position of each row
};

/** A sampled batch for the policy step: SequenceBatch plus what sampling recorded. */
export type PolicyBatch = SequenceBatch & {
  oldLogprobs: np.Array; // [b, t] log-probs of targets under the sampling policy
  refLogprobs: np.Array; // [b, t] under the reference policy (zeros when klCoef is 0)
  advantages: np.Array; // [b]
  temperature: np.Array; // [] the sampling temperature; logits are divided by it
};

/** log softmax(logits)[target] by an equality mask (take's gradient failed under jit). logits [b, t, v], targets [b, t] -> [b, t]. */
export function tokenLogprobs(logits: np.Array, targets: np.Array): np.Array {
  const vocab = logits.shape[2] as number;
  return np.sum(nn.logSoftmax(logits, -1).mul(oneHotMask(targets, vocab)), -1);
}

/** Entropy in nats of softmax(logits) per position: [b, t, v] -> [b, t]. */
export function tokenEntropy(logits: np.Array): np.Array {
  const logp = nn.logSoftmax(logits, -1);
  return np.sum(np.exp(logp.ref).mul(logp), -1).neg();
}

/** sum(values mask) / max(sum(mask), 1): the token mean, 0 without tokens. values, mask [b, t]. */
function tokenMean(values: np.Array, mask: np.Array): np.Array {
  return np.sum(values.mul(mask.ref)).div(np.maximum(np.sum(mask), 1));
}

/** Mirrors core aggregate(): token-mean, or the mean over rows that have tokens of each row's token mean. */
function aggregate(values: np.Array, mask: np.Array, aggregation: PolicyLossOptions["aggregation"]): np.Array {
  if (aggregation === "token-mean") return tokenMean(values, mask);
  const counts = np.sum(mask.ref, -1); // [b]
  const rowMeans = np.sum(values.mul(mask), -1).div(np.maximum(counts.ref, 1)); // [b]
  const hasTokens = np.greater(counts, 0).astype(np.float32); // [b]
  return np.sum(rowMeans.mul(hasTokens.ref)).div(np.maximum(np.sum(hasTokens), 1));
}

export type PolicyLossArrays = {
  loss: np.Array;
  policyLoss: np.Array;
  kl: np.Array;
  clipFraction: np.Array;
  approxKl: np.Array;
  tokens: np.Array;
};

/**
 * The jax-js mirror of core policyLoss(): the same terms from log-probs [b, t], advantages [b] and
 * mask [b, t]. As there, kl is computed whenever refLogprobs is given (null: kl = 0). The clipped
 * branch is picked by a comparison, so it carries no gradient exactly as in the reference.
 */
export function policyLossArrays(
  logprobs: np.Array,
  oldLogprobs: np.Array,
  refLogprobs: np.Array | null,
  advantages: np.Array,
  mask: np.Array,
  options: PolicyLossOptions,
): PolicyLossArrays {
  const b = logprobs.shape[0] as number;
  const adv = advantages.reshape([b, 1]); // [b, 1]
  const logRatio = logprobs.ref.sub(oldLogprobs); // [b, t]
  const ratio = np.exp(logRatio.ref); // [b, t]
  const unclipped = ratio.ref.mul(adv.ref).neg();
  const clipped = np.clip(ratio.ref, 1 - options.epsLow, 1 + options.epsHigh).mul(adv).neg();
  const takeClipped = np.greater(clipped.ref, unclipped.ref); // [b, t] bool
  const perToken = np.where(takeClipped.ref, clipped, unclipped); // [b, t]
  const policy = aggregate(perToken, mask.ref, options.aggregation);
  let kl: np.Array;
  if (refLogprobs) {
    const d = refLogprobs.sub(logprobs); // [b, t]
    kl = aggregate(np.exp(d.ref).sub(d).sub(1), mask.ref, options.aggregation);
  } else {
    logprobs.dispose();
    kl = np.zeros([]);
  }
  const drift = ratio.sub(1).sub(logRatio); // r - 1 - log r, [b, t]
  return {
    loss: policy.ref.add(kl.ref.mul(options.klCoef)),
    policyLoss: policy,
    kl,
    clipFraction: tokenMean(takeClipped.astype(np.float32), mask.ref),
    approxKl: tokenMean(drift, mask.ref),
    tokens: np.sum(mask),
  };
}

export type StepStats = {
  loss: np.Array; // []
  entropy: np.Array; // [] token mean over the mask
  gradNorm: np.Array; // []
  tokens: np.Array; // []
};

export type PolicyStepStats = StepStats & {
  policyLoss: np.Array;
  kl: np.Array;
  clipFraction: np.Array;
  approxKl: np.Array;
};

export type OptState = AdamState<TransformerParams>;

/** Consumes params, opt, batch and stepSize; returns the new params and optimiser state. */
export type SftStep = OwnedFunction<
  (params: TransformerParams, opt: OptState, batch: SequenceBatch, stepSize: np.Array) => { params: TransformerParams; opt: OptState; stats: StepStats }
>;
export type PolicyStep = OwnedFunction<
  (params: TransformerParams, opt: OptState, batch: PolicyBatch, stepSize: np.Array) => { params: TransformerParams; opt: OptState; stats: PolicyStepStats }
>;

/** Token-mean cross-entropy over the mask, with the mean entropy and token count as aux. Consumes its arguments. */
export function sftLoss(params: TransformerParams, batch: SequenceBatch, heads: number): [np.Array, { entropy: np.Array; tokens: np.Array }] {
  const logits = forward(params, batch.tokens, batch.starts, heads).logits; // [b, t, v]
  const entropy = tokenMean(tokenEntropy(logits.ref), batch.mask.ref);
  const nll = tokenLogprobs(logits, batch.targets).neg(); // [b, t]
  return [tokenMean(nll, batch.mask.ref), { entropy, tokens: np.sum(batch.mask) }];
}

/** The supervised step: sftLoss, then Adam. */
export function makeSftStep(heads: number, adam: AdamConfig = DEFAULT_ADAM): SftStep {
  const lossFn = (params: TransformerParams, batch: SequenceBatch): [np.Array, { entropy: np.Array; tokens: np.Array }] => sftLoss(params, batch, heads);
  return jit((params: TransformerParams, opt: OptState, batch: SequenceBatch, stepSize: np.Array) => {
    const [[loss, aux], grads] = valueAndGrad(lossFn, { hasAux: true })(tree.ref(params), batch);
    const update = adamUpdate(params, grads, opt, stepSize, adam);
    return { params: update.params, opt: update.state, stats: { loss, entropy: aux.entropy, gradNorm: update.gradNorm, tokens: aux.tokens } };
  }) as SftStep;
}

/** The GRPO/DAPO step: policyLossArrays on log-probs of logits / temperature, then Adam. */
export function makePolicyStep(heads: number, options: PolicyLossOptions, adam: AdamConfig = DEFAULT_ADAM): PolicyStep {
  type Aux = Omit<PolicyStepStats, "loss" | "gradNorm">;
  const lossFn = (params: TransformerParams, batch: PolicyBatch): [np.Array, Aux] => {
    const logits = forward(params, batch.tokens, batch.starts, heads).logits.div(batch.temperature); // [b, t, v]
    const entropy = tokenMean(tokenEntropy(logits.ref), batch.mask.ref);
    const logprobs = tokenLogprobs(logits, batch.targets); // [b, t]
    // The reference is only used with a KL term (the batch carries zeros otherwise).
    let ref: np.Array | null = batch.refLogprobs;
    if (options.klCoef === 0) {
      batch.refLogprobs.dispose();
      ref = null;
    }
    const terms = policyLossArrays(logprobs, batch.oldLogprobs, ref, batch.advantages, batch.mask, options);
    const { loss, ...rest } = terms;
    return [loss, { ...rest, entropy }];
  };
  return jit((params: TransformerParams, opt: OptState, batch: PolicyBatch, stepSize: np.Array) => {
    const [[loss, aux], grads] = valueAndGrad(lossFn, { hasAux: true })(tree.ref(params), batch);
    const update = adamUpdate(params, grads, opt, stepSize, adam);
    return { params: update.params, opt: update.state, stats: { ...aux, loss, gradNorm: update.gradNorm } };
  }) as PolicyStep;
}

/** Log-probs of the targets under logits / temperature, for the reference policy: [b, t]. Consumes its arguments. */
export function makeLogprobsFn(
  heads: number,
): OwnedFunction<(params: TransformerParams, batch: SequenceBatch, temperature: np.Array) => np.Array> {
  return jit((params: TransformerParams, batch: SequenceBatch, temperature: np.Array) => {
    batch.mask.dispose();
    const logits = forward(params, batch.tokens, batch.starts, heads).logits.div(temperature);
    return tokenLogprobs(logits, batch.targets);
  });
}
