// Pure helpers of Ask's evidence: compressor spans -> numbered evidence (citation n = span n, in
// document order), source labels, and the figures shown above the evidence panel.
import type { CompressSpan } from "../../core/compress/types";
import type { EvidenceSpan } from "../../core/prompt/types";
import type { StoredEvidence } from "../../adapters/storage/conversations-repository";

/** Where a span sits: "p. 4" for a page, the heading for a section, "" for an untitled document. */
export function sectionLabel(section: CompressSpan["section"], documentTitle: string): string {
  if (section.kind === "page") return `p. ${section.number}`;
  const heading = section.title.replace(/\s+/g, " ").trim();
  const title = documentTitle.trim();
  // Untitled text files get their file name (without extension) as the section title: not worth repeating.
  const sameAsTitle = heading === title || heading === title.replace(/\.[a-z0-9]{1,5}$/i, "");
  return heading && !sameAsTitle ? heading : "";
}

/**
 * Numbers the spans 1, 2, 3 … in the order given (the compressor's document order). `texts[i]` is
 * span i's text; `titles` maps document ids to display names (an unknown id shows "Untitled document").
 */
export function numberEvidence(spans: readonly CompressSpan[], texts: readonly string[], titles: ReadonlyMap<string, string>): StoredEvidence[] {
  return spans.map((span, i) => {
    const documentTitle = titles.get(span.doc) ?? "Untitled document";
    return {
      citation: i + 1,
      docId: span.doc,
      documentTitle,
      label: sectionLabel(span.section, documentTitle),
      start: span.start,
      end: span.end,
      text: texts[i] ?? "",
    };
  });
}

/** The prompt's view of the evidence (core/prompt's EvidenceSpan). */
export function toPromptEvidence(evidence: readonly StoredEvidence[]): EvidenceSpan[] {
  return evidence.map(({ citation, documentTitle, label, text }) => ({ citation, documentTitle, label, text }));
}

/** "Report.pdf · p. 4", or just the title when there is no label. */
export function sourceLine(item: Pick<StoredEvidence, "documentTitle" | "label">): string {
  return item.label ? `${item.documentTitle} · ${item.label}` : item.documentTitle;
}

/** How many times smaller the context is than the library: "59×", "1.4×", or "—" with no context. */
export function formatRatio(libraryTokens: number, contextTokens: number): string {
  if (!(contextTokens > 0) || !(libraryTokens > 0)) return "—";
  const ratio = libraryTokens / contextTokens;
  return `${ratio >= 10 ? Math.round(ratio).toLocaleString("en") : ratio.toFixed(1)}×`;
}

/** "48,210" for whole token counts. */
export function formatTokens(tokens: number): string {
  return Math.round(tokens).toLocaleString("en");
}

/** "34 ms" under a second, "1.2 s" above. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A conversation's title from its first question: one line, at most `max` characters. */
export function conversationTitle(question: string, max = 60): string {
  const line = question.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
