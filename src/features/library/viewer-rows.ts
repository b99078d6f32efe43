// Flattens a document into the viewer's rows (a header per page or section, then its paragraphs)
// with lookups from character offsets and sections to row indexes.
import { normalizeWhitespace } from "../../core/text/segment";
import type { DocumentContent } from "../../core/text/types";

export type ViewerRow =
  /** A page's label ("Page 3"), or an untitled section's title. Not part of the text. */
  | { kind: "label"; section: number; title: string }
  /** A section heading, which is also the section's first paragraph of text. */
  | { kind: "heading"; section: number; level: number; start: number; end: number }
  | { kind: "paragraph"; section: number; start: number; end: number }
  /** A page or section without any text (a blank or image-only page). */
  | { kind: "empty"; section: number };

export interface ViewerLayout {
  rows: ViewerRow[];
  /** Row index of each section's first row, by section index. */
  sectionRows: number[];
  /** Text rows (headings and paragraphs) in order, as [start, rowIndex] for offset lookups. */
  textStarts: number[];
  textRows: number[];
}

export function buildViewerLayout(content: DocumentContent): ViewerLayout {
  const rows: ViewerRow[] = [];
  const sectionRows: number[] = [];
  const textStarts: number[] = [];
  const textRows: number[] = [];
  content.sections.forEach((section, index) => {
    sectionRows.push(rows.length);
    const [first, ...rest] = section.paragraphs;
    const headingIsText =
      section.kind === "section" &&
      section.level > 0 &&
      first !== undefined &&
      content.text.slice(first.start, first.end) === normalizeWhitespace(section.title);
    const body = headingIsText ? rest : section.paragraphs;
    if (headingIsText && first) {
      textStarts.push(first.start);
      textRows.push(rows.length);
      rows.push({ kind: "heading", section: index, level: section.level, start: first.start, end: first.end });
    } else {
      rows.push({ kind: "label", section: index, title: section.title });
    }
    for (const paragraph of body) {
      textStarts.push(paragraph.start);
      textRows.push(rows.length);
      rows.push({ kind: "paragraph", section: index, start: paragraph.start, end: paragraph.end });
    }
    if (section.paragraphs.length === 0) rows.push({ kind: "empty", section: index });
  });
  return { rows, sectionRows, textStarts, textRows };
}

/** The row holding character `offset`, or the last text row starting before it; 0 for none. */
export function rowForOffset(layout: ViewerLayout, offset: number): number {
  let low = 0;
  let high = layout.textStarts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((layout.textStarts[mid] as number) <= offset) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? (layout.textRows[0] ?? 0) : (layout.textRows[low - 1] as number);
}

/** The section a row belongs to. */
export function sectionOfRow(layout: ViewerLayout, row: number): number {
  return layout.rows[row]?.section ?? 0;
}
