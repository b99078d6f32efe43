// TinyEngine in Node: the shipped checkpoint (public/models/passkey-tiny.folio-ckpt) loads through
// the same RPC as the worker, answers a generated passkey question asked the way Ask asks it with
// streamed deltas that add up to the answer, and damaged files or URLs give named errors.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createInProcessTinyPort } from "../../src/adapters/llm/tiny-in-process";
import { TinyEngine, TINY_FAMILY } from "../../src/adapters/llm/tiny-engine";
import { decodeTinyModel } from "../../src/adapters/llm/tiny-model";
import { TinyRuntime } from "../../src/adapters/llm/tiny-runtime";
import type { ChatChunk, LoadProgress } from "../../src/adapters/llm/engine";
import { assemblePrompt } from "../../src/core/prompt/assemble";
import { createCharTokenizer } from "../../src/core/rl/char-tokenizer";
import { extractAnswer } from "../../src/core/rl/rewards";
import { evidencePasskeyTask } from "../../src/core/rl/tasks/evidence-passkey";

const SHIPPED = new URL("../../public/models/passkey-tiny.folio-ckpt", import.meta.url);

function shippedBytes(): ArrayBuffer {
  const bytes = readFileSync(SHIPPED);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/** The manifest entry the training script wrote: accuracy at the longest prompt, and that length. */
const MANIFEST = (
  JSON.parse(readFileSync(new URL("../../public/models/index.json", import.meta.url), "utf8")) as {
    models: { id: string; accuracy: { headline?: number }; context: { maxPromptChars: number } }[];
  }
).models.find((m) => m.id === "passkey-tiny");
const shippedAccuracy = (): number => MANIFEST?.accuracy.headline ?? 0;
const PROMPT_CHARS = MANIFEST?.context.maxPromptChars ?? 0;

const tokenizer = createCharTokenizer();
const passkeyExample = (seed: number) => evidencePasskeyTask({ seed: 900_000 + seed, difficulty: 0.5, contextTokens: PROMPT_CHARS, tokenizer });

/** What Ask sends for a task prompt: its context as one evidence block, then its question. */
function askMessages(prompt: string) {
  const [context, question] = prompt.replace(/\n$/, "").split("\nQuestion: ") as [string, string];
  return assemblePrompt({ question, evidence: [{ citation: 1, documentTitle: "long-document.txt", label: "", text: context }], options: { thinking: false } }).messages;
}

const engineFor = (extra: ConstructorParameters<typeof TinyEngine>[0] = {}): TinyEngine => new TinyEngine({ createPort: createInProcessTinyPort, ...extra });

async function collect(stream: AsyncIterable<ChatChunk>): Promise<{ deltas: string[]; done: Extract<ChatChunk, { kind: "done" }> }> {
  const deltas: string[] = [];
  for await (const chunk of stream) {
    if (chunk.kind === "delta") deltas.push(chunk.text);
    else return { deltas, done: chunk };
  }
  throw new Error("the stream ended without a done chunk");
}

describe("TinyEngine", () => {
  test("the shipped model loads and streams its answer to Ask's messages, as it would to its training prompt", { timeout: 120_000 }, async () => {
    const engine = engineFor();
    const progress: LoadProgress[] = [];
    const loaded = await engine.loadCheckpoint({ buffer: shippedBytes() }, { onProgress: (p) => progress.push(p) });
    expect(loaded.capabilities).toMatchObject({ modelId: "passkey-tiny", family: TINY_FAMILY, supportsThinking: false, thinkingSwitch: false, tokenCounting: "exact" });
    expect(loaded.capabilities.contextWindow).toBeGreaterThanOrEqual(PROMPT_CHARS);
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(engine.state).toBe("ready");
    expect(await engine.countTokens("The pass key is 12345.")).toBe(22);

    // The same model driven directly with the task's own prompt: greedy, so the texts must agree.
    const direct = new TinyRuntime();
    await direct.load(shippedBytes(), "direct");
    for (let seed = 0; seed < 3; seed++) {
      const ex = passkeyExample(seed);
      const { deltas, done } = await collect(engine.chat({ messages: askMessages(ex.prompt), thinking: false, maxTokens: 64 }));
      const text = deltas.join("");
      expect(deltas.length).toBeGreaterThan(1); // streamed, not in one piece
      expect(text).toMatch(/^Answer: \d{5}$/);
      expect(done.finishReason).toBe("stop");
      expect(done.usage?.completionTokens).toBe(deltas.length);
      let expected = "";
      await direct.generate({ prompt: ex.prompt, maxTokens: 64, temperature: 0, seed: 0 }, (t) => (expected += t));
      expect(text).toBe(expected);
    }
    direct.unload();
    await engine.unload();
    expect(engine.state).toBe("idle");
    expect(engine.capabilities).toBeNull();
  });

  // The shipped model solves most generated passkey questions asked the way Ask asks them, at its
  // longest prompt and at the short evidence Ask usually hands over, and matches its manifest.
  test("the shipped model answers generated passkey questions correctly", { timeout: 180_000 }, async () => {
    const engine = engineFor();
    await engine.loadCheckpoint({ buffer: shippedBytes() });
    const score = async (contextTokens: number, count: number): Promise<number> => {
      let right = 0;
      for (let i = 0; i < count; i++) {
        const ex = evidencePasskeyTask({ seed: 910_000 + contextTokens * 1000 + i, difficulty: 0.5, contextTokens, tokenizer });
        const { deltas } = await collect(engine.chat({ messages: askMessages(ex.prompt), thinking: false, maxTokens: 64 }));
        if (extractAnswer(deltas.join("")) === ex.answer) right++;
      }
      return right / count;
    };
    const longest = await score(PROMPT_CHARS, 40);
    const short = await score(64, 40);
    process.stdout.write(`tiny model: ${(100 * longest).toFixed(0)}% at ${PROMPT_CHARS} characters, ${(100 * short).toFixed(0)}% at 64 (manifest ${shippedAccuracy()})\n`);
    expect(longest).toBeGreaterThanOrEqual(0.8);
    expect(short).toBeGreaterThanOrEqual(0.8);
    expect(Math.abs(longest - shippedAccuracy())).toBeLessThan(0.15);
    await engine.unload();
  });

  test("a damaged checkpoint buffer is a DamagedFileError; a missing or broken URL is named too", { timeout: 60_000 }, async () => {
    const engine = engineFor();
    const bytes = new Uint8Array(shippedBytes());
    const truncated = (): ArrayBuffer => bytes.slice(0, bytes.length - 100).buffer; // a load transfers (empties) its buffer
    await expect(engine.loadCheckpoint({ buffer: truncated() })).rejects.toMatchObject({ name: "DamagedFileError" });
    const garbage = new TextEncoder().encode("<html>not a model</html>").buffer;
    await expect(engine.loadCheckpoint({ buffer: garbage })).rejects.toMatchObject({ name: "DamagedFileError" });
    expect(engine.state).toBe("idle");

    const served = (body: BodyInit | null, status = 200): TinyEngine =>
      engineFor({ fetch: async () => new Response(body, { status }), resolve: (id) => ({ url: `https://models.invalid/${id}` }) });
    await expect(served(truncated()).load("passkey-tiny", { contextWindow: 0 })).rejects.toMatchObject({ name: "DamagedFileError" });
    await expect(served(null, 404).load("nope", { contextWindow: 0 })).rejects.toMatchObject({ name: "ModelNotFoundError" });
    await expect(served(null, 500).load("passkey-tiny", { contextWindow: 0 })).rejects.toMatchObject({ name: "ModelDownloadError" });
    const offline = engineFor({ fetch: async () => Promise.reject(new TypeError("fetch failed")), resolve: (id) => ({ url: `https://models.invalid/${id}` }) });
    await expect(offline.load("passkey-tiny", { contextWindow: 0 })).rejects.toMatchObject({ name: "ModelDownloadError" });
  });

  test("the shipped file is small and says how it was made", () => {
    const bytes = shippedBytes();
    expect(bytes.byteLength).toBeLessThan(2 * 1024 * 1024);
    const { meta } = decodeTinyModel(bytes);
    expect(meta).toMatchObject({ id: "passkey-tiny", maxPromptTokens: PROMPT_CHARS });
    expect(PROMPT_CHARS).toBeGreaterThanOrEqual(64);
    expect(meta.training).toHaveProperty("seed");
  });

  test("chat before a load is ModelNotLoadedError", async () => {
    const engine = engineFor();
    await expect(collect(engine.chat({ messages: [{ role: "user", content: "hi" }], thinking: false, maxTokens: 8 }))).rejects.toMatchObject({ name: "ModelNotLoadedError" });
    await expect(engine.countTokens("x")).rejects.toMatchObject({ name: "ModelNotLoadedError" });
  });
});
