// Character-range arithmetic for highlights: normalising ranges and cutting a paragraph into pieces.
import type { CharRange } from "../../core/text/types";

/** A run of text in a paragraph, marked when it falls inside a highlight. */
export interface TextPiece extends CharRange {
  marked: boolean;
}

/**
 * Clamps ranges to [0, length], drops empty or malformed ones, sorts them and merges overlapping
 * or touching ones, so later lookups can binary-search a disjoint, ordered list.
 */
export function normalizeRanges(ranges: readonly CharRange[], length: number): CharRange[] {
  const clean = ranges
    .filter((range) => Number.isFinite(range.start) && Number.isFinite(range.end))
    .map((range) => ({ start: Math.max(0, Math.floor(range.start)), end: Math.min(length, Math.floor(range.end)) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const merged: CharRange[] = [];
  for (const range of clean) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Index of the first range in a normalised list that ends after `offset`; `ranges.length` if none. */
export function firstRangeEndingAfter(ranges: readonly CharRange[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((ranges[mid] as CharRange).end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** True when a normalised list has any range overlapping [start, end). */
export function intersectsAny(ranges: readonly CharRange[], start: number, end: number): boolean {
  const range = ranges[firstRangeEndingAfter(ranges, start)];
  return range !== undefined && range.start < end;
}

/**
 * Cuts [start, end) into consecutive pieces, marked where a normalised range covers them. A range
 * that spans several paragraphs marks the matching part of each.
 */
export function splitByRanges(start: number, end: number, ranges: readonly CharRange[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let cursor = start;
  for (let index = firstRangeEndingAfter(ranges, start); index < ranges.length; index++) {
    const range = ranges[index] as CharRange;
    if (range.start >= end) break;
    const markStart = Math.max(range.start, start);
    const markEnd = Math.min(range.end, end);
    if (markStart > cursor) pieces.push({ start: cursor, end: markStart, marked: false });
    pieces.push({ start: markStart, end: markEnd, marked: true });
    cursor = markEnd;
  }
  if (cursor < end || pieces.length === 0) pieces.push({ start: cursor, end, marked: false });
  return pieces;
}
