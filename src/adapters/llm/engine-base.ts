// What every Engine implementation shares, so a runtime supplies only how it loads and how it
// generates: the state (idle, loading, ready, generating) and its change notifications, a load
// that can be cancelled and cleans up after itself, and the guards and clean-up around a reply.
import { FolioError } from "../../lib/errors";
import { cancelledError } from "../../lib/rpc";
import type { ChatChunk, ChatRequest, Engine, EngineCapabilities, EngineState, LoadedModel, LoadOptions } from "./engine";

function notLoadedError(): FolioError {
  return new FolioError("ModelNotLoadedError", "No model is loaded.", "Load a model in Models, then ask again.");
}

export function noTokenizerError(): FolioError {
  return new FolioError("ModelNotLoadedError", "No model is loaded, so there is no tokenizer to count with.", "Load a model in Models first.");
}

/** A reply about to be generated. */
export interface ReplyStream {
  /** The reply's chunks, "done" last; generation starts when the first one is pulled. */
  chunks: AsyncIterable<ChatChunk>;
  /** Stops generation between tokens (called when the request's signal aborts). */
  stop: () => void;
}

/** A load in progress (see EngineBase.beginLoad). */
export interface PendingLoad {
  /** Aborted when the load is cancelled; pass its signal to everything the load waits on. */
  controller: AbortController;
  /** Unlinks the caller's signal. */
  unlink: () => void;
  /** Names a failure; `aborted` says whether the load had been cancelled. */
  toError: (error: unknown, aborted: boolean) => unknown;
}

export abstract class EngineBase implements Engine {
  /** Set by loadSucceeded(); cleared by teardown(). */
  protected loaded: LoadedModel | null = null;
  private loadController: AbortController | null = null;
  private current: EngineState = "idle";

  constructor(private readonly hooks: { onChange?: () => void }) {}

  abstract load(modelId: string, options: LoadOptions): Promise<LoadedModel>;
  abstract chat(request: ChatRequest): AsyncIterable<ChatChunk>;
  abstract countTokens(text: string): Promise<number>;
  abstract stop(): void;
  abstract unload(): Promise<void>;
  /** Drops the runtime and the loaded model at once (no state change); must set `loaded` to null. */
  protected abstract teardown(): void;

  get state(): EngineState {
    return this.current;
  }

  get capabilities(): EngineCapabilities | null {
    return this.loaded?.capabilities ?? null;
  }

  protected setState(state: EngineState): void {
    this.current = state;
    this.hooks.onChange?.();
  }

  /**
   * Starts a load: state "loading", under its own AbortController, which the caller's `signal`,
   * unload() and a newer load abort. The load then ends with loadSucceeded or, from its catch,
   * loadFailed. The runtime's own try calls these, rather than the base wrapping the load: a
   * wrapper would clean up a failed load a microtask later, and an awaited unload() would then
   * still find the engine loading.
   */
  protected beginLoad(signal: AbortSignal | undefined, toError: (error: unknown, aborted: boolean) => unknown): PendingLoad {
    const controller = new AbortController();
    this.loadController = controller;
    const onOuterAbort = () => controller.abort(cancelledError());
    signal?.addEventListener("abort", onOuterAbort);
    this.setState("loading");
    return { controller, unlink: () => signal?.removeEventListener("abort", onOuterAbort), toError };
  }

  /** Ends a load well: `model` is loaded and the engine ready. */
  protected loadSucceeded(load: PendingLoad, model: LoadedModel): LoadedModel {
    this.loaded = model;
    this.setState("ready");
    this.endLoad(load);
    return model;
  }

  /** Ends a failed load: tears down what it started, and returns the error to throw, as named by its toError. */
  protected loadFailed(load: PendingLoad, error: unknown): unknown {
    // A newer load may already own the engine (it unloaded this one): leave its runtime alone.
    if (this.loadController === load.controller) {
      this.teardown();
      this.setState("idle");
    }
    const named = load.toError(error, load.controller.signal.aborted);
    this.endLoad(load);
    return named;
  }

  private endLoad(load: PendingLoad): void {
    load.unlink();
    if (this.loadController === load.controller) this.loadController = null;
  }

  /** Cancels the load in progress, if any (it then fails with a CancelledError). */
  protected cancelLoad(): void {
    this.loadController?.abort(cancelledError());
  }

  /** Tears the runtime down (for unload); the engine is idle after unless a load is starting. */
  protected release(hadRuntime: boolean): void {
    const had = hadRuntime || this.loaded !== null;
    this.teardown();
    if (had && this.current !== "loading") this.setState("idle");
  }

  /**
   * Streams one reply on `runtime` (null when none is loaded): one request at a time, in state
   * "generating", the request's signal wired to the reply's stop. `start` prepares the reply.
   */
  protected async *reply<R>(request: ChatRequest, runtime: R | null, start: (runtime: R) => ReplyStream): AsyncGenerator<ChatChunk> {
    if (runtime === null || !this.loaded) throw notLoadedError();
    if (this.current === "generating") {
      throw new FolioError("InvalidRequestError", "A reply is already being generated.", "Wait for it to finish, or stop it first.");
    }
    if (request.signal?.aborted) {
      yield { kind: "done", finishReason: "abort", usage: null };
      return;
    }
    const { chunks, stop } = start(runtime);
    request.signal?.addEventListener("abort", stop);
    this.setState("generating");
    try {
      yield* chunks;
    } finally {
      request.signal?.removeEventListener("abort", stop);
      // Unless an unload or a new load changed the state meanwhile, the engine is ready again.
      if (this.state === "generating") this.setState(this.loaded ? "ready" : "idle");
    }
  }
}
