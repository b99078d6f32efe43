// Engine for Folio's own tiny character-level models (a checkpoint trained in the RL lab, or the
// shipped public/models/passkey-tiny.folio-ckpt), run on jax-js wasm in a worker
// (src/workers/tiny-engine.worker.ts). Chat requests are mapped to the model's training layout by
// tiny-prompt.ts; replies stream token by token from the KV-cache sampler.
//
//   const engine = new TinyEngine();
//   await engine.load("passkey-tiny", { contextWindow: 0 });       // the shipped model, by id
//   await engine.loadCheckpoint({ url }, { onProgress });            // any checkpoint URL
//   await engine.loadCheckpoint({ buffer, id: "my-run" });          // bytes from the Lab or a file
//   for await (const chunk of engine.chat({ messages, thinking: false, maxTokens: 16 })) ...
import type { CatalogEntry, LocalFamily } from "../../core/models/catalog";
import { createCharTokenizer } from "../../core/rl/char-tokenizer";
import { FolioError } from "../../lib/errors";
import { cancelledError, createRpcClient, type MessagePortLike, type RpcClient } from "../../lib/rpc";
import type { ChatChunk, ChatRequest, LoadedModel, LoadOptions, LoadProgress } from "./engine";
import { EngineBase, noTokenizerError } from "./engine-base";
import { fetchTinyCheckpoint, shippedTinyModelUrl, type TinySource } from "./tiny-fetch";
import { chatToTinyPrompt } from "./tiny-prompt";
import type { TinyGenerateResponse, TinyLoadResponse, TinyMethods } from "./tiny-protocol";

export type { TinySource } from "./tiny-fetch";

/** A worker, or anything that speaks to a tiny runtime the same way (tiny-in-process.ts). */
export interface TinyPort extends MessagePortLike {
  terminate(): void;
}

export interface TinyEngineOptions {
  /** Starts the runtime; default the bundled worker. Node passes createInProcessTinyPort. */
  createPort?: () => TinyPort;
  /** Where a model id's checkpoint is; default the shipped models under the app's models/ folder. */
  resolve?: (modelId: string) => TinySource;
  fetch?: typeof fetch;
  /** Called whenever state or the loaded model changes. */
  onChange?: () => void;
}

/** The family every tiny model reports in its capabilities. */
export const TINY_FAMILY: LocalFamily = "folio-tiny";

function startTinyWorker(): TinyPort {
  return new Worker(new URL("../../workers/tiny-engine.worker.ts", import.meta.url), { type: "module", name: "folio-tiny" });
}

/** The catalog shape Engine.load reports: a local family, its window fixed by the checkpoint. */
function tinyEntry(loaded: TinyLoadResponse, bytes: number, url: string): CatalogEntry {
  const { meta } = loaded;
  const window = meta.maxPromptTokens + 1 + meta.maxAnswerTokens;
  return {
    modelId: meta.id,
    name: meta.name,
    family: TINY_FAMILY,
    familyLabel: "Folio tiny",
    parameters: loaded.parameters,
    format: "q0f32",
    precision: "f32",
    downloadBytes: bytes,
    memoryBytes: bytes,
    defaultContextWindow: window,
    maxContextWindow: window,
    kvBytesPerToken: 2 * meta.model.layers * meta.model.dModel * 4,
    lowResource: true,
    templateFamily: null,
    supportsThinking: false,
    thinkingSwitch: false,
    modelUrl: url,
    modelLibUrl: "",
  };
}

/** Wakes a reply waiting for the next token; `cut` ends it early (the model was unloaded under it). */
interface ReplyWaker {
  cut: boolean;
  wake: (() => void) | null;
}

export class TinyEngine extends EngineBase {
  private port: TinyPort | null = null;
  private client: RpcClient<TinyMethods> | null = null;
  private maxPromptChars = 0;
  /** Ends the reply in progress when the model is unloaded under it (its RPC call will never answer). */
  private cutChat: (() => void) | null = null;
  private readonly tokenizer = createCharTokenizer();

  constructor(private readonly options: TinyEngineOptions = {}) {
    super(options);
  }

  /** Loads a model by id (see TinyEngineOptions.resolve). options.contextWindow is ignored: a tiny model's window is fixed. */
  load(modelId: string, options: LoadOptions): Promise<LoadedModel> {
    const source = (this.options.resolve ?? ((id: string) => ({ url: shippedTinyModelUrl(id), id })))(modelId);
    return this.loadCheckpoint(source, options);
  }

