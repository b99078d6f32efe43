// Rebuilds lines and paragraphs of one PDF page from positioned text runs (pdf.js text items).
import { xyCutOrder, type Box } from "./reading-order";

/** One run of text on a page, in PDF user space (y grows upwards), as a text layer gives it. */
export interface PositionedText {
  text: string;
  /** Baseline start. */
  x: number;
  y: number;
  width: number;
  /** Font height; 0 when unknown. */
  height: number;
  /** The producer (pdf.js) saw a line end after this run. */
  hasEOL: boolean;
}

interface Line {
  text: string;
  x: number;
  /** Right end of the last run. */
  x1: number;
  y: number;
  height: number;
}

/** A vertical gap this many times the page's usual line pitch starts a new paragraph. */
const PARAGRAPH_GAP = 1.5;
/** A font height change of this share starts a new paragraph (headings, captions, footnotes). */
const HEIGHT_CHANGE = 0.2;
/**
 * A horizontal gap of this many font heights inside a line splits it into separate boxes (table
 * cells, code and its comments, a section number and its title); word spaces, even justified, are
 * well under it. The same width is the narrowest column gutter the reading order looks for.
 */
const SEGMENT_GAP = 1.2;
/**
 * An empty horizontal strip this many line heights tall separates stacked blocks; ordinary line
 * spacing (about 0.1-0.3 heights between a line's descenders and the next one's ascenders) is not one.
 */
const ROW_GAP = 0.4;

/**
 * Turns a page's runs, in content-stream order, into paragraphs of plain text. Lines come from the
 * producer's line ends and baseline jumps, split at wide gaps into boxes; the boxes are put in
 * reading order by XY-cut (columns left to right, then blocks top to bottom, content order within a
 * block — see reading-order.ts); paragraphs break at larger-than-usual vertical gaps, at jumps
 * upwards (a new column), and at font size changes. Line-end hyphens between lower-case letters are
 * removed ("compi-\nlation" -> "compilation"), as pdftotext does, so words stay searchable.
 */
export function assemblePageParagraphs(runs: readonly PositionedText[]): string[] {
  const lines = readingOrder(buildLines(runs));
  if (lines.length === 0) return [];
  const pitch = usualPitch(lines);
  const paragraphs: string[] = [];
  let current = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    if (startsParagraph(previous, line, pitch)) {
      paragraphs.push(current);
      current = line.text;
    } else current = joinLines(current, line.text);
  }
  paragraphs.push(current);
  return paragraphs.map((paragraph) => paragraph.replace(/\s+/g, " ").trim()).filter((paragraph) => paragraph.length > 0);
}

function buildLines(runs: readonly PositionedText[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  let lineEnd = 0;
  let breakNext = false;
  let spaced = false;
  for (const run of runs) {
    const text = run.text;
    if (text.trim().length === 0) {
      // Producers (and pdf.js) emit runs of blanks that span column and cell gaps: they say "a
      // space here" but must not bridge the gap, so they neither extend the line nor its box.
      if (text.length > 0) spaced = true;
    } else {
      const height: number = run.height > 0 ? run.height : (line?.height ?? 0);
      const tallest = Math.max(height, line?.height ?? 0);
      // A baseline shift of more than half a line, a jump far back to the left, or a gap wider than
      // a gutter is a new line (box) even without an end-of-line mark; smaller shifts are super-
      // and subscripts.
      const newLine =
        line === null ||
        breakNext ||
        Math.abs(run.y - line.y) > tallest * 0.6 ||
        run.x < lineEnd - tallest * 4 ||
        (tallest > 0 && run.x - lineEnd > tallest * SEGMENT_GAP);
      if (newLine || line === null) {
        line = { text, x: run.x, x1: run.x + run.width, y: run.y, height };
        lines.push(line);
      } else {
        const gap = run.x - lineEnd;
        // The producer usually emits its own spaces; add one only where runs are visibly apart.
        const needsSpace = (spaced || gap > tallest * 0.15) && !/\s$/.test(line.text) && !/^\s/.test(text);
        line.text += needsSpace ? ` ${text}` : text;
        line.height = Math.max(line.height, height);
        line.x1 = Math.max(line.x1, run.x + run.width);
      }
      lineEnd = run.x + run.width;
      breakNext = false;
      spaced = false;
    }
    if (run.hasEOL) breakNext = true;
  }
  return lines.filter((candidate) => candidate.text.trim().length > 0);
}

/** Puts lines in XY-cut reading order; with no font heights known, keeps content order. */
function readingOrder(lines: Line[]): Line[] {
  if (lines.length < 2) return lines;
  const heights = lines.map((line) => line.height).filter((height) => height > 0);
  if (heights.length === 0) return lines;
  const body = median(heights);
  // A line's box: from a descender's depth below the baseline to the font height above it.
  const boxes: Box[] = lines.map((line) => {
    const height = line.height > 0 ? line.height : body;
    return { x0: Math.min(line.x, line.x1), x1: Math.max(line.x, line.x1), y0: line.y - height * 0.25, y1: line.y + height * 0.75 };
  });
  return xyCutOrder(boxes, { minColumnGap: body * SEGMENT_GAP, rowGap: ROW_GAP }).map((index) => lines[index]!);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1]!;
}

/** The median downward baseline step between consecutive lines of similar size. */
function usualPitch(lines: readonly Line[]): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    const step = previous.y - line.y;
    if (step > 0 && step < Math.max(previous.height, line.height) * 3) steps.push(step);
  }
  if (steps.length === 0) return 0;
  steps.sort((a, b) => a - b);
  return steps[(steps.length - 1) >> 1]!;
}

function startsParagraph(previous: Line, line: Line, pitch: number): boolean {
  const step = previous.y - line.y;
  if (step <= 0) return Math.abs(step) > Math.max(previous.height, line.height) * 0.6; // new column or block above
  const tallest = Math.max(previous.height, line.height);
  // Large type (titles) is set with a larger pitch than the page's body text; measure it by its size.
  if (pitch > 0 && step > Math.max(pitch, tallest * 1.1) * PARAGRAPH_GAP) return true;
  return tallest > 0 && Math.abs(previous.height - line.height) / tallest > HEIGHT_CHANGE;
}

/** Joins two lines of one paragraph, removing a line-end hyphen inside a lower-case word. */
function joinLines(left: string, right: string): string {
  const trimmed = left.trimEnd();
  const next = right.trimStart();
  if (/\p{Ll}-$/u.test(trimmed) && /^\p{Ll}/u.test(next)) return trimmed.slice(0, -1) + next;
  return `${trimmed} ${next}`;
}
