// Turns selected units into the context the model receives: spans merged and put in document
// order, a bracketed source header per section, and elision marks between non-adjacent spans.
import { normalizeWhitespace } from "../text/segment";
import type { CompressSpan, LibraryIndex } from "./types";
import type { Unit } from "./units";

/** Marks text left out between two spans of the same section. */
export const ELISION = " … ";
/** Separates the groups of different sections or documents. */
export const GROUP_SEPARATOR = "\n\n";

/** A merged run of selected text in one section. Character offsets into the document's text. */
export interface Span {
  doc: number;
  section: number;
  start: number;
  end: number;
}

/** The source line that opens a section's group: "[Title]", "[Title › Heading]" or "[Title, p. 3]". */
export function headerText(index: LibraryIndex, section: number): string {
  const doc = index.docs[index.sectionDoc[section]!]!;
  const title = normalizeWhitespace(doc.title);
  if (index.sectionKind[section] === 0) return `[${title}, p. ${index.sectionNumber[section]}]`;
  const heading = normalizeWhitespace(index.sectionTitle[section]!);
  return heading && heading !== title ? `[${title} › ${heading}]` : `[${title}]`;
}

/**
 * Sorts units into document order (library order, then position) and merges those that overlap
 * or touch with only white space between them in the same section.
 */
export function mergeSpans(index: LibraryIndex, units: readonly Unit[]): Span[] {
  const spans = units.map((unit) => {
    const section = index.passageSection[unit.passage]!;
    return { doc: index.sectionDoc[section]!, section, start: unit.start, end: unit.end };
  });
  spans.sort((a, b) => a.doc - b.doc || a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    const text = index.docs[span.doc]!.text;
    if (last && last.section === span.section && (span.start <= last.end || text.slice(last.end, span.start).trim() === "")) {
      last.end = Math.max(last.end, span.end);
    } else merged.push({ ...span });
  }
  return merged;
}

/**
 * The context for merged spans as section groups, each "[source]\n" then its spans joined by
 * elision marks; the context is the groups joined by GROUP_SEPARATOR. Span text has its white
 * space runs collapsed.
 */
export function renderGroups(index: LibraryIndex, spans: readonly Span[]): string[] {
  const groups: string[] = [];
  let parts: string[] = [];
  let section = -1;
  for (const span of spans) {
    if (span.section !== section) {
      if (parts.length > 0) groups.push(parts.join(""));
      parts = [headerText(index, span.section), "\n"];
      section = span.section;
    } else parts.push(ELISION);
    parts.push(normalizeWhitespace(index.docs[span.doc]!.text.slice(span.start, span.end)));
  }
  if (parts.length > 0) groups.push(parts.join(""));
  return groups;
}

/** The exact context text for merged spans. */
export function renderContext(index: LibraryIndex, spans: readonly Span[]): string {
  return renderGroups(index, spans).join(GROUP_SEPARATOR);
}

/** Public form of merged spans: document id, page or section, character range. */
export function describeSpans(index: LibraryIndex, spans: readonly Span[]): CompressSpan[] {
  return spans.map((span) => ({
    doc: index.docs[span.doc]!.id,
    section: {
      kind: index.sectionKind[span.section] === 0 ? ("page" as const) : ("section" as const),
      number: index.sectionNumber[span.section]!,
      title: index.sectionTitle[span.section]!,
    },
    start: span.start,
    end: span.end,
  }));
}
