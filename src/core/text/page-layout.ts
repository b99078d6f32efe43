// Rebuilds lines and paragraphs of one PDF page from positioned text runs (pdf.js text items).

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
  y: number;
  height: number;
}

/** A vertical gap this many times the page's usual line pitch starts a new paragraph. */
const PARAGRAPH_GAP = 1.5;
/** A font height change of this share starts a new paragraph (headings, captions, footnotes). */
const HEIGHT_CHANGE = 0.2;

/**
 * Turns a page's runs, in content-stream order (which is the reading order for nearly every
 * producer, columns included), into paragraphs of plain text. Lines come from the producer's line
 * ends and baseline jumps; paragraphs break at larger-than-usual vertical gaps, at jumps upwards
 * (a new column), and at font size changes. Line-end hyphens between lower-case letters are
 * removed ("compi-\nlation" -> "compilation"), as pdftotext does, so words stay searchable.
 */
export function assemblePageParagraphs(runs: readonly PositionedText[]): string[] {
  const lines = buildLines(runs);
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
  for (const run of runs) {
    const text = run.text;
    if (text.length > 0) {
      const height: number = run.height > 0 ? run.height : (line?.height ?? 0);
      // A baseline shift of more than half a line, or a jump far back to the left, is a new line
      // even without an end-of-line mark; smaller shifts are super- and subscripts.
      const newLine =
        line === null ||
        breakNext ||
        Math.abs(run.y - line.y) > Math.max(height, line.height) * 0.6 ||
        run.x < lineEnd - Math.max(height, line.height) * 4;
      if (newLine || line === null) {
        line = { text, x: run.x, y: run.y, height };
        lines.push(line);
      } else {
        const gap = run.x - lineEnd;
        // The producer usually emits its own spaces; add one only where runs are visibly apart.
        const needsSpace = gap > Math.max(height, line.height) * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(text);
        line.text += needsSpace ? ` ${text}` : text;
        line.height = Math.max(line.height, height);
      }
      lineEnd = run.x + run.width;
      breakNext = false;
    }
    if (run.hasEOL) breakNext = true;
  }
  return lines.filter((candidate) => candidate.text.trim().length > 0);
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
