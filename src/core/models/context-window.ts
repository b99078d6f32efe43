// The context window to load a catalog model with on this device: wires the catalog's figures and
// the capability report into chooseContextWindow (src/core/prompt/budget.ts). Pure.
import { chooseContextWindow, type ContextWindowChoice } from "../prompt/budget";
import type { Capabilities } from "./capabilities";
import { deviceMemoryBytes, type CatalogEntry } from "./catalog";

export interface ContextWindowOptions {
  /** The user's cap in tokens, if any. */
  preferredTokens?: number;
  /** Share of device memory Folio may use; chooseContextWindow's default (0.7) when absent. */
  memoryFraction?: number;
}

/**
 * The window for `entry`: at most its trained maximum, and what memory leaves after the model's
 * vram_required (which already holds a 4096-token cache, so the estimate errs on the safe side).
 * Throws InsufficientMemoryError (a PromptError) when under 2048 tokens would fit.
 */
export function contextWindowFor(entry: CatalogEntry, caps: Capabilities, options: ContextWindowOptions = {}): ContextWindowChoice {
  return chooseContextWindow({
    modelMaxTokens: entry.maxContextWindow,
    kvBytesPerToken: entry.kvBytesPerToken,
    memoryBytes: deviceMemoryBytes(caps),
    modelBytes: entry.memoryBytes,
    memoryFraction: options.memoryFraction,
    preferredTokens: options.preferredTokens,
  });
}
