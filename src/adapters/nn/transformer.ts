// The lab's decoder-only transformer policy in jax-js: pre-norm (RMSNorm) blocks with rotary
// positions, causal self-attention, a GELU MLP and tied embeddings. Pure functions of a params
// pytree; every function consumes its array arguments (jax-js ownership), as the library's do.
import { nn, numpy as np, random } from "@jax-js/jax";

export interface TransformerConfig {
  layers: number;
  dModel: number;
  heads: number;
  /** Hidden width of the MLP. */
  dFf: number;
  vocab: number;
  /** Longest sequence (prompt + answer) the model is run on; rotary positions work past it too. */
  maxContext: number;
}

/** One block's weights. A `type`, not an interface, so jax-js sees it as a pytree. */
export type LayerParams = {
  ln1: np.Array; // [d]
  wqkv: np.Array; // [d, 3d]
  wo: np.Array; // [d, d]
  ln2: np.Array; // [d]
  w1: np.Array; // [d, ff]
  w2: np.Array; // [ff, d]
};

export type TransformerParams = {
  embed: np.Array; // [vocab, d], also the output head (tied)
  layers: LayerParams[];
  lnF: np.Array; // [d]
};

/** Per-layer attention keys and values after rotation, [batch, len, heads, headDim] each. */
export type KvCache = { k: np.Array; v: np.Array }[];

/** Throws a RangeError naming the bad field. */
export function validateTransformerConfig(config: TransformerConfig): TransformerConfig {
  for (const key of ["layers", "dModel", "heads", "dFf", "vocab", "maxContext"] as const) {
    const value = config[key];
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`transformer.${key} must be a positive integer, got ${value}.`);
  }
  if (config.dModel % config.heads !== 0 || (config.dModel / config.heads) % 2 !== 0) {
    throw new RangeError(`transformer.dModel (${config.dModel}) must split into ${config.heads} heads of even width.`);
  }
  return config;
}

/** Number of scalar parameters of a config. */
export function parameterCount(config: TransformerConfig): number {
  const { layers, dModel: d, dFf: ff, vocab } = config;
  return vocab * d + d + layers * (2 * d + 4 * d * d + 2 * d * ff);
}

/** Seeded initialisation: N(0, 0.02) embeddings, 1/sqrt(fan-in) projections, residual outputs scaled by 1/sqrt(2 layers). */
export function initParams(config: TransformerConfig, seed: number): TransformerParams {
  validateTransformerConfig(config);
  const { layers, dModel: d, dFf: ff, vocab } = config;
  const keys = random.split(random.key(seed), 1 + 4 * layers); // [n, 2]
  let next = 0;
  // Slicing keys out of the split array; destructuring it leaked (notes/jax-js.md).
  const normal = (shape: number[], std: number): np.Array => random.normal(keys.ref.slice(next++), shape).mul(std);
  const residual = 1 / Math.sqrt(2 * layers);
  const params: TransformerParams = {
    embed: normal([vocab, d], 0.02),
    layers: Array.from({ length: layers }, () => ({
      ln1: np.ones([d]),
      wqkv: normal([d, 3 * d], 1 / Math.sqrt(d)),
      wo: normal([d, d], residual / Math.sqrt(d)),
      ln2: np.ones([d]),
      w1: normal([d, ff], 1 / Math.sqrt(d)),
      w2: normal([ff, d], residual / Math.sqrt(ff)),
    })),
    lnF: np.ones([d]),
  };
  keys.dispose();
  return params;
}

/** RMSNorm over the last axis: x / sqrt(mean(x^2) + eps) * gain. x [..., d], gain [d]. */
function rmsNorm(x: np.Array, gain: np.Array): np.Array {
  const meanSquare = np.mean(np.square(x.ref), -1, { keepdims: true }); // [..., 1]
  return x.mul(np.reciprocal(np.sqrt(meanSquare.add(1e-5)))).mul(gain);
}

