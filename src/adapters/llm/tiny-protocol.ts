// The typed RPC protocol between TinyEngine (page) and the tiny-model runtime (worker, or the same
// thread through tiny-in-process.ts): load a checkpoint, stream one reply, stop it, unload.
import type { FinishReason } from "./engine";
import type { TinyModelMeta } from "./tiny-model";

export interface TinyLoadRequest {
  /** The checkpoint bytes; transferred, so the caller's buffer is emptied. */
  buffer: ArrayBuffer;
  /** The id a Lab checkpoint (which names none) is given. */
  fallbackId: string;
}

export interface TinyLoadResponse {
  meta: TinyModelMeta;
  parameters: number;
}

export interface TinyGenerateRequest {
  /** The model's prompt (see tiny-prompt.ts), BOS not included. */
  prompt: string;
  maxTokens: number;
  /** 0 is greedy. */
  temperature: number;
  seed: number;
}

export interface TinyGenerateResponse {
  finishReason: FinishReason;
  promptTokens: number;
  completionTokens: number;
  prefillSeconds: number;
  decodeSeconds: number;
}

export type TinyMethods = {
  load: { request: TinyLoadRequest; progress: never; response: TinyLoadResponse };
  /** Progress carries each sampled token's text, in order. */
  generate: { request: TinyGenerateRequest; progress: { text: string }; response: TinyGenerateResponse };
  /** Ends the reply in progress after the current token (its generate resolves with "abort"). */
  stop: { request: null; progress: never; response: null };
  unload: { request: null; progress: never; response: null };
};
