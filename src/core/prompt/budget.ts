// Token arithmetic of one request — how much evidence fits once the prompt and the reply have their
// room — and the choice of context window at model load from the model's limit and the memory.
import { PromptError, requireNumberInRange } from "./errors";

/** Room for the reply by default, in tokens. Thinking needs far more than the visible answer. */
export const DEFAULT_OUTPUT_RESERVE = { answerTokens: 1024, thinkingTokens: 4096 } as const;
/** Slack for tokenizer boundary merges and counting drift, in tokens. */
export const DEFAULT_SAFETY_TOKENS = 32;
/** Below this many tokens of evidence an answer is not worth attempting. */
export const DEFAULT_MIN_EVIDENCE_TOKENS = 128;

export interface EvidenceBudgetInput {
  /** The context window the model was loaded with, in tokens (prompt and reply share it). */
  contextWindow: number;
  /** Tokens of the whole request without evidence, template included (measurePromptOverhead). */
  promptTokens: number;
  /** Tokens reserved for the visible answer. */
  answerTokens: number;
  /** Tokens reserved for the <think> block; only counted when `thinking` is on. */
  thinkingTokens: number;
  thinking: boolean;
  /** Slack kept free, in tokens; default DEFAULT_SAFETY_TOKENS. */
  safetyTokens?: number;
  /** The smallest useful evidence budget, in tokens; default DEFAULT_MIN_EVIDENCE_TOKENS. */
  minEvidenceTokens?: number;
}

export interface EvidenceBudget {
  /** Tokens the evidence blocks may take in all (>= minEvidenceTokens). */
  evidenceTokens: number;
  /** The reply's limit to ask the runtime for (max_tokens): answer, plus thinking when on. */
  maxNewTokens: number;
  /** Tokens spoken for before evidence: prompt + reply + safety. */
  reservedTokens: number;
}

/**
 * The evidence budget in tokens: window - prompt - reply - safety. Throws ContextBudgetError when
 * less than minEvidenceTokens is left (including when the prompt and reply alone overflow).
 */
export function evidenceBudget(input: EvidenceBudgetInput): EvidenceBudget {
  const contextWindow = requireNumberInRange("contextWindow", input.contextWindow, 1);
  const promptTokens = requireNumberInRange("promptTokens", input.promptTokens, 0);
  const answerTokens = requireNumberInRange("answerTokens", input.answerTokens, 1);
  const thinkingTokens = requireNumberInRange("thinkingTokens", input.thinkingTokens, 0);
  const safetyTokens = requireNumberInRange("safetyTokens", input.safetyTokens ?? DEFAULT_SAFETY_TOKENS, 0);
  const minEvidence = requireNumberInRange("minEvidenceTokens", input.minEvidenceTokens ?? DEFAULT_MIN_EVIDENCE_TOKENS, 0);

  const maxNewTokens = Math.floor(answerTokens + (input.thinking ? thinkingTokens : 0));
  const reservedTokens = Math.ceil(promptTokens + maxNewTokens + safetyTokens);
  const evidenceTokens = Math.max(0, Math.floor(contextWindow - reservedTokens));
  if (evidenceTokens < minEvidence || evidenceTokens === 0) {
    const room = input.thinking ? "turn thinking off, " : "";
    throw new PromptError(
      "ContextBudgetError",
      `No room for evidence: the question, conversation and reply take ${reservedTokens} of the ${contextWindow} tokens ` +
        `the model can read at once, leaving ${evidenceTokens} (at least ${minEvidence} are needed).`,
      `Start a new conversation or shorten the question, ${room}or reload the model with a larger context window.`,
    );
  }
  return { evidenceTokens, maxNewTokens, reservedTokens };
}