/** One-hot rows by an equality mask (a gather's gradient failed under jit; notes/jax-js.md). ids [...] int32 -> [..., vocab]. */
export function oneHotMask(ids: np.Array, vocab: number): np.Array {
  return np.equal(np.expandDims(ids, -1), np.arange(vocab, undefined, undefined, { dtype: np.int32 })).astype(np.float32);
}

/** cos and sin of the rotary angles for float positions [t]: each [t, 1, headDim / 2]. */
function rotaryTables(positions: np.Array, headDim: number): { cos: np.Array; sin: np.Array } {
  const half = headDim / 2;
  const invFreq = new Float32Array(half);
  for (let i = 0; i < half; i++) invFreq[i] = Math.pow(10000, -(2 * i) / headDim);
  const angles = np.expandDims(positions, -1).mul(np.array(invFreq)).reshape([-1, 1, half]); // [t, 1, half]
  return { cos: np.cos(angles.ref), sin: np.sin(angles) };
}

/** Rotates the two halves of each head: x [b, t, heads, headDim] with tables [t, 1, half]. */
function rotate(x: np.Array, cos: np.Array, sin: np.Array): np.Array {
  const headDim = x.shape[3] as number;
  const half = headDim / 2;
  const x1 = x.ref.slice([], [], [], [0, half]); // [b, t, h, half]
  const x2 = x.slice([], [], [], [half, headDim]); // [b, t, h, half]
  const a = x1.ref.mul(cos.ref).sub(x2.ref.mul(sin.ref));
  const b = x1.mul(sin).add(x2.mul(cos));
  return np.concatenate([a, b], -1);
}

/** softmax(q k^T / sqrt(hd) masked) v. q [b, tq, h, hd], k, v [b, tk, h, hd], allowed bool [b, 1, tq, tk]. Returns [b, tq, h * hd]. */
function attend(q: np.Array, k: np.Array, v: np.Array, allowed: np.Array): np.Array {
  const [b, tq, h, hd] = q.shape as [number, number, number, number];
  const qh = q.transpose([0, 2, 1, 3]).mul(1 / Math.sqrt(hd)); // [b, h, tq, hd]
  const kh = k.transpose([0, 2, 3, 1]); // [b, h, hd, tk]
  const vh = v.transpose([0, 2, 1, 3]); // [b, h, tk, hd]
  const scores = np.where(allowed, np.matmul(qh, kh), -1e9); // [b, h, tq, tk]
  const out = np.matmul(nn.softmax(scores, -1), vh); // [b, h, tq, hd]
  return out.transpose([0, 2, 1, 3]).reshape([b, tq, h * hd]);
}

/** The MLP sublayer input already normalised: [b, t, d] -> [b, t, d]. */
function mlp(x: np.Array, layer: LayerParams): np.Array {
  return np.matmul(nn.gelu(np.matmul(x, layer.w1)), layer.w2);
}

/** Splits x [b, t, d] @ wqkv into rotated q, k and plain v, each [b, t, h, hd]. */
function projectQkv(x: np.Array, wqkv: np.Array, heads: number, cos: np.Array, sin: np.Array): { q: np.Array; k: np.Array; v: np.Array } {
  const [b, t, d] = x.shape as [number, number, number];
  const hd = d / heads;
  const qkv = np.matmul(x, wqkv).reshape([b, t, 3, heads, hd]); // [b, t, 3, h, hd]
  const q = rotate(qkv.ref.slice([], [], 0), cos.ref, sin.ref);
  const k = rotate(qkv.ref.slice([], [], 1), cos, sin);
  const v = qkv.slice([], [], 2);
  return { q, k, v };
}

/** Token ids [b, t] to embeddings [b, t, d]. */
function embedTokens(embed: np.Array, tokens: np.Array): np.Array {
  return np.matmul(oneHotMask(tokens, embed.shape[0] as number), embed);
}

/** Final norm and tied head: [b, t, d] -> logits [b, t, vocab]. */
function head(x: np.Array, lnF: np.Array, embed: np.Array): np.Array {
  return np.matmul(rmsNorm(x, lnF), embed.transpose());
}

export interface ForwardOutput {
  logits: np.Array; // [b, t, vocab]
  /** Present when asked for: the rotated keys and values of every position. */
  kv: KvCache | null;
}

