// The jax-js transformer on the wasm device: shapes, KV-cache decoding against full forward passes,
// and autodiff against finite differences.
import { defaultDevice, init, jit, numpy as np, tree, valueAndGrad } from "@jax-js/jax";
import { beforeAll, describe, expect, it } from "vitest";
import { createSampler } from "../../src/adapters/nn/sampling";
import { sftLoss, type SequenceBatch } from "../../src/adapters/nn/train-step";
import { forward, initParams, parameterCount, type TransformerConfig, type TransformerParams } from "../../src/adapters/nn/transformer";

const config: TransformerConfig = { layers: 2, dModel: 32, heads: 4, dFf: 64, vocab: 128, maxContext: 64 };

beforeAll(async () => {
  await init("wasm");
  defaultDevice("wasm");
});

function ids(values: number[], shape: number[]): np.Array {
  return np.array(new Int32Array(values), { dtype: np.int32 }).reshape(shape);
}

async function argmaxRows(logits: np.Array): Promise<number[]> {
  const [rows, vocab] = [logits.shape[0] as number, logits.shape[1] as number];
  const data = await logits.data();
  return Array.from({ length: rows }, (_, r) => {
    let best = 0;
    for (let v = 1; v < vocab; v++) if ((data[r * vocab + v] as number) > (data[r * vocab + best] as number)) best = v;
    return best;
  });
}

