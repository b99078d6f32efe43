// Checkpoint blobs: round trip of tensors and meta, named errors on damaged files, and a trainer
// saved and restored with the same params and counters.
import { defaultDevice, init } from "@jax-js/jax";
import { beforeAll, describe, expect, it } from "vitest";
import { CheckpointError, decodeCheckpoint, encodeCheckpoint, type Checkpoint } from "../../src/adapters/nn/checkpoint";
import { treeToHost } from "../../src/adapters/nn/params-io";
import { Trainer } from "../../src/adapters/nn/trainer";
import { restoreTrainer, saveTrainer } from "../../src/adapters/nn/trainer-checkpoint";
import { resolveRunConfig } from "../../src/core/rl/config";
import { compactPasskeyTask } from "../../src/core/rl/tasks/compact-passkey";

beforeAll(async () => {
  await init("wasm");
  defaultDevice("wasm");
});

const sample: Checkpoint = {
  meta: { step: 3, note: "x" },
  tensors: {
    "params.a": { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) },
    "params.b": { shape: [1], data: Float32Array.from([-0.5]) },
  },
};

function problemOf(buffer: ArrayBuffer): string {
  try {
    decodeCheckpoint(buffer);
  } catch (error) {
    expect(error).toBeInstanceOf(CheckpointError);
    expect((error as CheckpointError).name).toBe("DamagedFileError");
    return (error as CheckpointError).problem;
  }
  return "decoded";
}

describe("checkpoint encoding", () => {
  it("round-trips meta and tensors", () => {
    const back = decodeCheckpoint(encodeCheckpoint(sample));
    expect(back.meta).toEqual(sample.meta);
    expect(back.tensors["params.a"]?.shape).toEqual([2, 3]);
    expect(Array.from(back.tensors["params.a"]?.data ?? [])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(back.tensors["params.b"]?.data ?? [])).toEqual([-0.5]);
  });

  it("names what is wrong with a damaged file", () => {
    const good = encodeCheckpoint(sample);
    expect(problemOf(good.slice(0, 10))).toBe("too-short");
    const badMagic = good.slice(0);
    new Uint8Array(badMagic)[0] = 0x58;
    expect(problemOf(badMagic)).toBe("bad-magic");
    const badVersion = good.slice(0);
    new DataView(badVersion).setUint32(8, 99, true);
    expect(problemOf(badVersion)).toBe("unsupported-version");
    expect(problemOf(good.slice(0, good.byteLength - 4))).toBe("truncated");
    const badJson = good.slice(0);
    new Uint8Array(badJson)[16] = 0x7d; // "}" where "{" was
    expect(problemOf(badJson)).toBe("bad-header");
    const nan = good.slice(0);
    new Float32Array(nan, nan.byteLength - 4, 1)[0] = Number.NaN;
    expect(problemOf(nan)).toBe("bad-tensor");
  });
});

describe("trainer checkpoints", () => {
  it("restores params, optimiser state, counters and history", async () => {
    const run = resolveRunConfig({
      warmupSftSteps: 2,
      maxResponseTokens: 12,
      difficulty: 0,
      groupSize: 2,
      promptsPerStep: 1,
      curriculum: { phases: [{ contextTokens: 32, steps: 1 }], maxContextTokens: 64 },
    });
    const model = { layers: 1, dModel: 16, heads: 2, dFf: 32, vocab: 128, maxContext: 64 };
    const trainer = new Trainer({ run, model, task: compactPasskeyTask, sftBatchSize: 2 });
    await trainer.runSftStep();
    const blob = await saveTrainer(trainer);
    const restored = restoreTrainer(blob, { task: compactPasskeyTask, sftBatchSize: 2 });
    expect(restored.sftSteps).toBe(1);
    expect(restored.history).toEqual(trainer.history);
    const [a, b] = [await treeToHost(trainer.params, "p"), await treeToHost(restored.params, "p")];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(Array.from(b[name]?.data ?? [])).toEqual(Array.from(a[name]?.data ?? []));
    // both continue identically
    const [m1, m2] = [await trainer.runSftStep(), await restored.runSftStep()];
    expect(m2.loss).toBeCloseTo(m1.loss, 5);
    trainer.dispose();
    restored.dispose();
  });
});
