// Ask's policy for retrieval-only models (Folio's tiny passkey models): they read one passage and a
// question in their own layout (src/adapters/llm/tiny-prompt.ts), never the system prompt, and
// answer a bare value ("Answer: 48213") without citation markers. So the prompt overhead is that
// layout, and Folio cites the evidence that holds the value the model returned.
import type { EngineCapabilities } from "../../adapters/llm/engine";
import { TINY_FAMILY } from "../../adapters/llm/tiny-engine";
import type { StoredEvidence } from "../../adapters/storage/conversations-repository";
import { parseCitations } from "../../core/prompt/citations";
import { tinyPassageLayout } from "../../core/rl/tasks/evidence-passkey";

/** Models that retrieve a value and write no prose: no system prompt, no citations of their own. */
export function isRetrievalOnly(caps: Pick<EngineCapabilities, "family">): boolean {
  return caps.family === TINY_FAMILY;
}

/** The prompt a retrieval-only model reads around the evidence: the passage layout with an empty passage. */
export function retrievalPromptShell(question: string): string {
  return tinyPassageLayout("", question);
}

/** The value in an answer: what follows "Answer:" (or the whole answer), trimmed of end punctuation. */
export function answerValue(answer: string): string {
  const after = /answer\s*:\s*(.*)$/is.exec(answer)?.[1] ?? answer;
  return after.trim().replace(/[.;,!?]+$/, "").trim();
}

export interface AttributedAnswer {
  answer: string;
  /** Citation numbers Folio added; empty when the model cited itself or no evidence holds the value. */
  added: number[];
}

/**
 * Adds "[n]" for each evidence passage (at most `max`) that contains the answer's value verbatim,
 * when the answer cites nothing itself. Values shorter than 2 characters are too common to attribute.
 */
export function attributeAnswer(answer: string, evidence: readonly StoredEvidence[], max = 3): AttributedAnswer {
  const available = evidence.map((item) => item.citation);
  const parsed = parseCitations(answer, available);
  if (parsed.used.length > 0 || parsed.invalid.length > 0) return { answer, added: [] };
  const value = answerValue(answer);
  if (value.length < 2) return { answer, added: [] };
  const needle = value.toLowerCase();
  const added = evidence.filter((item) => item.text.toLowerCase().includes(needle)).slice(0, max).map((item) => item.citation);
  if (added.length === 0) return { answer, added };
  return { answer: `${answer.trimEnd()} ${added.map((n) => `[${n}]`).join("")}`, added };
}