export interface ContextWindowInput {
  /** The largest window the model supports, in tokens (its config's context_window_size limit). */
  modelMaxTokens: number;
  /** KV cache per token of window, in bytes (Qwen3-4B/8B in f16: 144 KiB = 147456). */
  kvBytesPerToken: number;
  /** Memory the machine can give the model, in bytes (an estimate of GPU or unified memory). */
  memoryBytes: number;
  /**
   * Memory the model takes besides the KV cache, in bytes: weights and runtime buffers. web-llm's
   * vram_required_MB already includes a default-size KV cache, so it overstates this a little: safe.
   */
  modelBytes: number;
  /** Share of memoryBytes Folio may use, in (0, 1]; default 0.7, leaving room for the browser and OS. */
  memoryFraction?: number;
  /** The window is rounded down to a multiple of this, in tokens; default 1024. */
  granularity?: number;
  /** The smallest window worth loading, in tokens; default 2048. */
  minTokens?: number;
  /** The user's cap, in tokens; none by default. */
  preferredTokens?: number;
}

export interface ContextWindowChoice {
  /** The context_window_size to load the model with, in tokens. */
  contextWindow: number;
  /** The KV cache that window needs, in bytes. */
  kvCacheBytes: number;
  /** What set the window: the model's limit, the memory, or the user's cap. */
  limitedBy: "model" | "memory" | "preference";
}

/**
 * The context window to load with: the largest multiple of `granularity` within the model's limit,
 * the user's cap and (memoryBytes × memoryFraction − modelBytes) / kvBytesPerToken. Throws
 * InsufficientMemoryError when that is below minTokens.
 */
export function chooseContextWindow(input: ContextWindowInput): ContextWindowChoice {
  const modelMax = requireNumberInRange("modelMaxTokens", input.modelMaxTokens, 1);
  const kvBytesPerToken = requireNumberInRange("kvBytesPerToken", input.kvBytesPerToken, Number.MIN_VALUE);
  const memoryBytes = requireNumberInRange("memoryBytes", input.memoryBytes, 0);
  const modelBytes = requireNumberInRange("modelBytes", input.modelBytes, 0);
  const fraction = requireNumberInRange("memoryFraction", input.memoryFraction ?? 0.7, Number.MIN_VALUE, 1);
  const granularity = Math.floor(requireNumberInRange("granularity", input.granularity ?? 1024, 1));
  const minTokens = requireNumberInRange("minTokens", input.minTokens ?? 2048, 1);

  const kvRoomBytes = Math.max(0, memoryBytes * fraction - modelBytes);
  const byMemory = Math.floor(kvRoomBytes / kvBytesPerToken);
  const candidates: Array<[ContextWindowChoice["limitedBy"], number]> = [
    ["model", modelMax],
    ["memory", byMemory],
  ];
  if (input.preferredTokens !== undefined) {
    candidates.push(["preference", requireNumberInRange("preferredTokens", input.preferredTokens, 1)]);
  }
  // The smallest limit wins; on a tie the model's own limit is the one to report.
  let [limitedBy, tokens] = candidates[0] as [ContextWindowChoice["limitedBy"], number];
  for (const [name, value] of candidates) {
    if (value < tokens) [limitedBy, tokens] = [name, value];
  }
  const contextWindow = tokens >= granularity ? Math.floor(tokens / granularity) * granularity : Math.floor(tokens);
  if (contextWindow < minTokens) {
    const gib = (bytes: number): string => (bytes / 2 ** 30).toFixed(1);
    throw new PromptError(
      "InsufficientMemoryError",
      limitedBy === "memory"
        ? `Not enough memory for this model: after its ${gib(modelBytes)} GiB, the ${gib(memoryBytes * fraction)} GiB Folio may use leaves room for only ${byMemory} tokens of context (at least ${minTokens} are needed).`
        : `The context window would be only ${contextWindow} tokens (at least ${minTokens} are needed).`,
      limitedBy === "memory"
        ? "Choose a smaller model, or close other tabs and apps and try again."
        : "Raise the context window setting, or choose a model with a longer context.",
    );
  }
  return { contextWindow, kvCacheBytes: contextWindow * kvBytesPerToken, limitedBy };
}