  /** Loads a checkpoint from a URL or from bytes (a buffer is transferred to the runtime, so it is emptied). */
  async loadCheckpoint(source: TinySource, options: Omit<LoadOptions, "contextWindow"> = {}): Promise<LoadedModel> {
    if (options.signal?.aborted) throw cancelledError();
    await this.unload();
    const load = this.beginLoad(options.signal, (error, aborted) => (aborted && !(error instanceof FolioError) ? cancelledError() : error));
    const { controller } = load;
    const started = performance.now();
    const report = (progress: LoadProgress) => options.onProgress?.(progress);
    try {
      const buffer = await fetchTinyCheckpoint(source, { fetch: this.options.fetch, signal: controller.signal, onProgress: report });
      const bytes = buffer.byteLength;
      const port = (this.options.createPort ?? startTinyWorker)();
      this.port = port;
      this.client = createRpcClient<TinyMethods>(port);
      report({ fraction: 0, phase: "load", bytesDone: 0, bytesTotal: bytes, text: "Starting the tiny model" });
      const fallbackId = source.id ?? "lab-checkpoint";
      const response = await this.client.call("load", { buffer, fallbackId }, { signal: controller.signal, transfer: [buffer] });
      report({ fraction: 1, phase: "compile", bytesDone: bytes, bytesTotal: bytes, text: `Ready: ${response.meta.name}` });
      const entry = tinyEntry(response, bytes, "url" in source ? source.url : "");
      this.maxPromptChars = response.meta.maxPromptTokens;
      return this.loadSucceeded(load, {
        entry,
        loadSeconds: (performance.now() - started) / 1000,
        capabilities: {
          modelId: entry.modelId,
          contextWindow: entry.maxContextWindow,
          family: TINY_FAMILY,
          templateFamily: null,
          supportsThinking: false,
          thinkingSwitch: false,
          tokenCounting: "exact",
          fixedReplyTokens: entry.maxContextWindow - response.meta.maxPromptTokens,
        },
      });
    } catch (error) {
      throw this.loadFailed(load, error);
    }
  }

  /**
   * Streams one reply. The messages are mapped to the model's layout (tiny-prompt.ts); `thinking`
   * is ignored (tiny models never think) and maxTokens is capped at the model's answer length.
   */
  async *chat(request: ChatRequest): AsyncIterable<ChatChunk> {
    yield* this.reply(request, this.client, (client) => {
      const { prompt } = chatToTinyPrompt(request.messages, this.maxPromptChars);
      const waker: ReplyWaker = { cut: false, wake: null };
      this.cutChat = () => {
        waker.cut = true;
        waker.wake?.();
      };
      return { chunks: this.generate(client, request, prompt, waker), stop: () => this.stop() };
    });
  }

  /** Relays the runtime's tokens as they arrive, then its usage. */
  private async *generate(client: RpcClient<TinyMethods>, request: ChatRequest, prompt: string, waker: ReplyWaker): AsyncGenerator<ChatChunk> {
    const queue: string[] = [];
    let result: TinyGenerateResponse | null = null;
    let failure: unknown = null;
    const started = performance.now();
    const pending = client
      .call(
        "generate",
        { prompt, maxTokens: request.maxTokens, temperature: request.temperature ?? 0, seed: Math.floor(Math.random() * 0xffffffff) },
        { onProgress: ({ text }) => (queue.push(text), waker.wake?.()) },
      )
      .then(
        (response) => void (result = response),
        (error: unknown) => void (failure = error ?? new Error("generation failed")),
      )
      .finally(() => waker.wake?.());
    try {
      for (;;) {
        while (queue.length > 0) yield { kind: "delta", text: queue.shift() as string };
        if (result || failure || waker.cut) break;
        await new Promise<void>((resolve) => (waker.wake = resolve));
        waker.wake = null;
      }
      if (waker.cut) {
        yield { kind: "done", finishReason: "abort", usage: null };
        return;
      }
      await pending;
      while (queue.length > 0) yield { kind: "delta", text: queue.shift() as string };
      if (failure) throw failure;
      const done = result as TinyGenerateResponse | null;
      if (!done) throw new FolioError("ModelRuntimeError", "The tiny model stopped without a reply.", "Load the model again.");
      const total = (performance.now() - started) / 1000;
      yield {
        kind: "done",
        finishReason: request.signal?.aborted ? "abort" : done.finishReason,
        usage: {
          promptTokens: done.promptTokens,
          completionTokens: done.completionTokens,
          prefillTokensPerSecond: done.prefillSeconds > 0 ? done.promptTokens / done.prefillSeconds : 0,
          decodeTokensPerSecond: done.decodeSeconds > 0 ? done.completionTokens / done.decodeSeconds : 0,
          timeToFirstTokenSeconds: Math.min(total, done.prefillSeconds),
        },
      };
    } finally {
      this.cutChat = null;
    }
  }

  /** Characters of `text`: the tiny models read one token per character. */
  async countTokens(text: string): Promise<number> {
    if (!this.loaded) throw noTokenizerError();
    return this.tokenizer.count(text);
  }

  stop(): void {
    if (this.state === "generating") this.client?.call("stop", null).catch(() => undefined);
  }

  async unload(): Promise<void> {
    this.cancelLoad();
    this.release(this.port !== null);
  }

  protected teardown(): void {
    this.cutChat?.();
    this.port?.terminate();
    this.port = null;
    this.client = null;
    this.loaded = null;
  }
}
