// Finds citation markers ([2], [1, 3], [2-4], [1][3]) in an answer, checks them against the
// evidence that was given, and splits the answer into text and citation segments for rendering.

/** One cited number; `valid` is false when no evidence block has that number. */
export interface CitationRef {
  number: number;
  valid: boolean;
}

/** A run of the answer: plain text, or one bracketed marker. Offsets are into the answer, [start, end). */
export type AnswerSegment =
  | { kind: "text"; text: string; start: number; end: number }
  | { kind: "citation"; raw: string; refs: CitationRef[]; start: number; end: number };

export interface ParsedCitations {
  /** The whole answer, in order; concatenating every segment's text or raw gives it back. */
  segments: AnswerSegment[];
  /** Valid numbers cited, in order of first use, each once. */
  used: number[];
  /** Numbers cited that match no evidence, in order of first use, each once. */
  invalid: number[];
}

/** Ranges wider than this are not expanded number by number (see expandRange). */
export const MAX_RANGE_EXPANSION = 50;

const ITEM = String.raw`\d+(?:\s*[-\u2013\u2014]\s*\d+)?`;
/**
 * "[" or "【", numbers or ranges separated by "," or ";", then "]" or "】" — and not "](" (a
 * Markdown link). "[n][m]" is two adjacent markers.
 */
const MARKER = new RegExp(String.raw`[[\u3010](\s*${ITEM}(?:\s*[,;]\s*${ITEM})*\s*)[\]\u3011](?!\()`, "g");

/**
 * The numbers of a range lo–hi (either order). A range wider than MAX_RANGE_EXPANSION yields the
 * available numbers inside it plus both ends, so "[1-100000]" cannot blow up.
 */
function expandRange(lo: number, hi: number, available: ReadonlySet<number>): number[] {
  const [from, to] = lo <= hi ? [lo, hi] : [hi, lo];
  if (to - from + 1 <= MAX_RANGE_EXPANSION) {
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const inside = [...available].filter((n) => n > from && n < to).sort((a, b) => a - b);
  return [from, ...inside, to];
}

function parseMarker(inner: string, available: ReadonlySet<number>): number[] {
  const numbers: number[] = [];
  for (const item of inner.split(/[,;]/)) {
    const ends = item.split(/[-\u2013\u2014]/).map((part) => Number(part.trim()));
    const [lo, hi] = ends as [number, number | undefined];
    numbers.push(...(hi === undefined ? [lo] : expandRange(lo, hi, available)));
  }
  return [...new Set(numbers)];
}

/** Splits `answer` into text and citation segments, flagging numbers not among `available`. */
export function parseCitations(answer: string, available: Iterable<number>): ParsedCitations {
  const known = new Set(available);
  const segments: AnswerSegment[] = [];
  const used = new Set<number>();
  const invalid = new Set<number>();
  let last = 0;
  for (const match of answer.matchAll(MARKER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > last) segments.push({ kind: "text", text: answer.slice(last, start), start: last, end: start });
    const refs = parseMarker(match[1] ?? "", known).map((number) => {
      const valid = Number.isSafeInteger(number) && known.has(number);
      (valid ? used : invalid).add(number);
      return { number, valid };
    });
    segments.push({ kind: "citation", raw: match[0], refs, start, end });
    last = end;
  }
  if (last < answer.length) segments.push({ kind: "text", text: answer.slice(last), start: last, end: answer.length });
  return { segments, used: [...used], invalid: [...invalid] };
}
