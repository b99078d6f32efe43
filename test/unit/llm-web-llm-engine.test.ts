// WebLlmEngine against web-llm's real WebWorkerMLCEngine client, with a fake worker that answers
// web-llm's worker protocol ({kind, uuid, content}; errors as strings, as the real handler sends).
import { describe, expect, test } from "vitest";
import { WebLlmEngine } from "../../src/adapters/llm/web-llm-engine";
import type { ChatChunk } from "../../src/adapters/llm/engine";
import type { LoadProgress } from "../../src/core/models/progress";

interface Message {
  kind: string;
  uuid: string;
  content: unknown;
}

type Reply = { kind: "return"; content: unknown } | { kind: "throw"; content: string } | "silent";

/** Plays web-llm's WebWorkerMLCEngineHandler: `answer` decides the reply to each request kind. */
class FakeWorker {
  onmessage: ((event: unknown) => void) | null = null;
  received: Message[] = [];
  terminated = false;
  constructor(private readonly answer: (message: Message, worker: FakeWorker) => Reply) {}

  postMessage(message: Message): void {
    this.received.push(message);
    if (["setAppConfig", "setLogLevel", "interruptGenerate"].includes(message.kind)) return;
    const reply = this.answer(message, this);
    if (reply === "silent") return;
    setTimeout(() => this.onmessage?.({ kind: reply.kind, uuid: message.uuid, content: reply.content }), 1);
  }

  progress(content: { progress: number; timeElapsed: number; text: string }): void {
    this.onmessage?.({ kind: "initProgressCallback", uuid: "", content });
  }

