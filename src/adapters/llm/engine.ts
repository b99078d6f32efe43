// The one interface every model runtime implements (web-llm today; the in-repo tiny engine or a
// remote endpoint later). Ask talks to this, never to a runtime directly.
import type { CatalogEntry } from "../../core/models/catalog";
import type { LoadProgress } from "../../core/models/progress";
import type { ChatMessage } from "../../core/prompt/types";

export type { LoadProgress } from "../../core/models/progress";
export type { ChatMessage } from "../../core/prompt/types";

export interface LoadOptions {
  /** The context window to load with, in tokens (pick it with contextWindowFor / chooseContextWindow). */
  contextWindow: number;
  /** Aborting cancels the load (the download stops; finished shards stay cached) with a CancelledError. */
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
}

/** What a loaded model can do; fixed until the next load. */
export interface EngineCapabilities {
  modelId: string;
  /** The window the model was loaded with, in tokens: prompt and reply share it. */
  contextWindow: number;
  /** Model family, e.g. "qwen3" (see src/core/models/catalog.ts). */
  family: string;
  /** Prompt template family for src/core/prompt (chatTemplateFor), or null when Folio has none. */
  templateFamily: string | null;
  supportsThinking: boolean;
  /** Whether `thinking: false` really turns thinking off (Qwen3's enable_thinking); R1 distills always think. */
  thinkingSwitch: boolean;
  /** How countTokens counts: with the model's own tokenizer ("exact") or by a rough rule ("estimate"). */
  tokenCounting: "exact" | "estimate";
  /**
   * For engines whose window is split into a prompt part and a fixed reply part (the tiny models:
   * prompt, start marker, answer), the reply part in tokens; absent when prompt and reply share it.
   */
  fixedReplyTokens?: number;
}

export interface LoadedModel {
  capabilities: EngineCapabilities;
  entry: CatalogEntry;
  /** Wall-clock seconds the load took (download included). */
  loadSeconds: number;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** Ask for a <think> block before the answer (Qwen3 enable_thinking). */
  thinking: boolean;
  /** The reply's limit in tokens, thinking included (max_tokens). */
  maxTokens: number;
  temperature?: number;
  /** Aborting stops generation between tokens, like stop(); the stream then ends with finishReason "abort". */
  signal?: AbortSignal;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  /** Prefill speed, tokens per second. */
  prefillTokensPerSecond: number;
  /** Decode speed, tokens per second. */
  decodeTokensPerSecond: number;
  /** Seconds from the request to the first generated token. */
  timeToFirstTokenSeconds: number;
}

export type FinishReason = "stop" | "length" | "abort" | "other";

export type ChatChunk =
  /** Generated text, in order; Qwen3's thinking arrives inline as <think>…</think> (parse with src/core/prompt/thinking.ts). */
  | { kind: "delta"; text: string }
  /** Always the last chunk. usage is null only if the runtime reported none (e.g. stopped during prefill). */
  | { kind: "done"; finishReason: FinishReason; usage: ChatUsage | null };

export type EngineState = "idle" | "loading" | "ready" | "generating";

export interface Engine {
  /** Loads `modelId` (downloading what is not cached), replacing any loaded model. Rejects with a FolioError. */
  load(modelId: string, options: LoadOptions): Promise<LoadedModel>;
  /**
   * Streams one reply. Errors (context overflow, device lost…) arrive while iterating, as FolioErrors
   * mapped by mapWebLlmError; one request at a time.
   */
  chat(request: ChatRequest): AsyncIterable<ChatChunk>;
  /** Tokens of `text` alone (no chat template; add templateOverheadTokens for that). Needs a loaded model. */
  countTokens(text: string): Promise<number>;
  /** Stops the current reply between tokens; prefill cannot be interrupted midway. No-op when idle. */
  stop(): void;
  /** Frees the model and its GPU memory; a load in progress is cancelled. */
  unload(): Promise<void>;
  /** The loaded model's capabilities; null while none is loaded. */
  readonly capabilities: EngineCapabilities | null;
  readonly state: EngineState;
}
