// Ask's own shapes: the settings a question is asked with, and the live state of a running turn.
import type { Granularity } from "../../core/compress/types";

export type GranularityChoice = "auto" | Granularity;
export const GRANULARITY_CHOICES: readonly GranularityChoice[] = ["auto", "phrase", "sentence", "paragraph", "section"];

export interface AskSettings {
  /** Document ids to ask over; empty means every document. */
  scope: string[];
  granularity: GranularityChoice;
  /** Evidence budget in tokens for evidence-only answers. */
  manualBudget: number;
  /** "model" answers with the loaded model; "evidence" shows the best passages only. */
  mode: "evidence" | "model";
  /** Ask the model to think first (when it can switch thinking). */
  thinking: boolean;
}

export type LivePhase = "library" | "compressing" | "prefill" | "thinking" | "answering";

/** What the running turn shows between persisted updates; text arrives batched per frame. */
export interface LiveTurn {
  turnId: string;
  phase: LivePhase;
  answer: string;
  thinking: string;
  /** Documents made ready, while the library loads. */
  progress: { done: number; total: number } | null;
}
