// What a question costs in tokens before any evidence, and what each evidence block adds: the two
// numbers the evidence selector needs to fill the budget without overflowing the context window.
import type { Tokenizer } from "../text/types";
import { assemblePrompt, EVIDENCE_SEPARATOR, formatEvidenceBlock, type AssembleInput } from "./assemble";
import { countPromptTokens } from "./chat-template";
import type { EvidenceSpan } from "./types";

/**
 * Tokens of the request without evidence: system prompt, history, question, fixed wording and chat
 * template. Measured with the "no evidence" note in place of the blocks, which slightly overstates it
 * (by about a dozen tokens), so overhead + the sum of evidenceBlockTokens never undercounts by more
 * than a token or two of merges at block boundaries.
 */
export function measurePromptOverhead(input: Omit<AssembleInput, "evidence">, tokenizer: Tokenizer): number {
  const { messages } = assemblePrompt({ ...input, evidence: [] });
  return countPromptTokens(messages, tokenizer, input.options.thinking);
}

/** Tokens one evidence span adds to the request: its fenced block plus the separator before it. */
export function evidenceBlockTokens(span: EvidenceSpan, tokenizer: Tokenizer): number {
  return tokenizer.count(formatEvidenceBlock(span)) + tokenizer.count(EVIDENCE_SEPARATOR);
}

/** Tokens the block wrapper adds around a span's own text (header, delimiters, separator). */
export function evidenceWrapperTokens(span: EvidenceSpan, tokenizer: Tokenizer): number {
  return evidenceBlockTokens(span, tokenizer) - tokenizer.count(span.text);
}
