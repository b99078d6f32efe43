// Safe Markdown for model answers: marked's lexer turns the text into tokens, and tokens become
// React elements (markdown-view.tsx); no HTML string is ever parsed or injected. Citation markers
// are swapped for placeholders before lexing so Markdown cannot split or mangle them.
import { lexer, type Token } from "marked";
import { parseCitations, type CitationRef } from "../../core/prompt/citations";

/** Private-use characters that cannot come from a model's text in practice. */
const OPEN = "\uE000";
const CLOSE = "\uE001";
export const PLACEHOLDER = /\uE000(\d+)\uE001/g;

export interface PreparedAnswer {
  tokens: Token[];
  /** Citation markers in order; placeholder k in the tokens stands for markers[k]. */
  markers: { raw: string; refs: CitationRef[] }[];
  /** Valid numbers cited, first use first; and numbers that match no evidence. */
  used: number[];
  invalid: number[];
}

/** Lexes `answer` with its citation markers (numbers checked against `available`) held aside. */
export function prepareAnswer(answer: string, available: Iterable<number>): PreparedAnswer {
  const clean = answer.replace(/[\uE000\uE001]/g, "");
  const parsed = parseCitations(clean, available);
  const markers: PreparedAnswer["markers"] = [];
  const source = parsed.segments
    .map((segment) => {
      if (segment.kind === "text") return segment.text;
      markers.push({ raw: segment.raw, refs: segment.refs });
      return `${OPEN}${markers.length - 1}${CLOSE}`;
    })
    .join("");
  return { tokens: lexer(source), markers, used: parsed.used, invalid: parsed.invalid };
}

/** Only these link schemes become links; anything else (javascript:, data:, vbscript:) stays text. */
const SAFE_SCHEME = /^(?:https?:|mailto:)/i;

/** The href to render, or null to drop the link (relative and unsafe destinations included). */
export function safeHref(href: string): string | null {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): drop them first.
  const trimmed = Array.from(href).filter((c) => c.charCodeAt(0) > 32 && c.charCodeAt(0) !== 127).join("");
  return SAFE_SCHEME.test(trimmed) ? trimmed : null;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: "\u00A0" };

/** Decodes the few named entities marked leaves in text, so "&amp;" reads as "&". */
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? _m);
}

/** Puts markers' raw text back, for places where a citation button makes no sense (code). */
export function restoreMarkers(text: string, markers: PreparedAnswer["markers"]): string {
  return text.replace(PLACEHOLDER, (_m, k: string) => markers[Number(k)]?.raw ?? "");
}
