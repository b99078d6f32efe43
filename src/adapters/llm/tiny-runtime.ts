// The tiny-model runtime on jax-js wasm: holds one model's params and a KV-cache sampler, and
// streams a reply token by token. Runs in src/workers/tiny-engine.worker.ts (or in-process for
// Node); tinyRuntimeHandlers serves it over the typed RPC of tiny-protocol.ts.
import { defaultDevice, init, tree } from "@jax-js/jax";
import { BOS_ID, createCharTokenizer, EOS_ID, PAD_ID } from "../../core/rl/char-tokenizer";
import { FolioError } from "../../lib/errors";
import type { RpcHandlers } from "../../lib/rpc";
import { treeFromHost } from "../nn/params-io";
import { createSampler, type Sampler } from "../nn/sampling";
import { initParams, parameterCount, type TransformerParams } from "../nn/transformer";
import type { FinishReason } from "./engine";
import { decodeTinyModel, type TinyModelMeta } from "./tiny-model";
import type { TinyGenerateRequest, TinyGenerateResponse, TinyLoadResponse, TinyMethods } from "./tiny-protocol";

let wasmReady: Promise<void> | null = null;

/** Starts jax-js on wasm once (faster than WebGPU for models this small; see notes on jax-js). */
function ensureWasm(): Promise<void> {
  wasmReady ??= init("wasm").then(() => {
    defaultDevice("wasm");
  });
  return wasmReady;
}

/** Lets queued messages (a stop) in between tokens; wasm work never yields on its own. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function notLoaded(): FolioError {
  return new FolioError("ModelNotLoadedError", "No tiny model is loaded.", "Load a model in Models, then ask again.");
}

interface Loaded {
  meta: TinyModelMeta;
  params: TransformerParams;
  sampler: Sampler;
}

export class TinyRuntime {
  private readonly tokenizer = createCharTokenizer();
  private loaded: Loaded | null = null;
  private stopRequested = false;

  get meta(): TinyModelMeta | null {
    return this.loaded?.meta ?? null;
  }

  /** Decodes, validates and installs a checkpoint, then runs one token to compile the sampler. */
  async load(buffer: ArrayBuffer, fallbackId: string): Promise<TinyLoadResponse> {
    const file = decodeTinyModel(buffer, fallbackId); // throws DamagedFileError before touching the device
    await ensureWasm();
    this.unload();
    const params = treeFromHost(initParams(file.meta.model, 0), file.tensors, "params");
    this.loaded = { meta: file.meta, params, sampler: createSampler(file.meta.model.heads) };
    await this.generate({ prompt: "?", maxTokens: 1, temperature: 0, seed: 0 }, () => undefined);
    return { meta: file.meta, parameters: parameterCount(file.meta.model) };
  }

  /** Asks the reply in progress to end after its current token. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Streams one reply: each sampled character goes to onText (EOS is not shown). Replies are capped
   * at the model's trained answer length. Throws ContextWindowExceededError for a prompt longer
   * than the model's window.
   */
  async generate(request: TinyGenerateRequest, onText: (text: string) => void): Promise<TinyGenerateResponse> {
    const loaded = this.loaded;
    if (!loaded) throw notLoaded();
    const { meta } = loaded;
    const ids = [BOS_ID, ...this.tokenizer.encode(request.prompt)];
    if (ids.length > meta.maxPromptTokens + 1) {
      throw new FolioError(
        "ContextWindowExceededError",
        `The prompt has ${ids.length - 1} characters; ${meta.name} reads at most ${meta.maxPromptTokens}.`,
        "Ask with less evidence, or load a model with a longer context.",
      );
    }
    const limit = Math.max(1, Math.min(request.maxTokens, meta.maxAnswerTokens));
    this.stopRequested = false;
    const started = performance.now();
    let firstAt = started;
    let completionTokens = 0;
    let finishReason: FinishReason = "length";
    await loaded.sampler.sample(loaded.params, [ids], {
      // Fixed shapes (the whole window, the full answer length) so every request reuses one trace.
      maxNewTokens: meta.maxAnswerTokens,
      padPromptTo: meta.maxPromptTokens + 1,
      temperature: request.temperature,
      seed: request.seed,
      eosId: EOS_ID,
      padId: PAD_ID,
      onStep: async (picked, step) => {
        if (step === 0) firstAt = performance.now();
        const token = picked[0] as number;
        if (token === EOS_ID) {
          finishReason = "stop";
          return false;
        }
        completionTokens++;
        onText(this.tokenizer.decode([token]));
        if (completionTokens >= limit) return false;
        await yieldToEvents();
        if (this.stopRequested) {
          finishReason = "abort";
          return false;
        }
        return true;
      },
    });
    const ended = performance.now();
    return {
      finishReason,
      promptTokens: ids.length,
      completionTokens,
      prefillSeconds: (firstAt - started) / 1000,
      decodeSeconds: (ended - firstAt) / 1000,
    };
  }

  unload(): void {
    if (!this.loaded) return;
    tree.dispose(this.loaded.params);
    this.loaded.sampler.dispose();
    this.loaded = null;
  }
}

/** The RPC handlers over one runtime (what the worker serves). */
export function tinyRuntimeHandlers(runtime: TinyRuntime): RpcHandlers<TinyMethods> {
  return {
    load: ({ buffer, fallbackId }) => runtime.load(buffer, fallbackId),
    generate: (request, { progress, signal }) => {
      signal.addEventListener("abort", () => runtime.stop());
      return runtime.generate(request, (text) => progress({ text }));
    },
    stop: async () => {
      runtime.stop();
      return null;
    },
    unload: async () => {
      runtime.unload();
      return null;
    },
  };
}