/**
 * Full-sequence forward pass. tokens [b, t] int32; starts [b] int32 is each row's first real
 * position (left padding before it is never attended to). Position p attends to [starts, p].
 */
export function forward(params: TransformerParams, tokens: np.Array, starts: np.Array, heads: number, keepKv = false): ForwardOutput {
  const [b, t] = tokens.shape as [number, number];
  const d = params.embed.shape[1] as number;
  const { cos, sin } = rotaryTables(np.arange(t).astype(np.float32), d / heads);
  const idx = np.arange(t, undefined, undefined, { dtype: np.int32 });
  const causal = np.lessEqual(idx.ref.reshape([1, t]), idx.ref.reshape([t, 1])); // [t(query), t(key)]
  const afterStart = np.greaterEqual(idx.reshape([1, 1, 1, t]), starts.reshape([b, 1, 1, 1])); // [b, 1, 1, t]
  const allowed = np.logicalAnd(causal.reshape([1, 1, t, t]), afterStart); // [b, 1, t, t]
  let x = embedTokens(params.embed.ref, tokens); // [b, t, d]
  const kv: KvCache = [];
  for (const layer of params.layers) {
    const { q, k, v } = projectQkv(rmsNorm(x.ref, layer.ln1), layer.wqkv, heads, cos.ref, sin.ref);
    if (keepKv) kv.push({ k: k.ref, v: v.ref });
    x = x.add(np.matmul(attend(q, k, v, allowed.ref), layer.wo));
    x = x.add(mlp(rmsNorm(x.ref, layer.ln2), layer));
  }
  cos.dispose();
  sin.dispose();
  allowed.dispose();
  return { logits: head(x, params.lnF, params.embed), kv: keepKv ? kv : null };
}

/**
 * One decoding step with a KV cache of length len. tokens [b] int32 is the token at position
 * `position` ([] int32); starts [b] as in forward. Writes this position's keys and values into the
 * cache and returns the next-token logits [b, vocab] and the new cache.
 */
export function decodeStep(
  params: TransformerParams,
  cache: KvCache,
  tokens: np.Array,
  position: np.Array,
  starts: np.Array,
  heads: number,
): { logits: np.Array; cache: KvCache } {
  const b = tokens.shape[0] as number;
  const d = params.embed.shape[1] as number;
  const len = (cache[0] as { k: np.Array }).k.shape[1] as number;
  const { cos, sin } = rotaryTables(position.ref.astype(np.float32).reshape([1]), d / heads); // [1, 1, half]
  const idx = np.arange(len, undefined, undefined, { dtype: np.int32 });
  const here = np.equal(idx.ref, position.ref).reshape([1, len, 1, 1]); // [1, len, 1, 1]
  const visible = np.logicalAnd(
    np.lessEqual(idx.ref.reshape([1, 1, 1, len]), position),
    np.greaterEqual(idx.reshape([1, 1, 1, len]), starts.reshape([b, 1, 1, 1])),
  ); // [b, 1, 1, len]
  let x = embedTokens(params.embed.ref, tokens.reshape([b, 1])); // [b, 1, d]
  const next: KvCache = [];
  params.layers.forEach((layer, i) => {
    const entry = cache[i] as { k: np.Array; v: np.Array };
    const { q, k, v } = projectQkv(rmsNorm(x.ref, layer.ln1), layer.wqkv, heads, cos.ref, sin.ref);
    const kAll = np.where(here.ref, k, entry.k); // [b, len, h, hd]
    const vAll = np.where(here.ref, v, entry.v); // [b, len, h, hd]
    next.push({ k: kAll.ref, v: vAll.ref });
    x = x.add(np.matmul(attend(q, kAll, vAll, visible.ref), layer.wo));
    x = x.add(mlp(rmsNorm(x.ref, layer.ln2), layer));
  });
  cos.dispose();
  sin.dispose();
  here.dispose();
  visible.dispose();
  const logits = head(x, params.lnF, params.embed).reshape([b, -1]); // [b, vocab]
  return { logits, cache: next };
}