describe("transformer", () => {
  it("has the documented parameter count and output shapes", async () => {
    const params = initParams(config, 0);
    const count = tree.leaves(params).reduce((sum, leaf) => sum + leaf.shape.reduce((a, b) => a * b, 1), 0);
    expect(count).toBe(parameterCount(config));
    const out = forward(tree.ref(params), ids([5, 6, 7, 8, 9, 10, 0, 0, 11, 12, 13, 14], [2, 6]), ids([0, 2], [2]), config.heads, true);
    expect(out.logits.shape).toEqual([2, 6, 128]); // [batch, seq, vocab]
    expect(out.kv?.[0]?.k.shape).toEqual([2, 6, 4, 8]); // [batch, seq, heads, headDim]
    const data = await out.logits.data();
    expect(data.every((x) => Number.isFinite(x))).toBe(true);
    tree.dispose(out.kv);
    tree.dispose(params);
  });

  it("left padding does not change a row's logits (rotary positions are relative)", async () => {
    const params = initParams(config, 1);
    const plain = forward(tree.ref(params), ids([20, 21, 22, 23], [1, 4]), ids([0], [1]), config.heads).logits.slice(0, 3);
    const padded = forward(tree.ref(params), ids([0, 0, 0, 20, 21, 22, 23], [1, 7]), ids([3], [1]), config.heads).logits.slice(0, 6);
    const [a, b] = [await plain.data(), await padded.data()];
    let maxDiff = 0;
    for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs((a[i] as number) - (b[i] as number)));
    expect(maxDiff).toBeLessThan(1e-4);
    tree.dispose(params);
  });

  it("greedy KV-cache sampling equals argmax decoding with full forward passes", async () => {
    const params = initParams(config, 2);
    const prompts = [[1, 40, 41, 42, 43], [1, 60, 61], [1, 70, 71, 72, 73, 74, 75]];
    const sampler = createSampler(config.heads);
    const sampled = await sampler.sample(params, prompts, { maxNewTokens: 6, temperature: 0, seed: 0, eosId: 2, padId: 0 });
    const full = jit((p: TransformerParams, t: np.Array, s: np.Array) => forward(p, t, s, config.heads).logits);
    for (let r = 0; r < prompts.length; r++) {
      const seq = [...(prompts[r] as number[])];
      const expected: number[] = [];
      for (let i = 0; i < 6; i++) {
        const logits = full(tree.ref(params), ids(seq, [1, seq.length]), ids([0], [1])).slice(0, seq.length - 1).reshape([1, -1]);
        const [next] = await argmaxRows(logits);
        expected.push(next as number);
        seq.push(next as number);
        if (next === 2) break;
      }
      expect(sampled.tokens[r]).toEqual(expected);
      expect(sampled.logprobs[r]?.length).toBe(expected.length);
      expect(Array.from(sampled.logprobs[r] ?? []).every((x) => x <= 0)).toBe(true);
    }
    full.dispose();
    sampler.dispose();
    tree.dispose(params);
  });

  it("seeded sampling repeats and returns entropies of the tempered distribution", async () => {
    const params = initParams(config, 3);
    const sampler = createSampler(config.heads);
    const options = { maxNewTokens: 8, temperature: 1, topP: 0.95, seed: 7, eosId: 2, padId: 0 };
    const a = await sampler.sample(params, [[1, 50, 51], [1, 52]], options);
    const b = await sampler.sample(params, [[1, 50, 51], [1, 52]], options);
    expect(a.tokens).toEqual(b.tokens);
    for (const e of a.entropy) {
      for (const h of e) {
        expect(h).toBeGreaterThan(0);
        expect(h).toBeLessThanOrEqual(Math.log(128) + 1e-4);
      }
    }
    sampler.dispose();
    tree.dispose(params);
  });

  it("autodiff agrees with finite differences on a tiny config", async () => {
    const tiny: TransformerConfig = { layers: 1, dModel: 8, heads: 2, dFf: 16, vocab: 128, maxContext: 8 };
    const batch = (): SequenceBatch => ({
      tokens: ids([1, 40, 41, 42, 43, 44], [1, 6]),
      targets: ids([40, 41, 42, 43, 44, 2], [1, 6]),
      mask: np.array(new Float32Array([0, 1, 1, 1, 1, 1])).reshape([1, 6]),
      starts: ids([0], [1]),
    });
    const params = initParams(tiny, 4);
    // scale up the embeddings so gradients are large against float32 noise
    const base: TransformerParams = { ...params, embed: params.embed.mul(20) };
    const lossOnly = jit((p: TransformerParams, b: SequenceBatch) => {
      const [loss, aux] = sftLoss(p, b, tiny.heads);
      tree.dispose(aux);
      return loss;
    });
    const gradFn = jit((p: TransformerParams, b: SequenceBatch) => valueAndGrad(lossOnly)(p, b)[1]);
    const grads = gradFn(tree.ref(base), batch());
    const probes: [keyof TransformerParams | "wqkv" | "w1", number][] = [
      ["embed", 40 * 8 + 3],
      ["wqkv", 2 * 24 + 5],
      ["w1", 3 * 16 + 7],
    ];
    const leafOf = (p: TransformerParams, name: string): np.Array =>
      name === "embed" ? p.embed : (p.layers[0] as Record<string, np.Array>)[name] as np.Array;
    for (const [name, index] of probes) {
      const g = (await leafOf(grads, name).ref.data())[index] as number;
      const values = Float32Array.from(await leafOf(base, name).ref.data());
      const h = 1e-2;
      const lossAt = async (delta: number): Promise<number> => {
        const changed = Float32Array.from(values);
        changed[index] = (changed[index] as number) + delta;
        const leaf = np.array(changed).reshape(leafOf(base, name).shape);
        const p = name === "embed" ? { ...tree.ref(base), embed: leaf } : { ...tree.ref(base), layers: [{ ...tree.ref(base.layers[0]), [name]: leaf }] };
        return (await lossOnly(p as TransformerParams, batch()).data())[0] as number;
      };
      const numeric = ((await lossAt(h)) - (await lossAt(-h))) / (2 * h);
      expect(Math.abs(g)).toBeGreaterThan(1e-3);
      expect(Math.abs(numeric - g)).toBeLessThan(0.05 * Math.abs(g) + 2e-3);
    }
    tree.dispose(grads);
    tree.dispose(base);
    lossOnly.dispose();
    gradFn.dispose();
  });
});
