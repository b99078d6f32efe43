// Engine on @mlc-ai/web-llm, with the runtime in a Web Worker (src/workers/llm.worker.ts) so
// downloads, shader compilation and decoding never block the page.
import type { ChatCompletionChunk, CompletionUsage, InitProgressReport, WebWorkerMLCEngine } from "@mlc-ai/web-llm";
import { findEntry, type CatalogEntry } from "../../core/models/catalog";
import { parseWebLlmProgress, RateMeter } from "../../core/models/progress";
import { cancelledError } from "../../lib/rpc";
import { FolioError } from "../../lib/errors";
import type { ChatChunk, ChatRequest, ChatUsage, EngineCapabilities, FinishReason, LoadedModel, LoadOptions } from "./engine";
import { EngineBase, noTokenizerError, type ReplyStream } from "./engine-base";
import { loadWebLlm, loadWebLlmCatalog } from "./web-llm-catalog";
import { mapWebLlmError } from "./web-llm-errors";
import { tokenCounterFor, type TokenCounter } from "./token-counter";

export interface WebLlmEngineOptions {
  /** Starts the worker that hosts web-llm; tests may pass their own. */
  createWorker?: () => Worker;
  /**
   * A load fails with ModelDownloadError after this long without any progress, in ms (default 60 s).
   * web-llm sets no timeout on its fetches, and a dead connection can leave one pending for minutes.
   */
  stallTimeoutMs?: number;
  /** Called whenever state or the loaded model changes. */
  onChange?: () => void;
}

const DEFAULT_STALL_MS = 60_000;

function startLlmWorker(): Worker {
  return new Worker(new URL("../../workers/llm.worker.ts", import.meta.url), { type: "module", name: "folio-llm" });
}

function stalledError(seconds: number): FolioError {
  return new FolioError(
    "ModelDownloadError",
    `The model download stalled: nothing arrived for ${seconds} seconds.`,
    "Check your connection and try again; the download resumes from the last finished shard.",
  );
}

function toUsage(usage: CompletionUsage): ChatUsage {
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    prefillTokensPerSecond: usage.extra.prefill_tokens_per_s,
    decodeTokensPerSecond: usage.extra.decode_tokens_per_s,
    timeToFirstTokenSeconds: usage.extra.time_to_first_token_s,
  };
}

function toFinishReason(reason: string | null | undefined): FinishReason {
  return reason === "stop" || reason === "length" || reason === "abort" ? reason : "other";
}

export class WebLlmEngine extends EngineBase {
  private worker: Worker | null = null;
  private engine: WebWorkerMLCEngine | null = null;
  private counter: TokenCounter | null = null;

  constructor(private readonly options: WebLlmEngineOptions = {}) {
    super(options);
  }