  addEventListener(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

const MODEL = "Qwen3-0.6B-q4f32_1-MLC";

function engineWith(answer: (message: Message, worker: FakeWorker) => Reply, stallTimeoutMs?: number) {
  const workers: FakeWorker[] = [];
  const engine = new WebLlmEngine({
    createWorker: () => {
      const worker = new FakeWorker(answer);
      workers.push(worker);
      return worker as unknown as Worker;
    },
    stallTimeoutMs,
  });
  return { engine, workers };
}

const ok: Reply = { kind: "return", content: null };

function chunk(content: string | null, extra: Record<string, unknown> = {}) {
  return { id: "c", object: "chat.completion.chunk", created: 0, model: MODEL, choices: content === null ? [] : [{ index: 0, delta: { content }, finish_reason: null }], ...extra };
}

async function collect(stream: AsyncIterable<ChatChunk>): Promise<ChatChunk[]> {
  const chunks: ChatChunk[] = [];
  for await (const item of stream) chunks.push(item);
  return chunks;
}

describe("load", () => {
  test("sends context_window_size, reports parsed progress, and resolves with the model's capabilities", async () => {
    const { engine, workers } = engineWith((message, worker) => {
      if (message.kind === "reload") {
        worker.progress({ progress: 0.25, timeElapsed: 2, text: "Fetching param cache[2/8]: 90MB fetched. 25% completed, 2 secs elapsed. It can take a while…" });
      }
      return ok;
    });
    const progress: LoadProgress[] = [];
    const loaded = await engine.load(MODEL, { contextWindow: 8192, onProgress: (p) => progress.push(p) });
    const reload = workers[0]!.received.find((m) => m.kind === "reload");
    expect(reload?.content).toEqual({ modelId: [MODEL], chatOpts: [{ context_window_size: 8192, sliding_window_size: -1 }] });
    expect(workers[0]!.received.find((m) => m.kind === "setAppConfig")?.content).toMatchObject({ cacheBackend: "indexeddb" });
    expect(progress[0]).toMatchObject({ phase: "download", bytesDone: 90 * 1024 * 1024, shardsDone: 2, shardsTotal: 8 });
    expect(loaded.capabilities).toMatchObject({ modelId: MODEL, contextWindow: 8192, family: "qwen3", templateFamily: "qwen3", supportsThinking: true, tokenCounting: "exact" });
    expect(engine.state).toBe("ready");
    expect(engine.capabilities?.contextWindow).toBe(8192);
  });

  test("a network failure (a string through the worker) becomes ModelDownloadError and the worker is ended", async () => {
    const { engine, workers } = engineWith((message) =>
      message.kind === "reload"
        ? { kind: "throw", content: "Error: Failed to store https://example.org/x/resolve/main/mlc-chat-config.json with error: TypeError: Failed to fetch" }
        : ok,
    );
    await expect(engine.load(MODEL, { contextWindow: 4096 })).rejects.toMatchObject({ name: "ModelDownloadError" });
    expect(workers[0]!.terminated).toBe(true);
    expect(engine.state).toBe("idle");
    expect(engine.capabilities).toBeNull();
  });

  test("a load with no progress for stallTimeoutMs fails as a stalled download", async () => {
    const { engine, workers } = engineWith((message) => (message.kind === "reload" ? "silent" : ok), 50);
    await expect(engine.load(MODEL, { contextWindow: 4096 })).rejects.toMatchObject({ name: "ModelDownloadError", message: expect.stringContaining("stalled") });
    expect(workers[0]!.terminated).toBe(true);
  });

  test("aborting the signal cancels the load; an unknown model is ModelNotFoundError", async () => {
    const { engine } = engineWith((message) => (message.kind === "reload" ? "silent" : ok));
    const controller = new AbortController();
    const loading = engine.load(MODEL, { contextWindow: 4096, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(loading).rejects.toMatchObject({ name: "CancelledError" });
    await expect(engine.load("Llama-3.2-1B-Instruct-q4f16_1-MLC", { contextWindow: 4096 })).rejects.toMatchObject({ name: "ModelNotFoundError" });
  });
});

describe("chat", () => {
  function chatting(chunks: Reply[]) {
    let next = 0;
    return engineWith((message) => {
      if (message.kind === "completionStreamNextChunk") return chunks[next++] ?? { kind: "return", content: undefined }; // the handler's end of stream
      return ok;
    });
  }

  test("streams deltas, then a done chunk with usage; asks web-llm for usage and enable_thinking", async () => {
    const usage = { prompt_tokens: 50, completion_tokens: 3, total_tokens: 53, extra: { e2e_latency_s: 1, prefill_tokens_per_s: 400, decode_tokens_per_s: 20, time_to_first_token_s: 0.2 } };
    const { engine, workers } = chatting([
      { kind: "return", content: chunk("<think>") },
      { kind: "return", content: chunk("</think>Hi") },
      { kind: "return", content: { ...chunk(null), choices: [{ index: 0, delta: {}, finish_reason: "stop" }] } },
      { kind: "return", content: { ...chunk(null), usage } },
      { kind: "return", content: "done" },
    ]);
    await engine.load(MODEL, { contextWindow: 4096 });
    const chunks = await collect(engine.chat({ messages: [{ role: "user", content: "Hello" }], thinking: true, maxTokens: 256, temperature: 0.6 }));
    expect(chunks).toEqual([
      { kind: "delta", text: "<think>" },
      { kind: "delta", text: "</think>Hi" },
      { kind: "done", finishReason: "stop", usage: { promptTokens: 50, completionTokens: 3, prefillTokensPerSecond: 400, decodeTokensPerSecond: 20, timeToFirstTokenSeconds: 0.2 } },
    ]);
    const init = workers[0]!.received.find((m) => m.kind === "chatCompletionStreamInit")?.content as { request: Record<string, unknown> };
    expect(init.request).toMatchObject({ stream: true, stream_options: { include_usage: true }, max_tokens: 256, temperature: 0.6, extra_body: { enable_thinking: true } });
    expect(engine.state).toBe("ready");
  });

  test("an error while iterating is mapped (context overflow keeps its numbers)", async () => {
    const { engine } = chatting([
      { kind: "return", content: chunk("A") },
      { kind: "throw", content: "ContextWindowSizeExceededError: Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096" },
    ]);
    await engine.load(MODEL, { contextWindow: 4096 });
    const seen: ChatChunk[] = [];
    const run = async () => {
      for await (const item of engine.chat({ messages: [{ role: "user", content: "x" }], thinking: false, maxTokens: 10 })) seen.push(item);
    };
    await expect(run()).rejects.toMatchObject({ name: "ContextWindowExceededError", message: expect.stringContaining("5000") });
    expect(seen).toEqual([{ kind: "delta", text: "A" }]);
    expect(engine.state).toBe("ready");
  });

  test("stop() sends interruptGenerate; the stream ends with finishReason abort", async () => {
    const { engine, workers } = chatting([
      { kind: "return", content: chunk("A") },
      { kind: "return", content: { ...chunk(null), choices: [{ index: 0, delta: {}, finish_reason: "abort" }] } },
    ]);
    await engine.load(MODEL, { contextWindow: 4096 });
    const chunks: ChatChunk[] = [];
    for await (const item of engine.chat({ messages: [{ role: "user", content: "x" }], thinking: false, maxTokens: 10 })) {
      chunks.push(item);
      if (item.kind === "delta") engine.stop();
    }
    expect(workers[0]!.received.some((m) => m.kind === "interruptGenerate")).toBe(true);
    expect(chunks.at(-1)).toEqual({ kind: "done", finishReason: "abort", usage: null });
  });

  test("without a loaded model, chat and countTokens fail with ModelNotLoadedError", async () => {
    const { engine } = chatting([]);
    await expect(collect(engine.chat({ messages: [], thinking: false, maxTokens: 1 }))).rejects.toMatchObject({ name: "ModelNotLoadedError" });
    await expect(engine.countTokens("hi")).rejects.toMatchObject({ name: "ModelNotLoadedError" });
  });

  test("countTokens uses the Qwen3 tokenizer for the qwen3 family; unload frees the worker", async () => {
    const { engine, workers } = chatting([]);
    await engine.load(MODEL, { contextWindow: 4096 });
    expect(await engine.countTokens("Hello world")).toBe(2);
    await engine.unload();
    expect(workers[0]!.received.some((m) => m.kind === "unload")).toBe(true);
    expect(workers[0]!.terminated).toBe(true);
    expect(engine.state).toBe("idle");
  });
});