  async load(modelId: string, options: LoadOptions): Promise<LoadedModel> {
    if (options.signal?.aborted) throw cancelledError();
    await this.unload();
    const { appConfig, entries } = await loadWebLlmCatalog();
    const entry = findEntry(entries, modelId);
    if (!entry) {
      throw new FolioError("ModelNotFoundError", `"${modelId}" is not in Folio's model list.`, "Pick a model from the list in Models.");
    }
    const load = this.beginLoad(options.signal, (error) => mapWebLlmError(error).error);
    const { controller } = load;
    const started = performance.now();
    let worker: Worker | null = null;
    try {
      const webllm = await loadWebLlm();
      if (controller.signal.aborted) throw controller.signal.reason;
      worker = (this.options.createWorker ?? startLlmWorker)();
      this.worker = worker;
      const meter = new RateMeter();
      const stallMs = this.options.stallTimeoutMs ?? DEFAULT_STALL_MS;
      let stallTimer: ReturnType<typeof setTimeout> | undefined;
      const armStall = () => {
        clearTimeout(stallTimer);
        stallTimer = setTimeout(() => controller.abort(stalledError(Math.round(stallMs / 1000))), stallMs);
      };
      armStall();
      const engine = new webllm.WebWorkerMLCEngine(worker, {
        appConfig,
        initProgressCallback: (report: InitProgressReport) => {
          armStall();
          options.onProgress?.(meter.observe(parseWebLlmProgress(report), performance.now()));
        },
      });
      this.engine = engine;
      // web-llm resolves reload() quietly when aborted, and a dead worker never answers, so the load
      // races its own failure paths: the caller's abort, the stall timer and a worker that fails to start.
      const failure = new Promise<never>((_, reject) => {
        controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
        worker?.addEventListener("error", (event) => reject(new Error(`Worker failed to start: ${event.message}`)), { once: true });
      });
      failure.catch(() => undefined); // raced below; never an unhandled rejection once reload has won
      try {
        await Promise.race([
          engine.reload(modelId, { context_window_size: options.contextWindow, sliding_window_size: -1 }),
          failure,
        ]);
      } finally {
        clearTimeout(stallTimer);
      }
      const counter = tokenCounterFor(entry);
      this.counter = counter;
      return this.loadSucceeded(load, {
        capabilities: capabilitiesOf(entry, options.contextWindow, counter.kind),
        entry,
        loadSeconds: (performance.now() - started) / 1000,
      });
    } catch (error) {
      throw this.loadFailed(load, error);
    }
  }

  async *chat(request: ChatRequest): AsyncIterable<ChatChunk> {
    yield* this.reply(request, this.engine, (engine): ReplyStream => ({
      chunks: streamReply(engine, request),
      stop: () => engine.interruptGenerate(),
    }));
  }

  async countTokens(text: string): Promise<number> {
    if (!this.counter) throw noTokenizerError();
    return this.counter.count(text);
  }

  stop(): void {
    if (this.state === "generating") this.engine?.interruptGenerate();
  }

  async unload(): Promise<void> {
    this.cancelLoad();
    const engine = this.engine;
    if (engine && this.loaded) {
      // Free GPU memory in an orderly way first; terminating the worker frees whatever is left.
      await Promise.race([engine.unload().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    this.release(this.worker !== null);
  }

  protected teardown(): void {
    this.worker?.terminate();
    this.worker = null;
    this.engine = null;
    this.loaded = null;
    this.counter = null;
  }
}

function capabilitiesOf(entry: CatalogEntry, contextWindow: number, tokenCounting: "exact" | "estimate"): EngineCapabilities {
  return {
    modelId: entry.modelId,
    contextWindow,
    family: entry.family,
    templateFamily: entry.templateFamily,
    supportsThinking: entry.supportsThinking,
    thinkingSwitch: entry.thinkingSwitch,
    tokenCounting,
  };
}

/** One reply from web-llm as chunks: its deltas as they stream, then how it finished and its usage. */
async function* streamReply(engine: WebWorkerMLCEngine, request: ChatRequest): AsyncGenerator<ChatChunk> {
  let finishReason: FinishReason = "other";
  let usage: ChatUsage | null = null;
  let stream: AsyncIterable<ChatCompletionChunk>;
  try {
    stream = await engine.chat.completions.create({
      messages: request.messages,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: request.maxTokens,
      temperature: request.temperature,
      extra_body: { enable_thinking: request.thinking },
    });
  } catch (error) {
    throw mapWebLlmError(error).error;
  }
  // web-llm raises its errors here, while iterating, not from create(); through the worker they are strings.
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<ChatCompletionChunk>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw mapWebLlmError(error).error;
    }
    if (next.done) break;
    const chunk = next.value;
    const choice = chunk.choices[0];
    const text = choice?.delta.content;
    if (text) yield { kind: "delta", text };
    if (choice?.finish_reason) finishReason = toFinishReason(choice.finish_reason);
    if (chunk.usage) usage = toUsage(chunk.usage);
  }
  yield { kind: "done", finishReason: request.signal?.aborted ? "abort" : finishReason, usage };
}
