// Reading order of a page's text boxes by recursive XY-cut: columns before rows, content order last.

/** An axis-aligned box on a page, in PDF user space (y grows upwards). */
export interface Box {
  x0: number;
  x1: number;
  /** Bottom edge. */
  y0: number;
  /** Top edge. */
  y1: number;
}

export interface CutOptions {
  /** The narrowest empty vertical strip (points) that separates columns. */
  minColumnGap: number;
  /**
   * The narrowest empty horizontal strip that separates blocks stacked vertically, as a share of
   * the median box height in the region being cut (so small print is measured by its own size).
   */
  rowGap: number;
}

/**
 * Orders boxes for reading, returning their indices. At each region it first looks for empty
 * vertical strips at least `minColumnGap` wide that no box crosses (columns, table columns, code
 * beside its comments) and reads the parts left to right; failing that, for empty horizontal strips
 * at least `rowGap` box heights tall (a title or a full-width figure above or below columns) and reads them
 * top to bottom; a region with neither keeps the boxes' given order, which is the producer's
 * content order. A column split needs at least two parts of two or more boxes. Trying columns first is what keeps two columns whose line gaps happen to align
 * from being read across; requiring a row gap keeps ordinary line spacing from being one.
 * O(n log n) per level; the depth is bounded by the number of boxes.
 */
export function xyCutOrder(boxes: readonly Box[], options: CutOptions): number[] {
  const order: number[] = [];
  const all = boxes.map((_, index) => index);
  cut(all, boxes, options, order);
  return order;
}

function cut(indices: number[], boxes: readonly Box[], options: CutOptions, order: number[]): void {
  if (indices.length <= 1) {
    order.push(...indices);
    return;
  }
  const columns = splitAlong(indices, boxes, (box) => box.x0, (box) => box.x1, options.minColumnGap);
  if (isColumnSplit(columns)) {
    for (const column of columns) cut(column, boxes, options, order);
    return;
  }
  // Rows run from the top of the page down: split along -y.
  const heights = indices.map((index) => boxes[index]!.y1 - boxes[index]!.y0).sort((a, b) => a - b);
  const minRowGap = Math.max(heights[(heights.length - 1) >> 1]! * options.rowGap, Number.EPSILON);
  // Every row gap is cut at once. (Cutting only the widest and re-trying columns in each part reads
  // two columns whose paragraph gaps line up below a title more correctly, but matched pdftotext
  // worse on the sample files; left as a known limit.)
  const rows = splitAlong(indices, boxes, (box) => -box.y1, (box) => -box.y0, minRowGap);
  if (rows.length > 1) {
    for (const row of rows) cut(row, boxes, options, order);
    return;
  }
  order.push(...indices.sort((a, b) => a - b));
}

/**
 * A real column, table column or code-beside-comments has several lines on each side; a single
 * wide space in one justified line, or one stray label in a margin, does not make columns.
 */
function isColumnSplit(columns: readonly number[][]): boolean {
  return columns.filter((column) => column.length >= 2).length >= 2;
}

/**
 * Groups `indices` into runs separated by empty strips at least `minGap` wide on one axis, in the
 * axis's increasing order; each group keeps the incoming (content) order of its boxes.
 */
function splitAlong(indices: readonly number[], boxes: readonly Box[], start: (box: Box) => number, end: (box: Box) => number, minGap: number): number[][] {
  const sorted = [...indices].sort((a, b) => start(boxes[a]!) - start(boxes[b]!));
  // gapBefore[i] = the empty strip between sorted[i] and everything sorted before it.
  const gapBefore = new Float64Array(sorted.length);
  let reach = -Infinity;
  let widest = 0;
  sorted.forEach((index, i) => {
    const box = boxes[index]!;
    gapBefore[i] = i === 0 ? 0 : start(box) - reach;
    widest = Math.max(widest, gapBefore[i]!);
    reach = Math.max(reach, end(box));
  });
  if (widest < minGap) return [indices.slice()];
  const group = new Map<number, number>();
  let current = 0;
  sorted.forEach((index, i) => {
    if (i > 0 && gapBefore[i]! >= minGap) current++;
    group.set(index, current);
  });
  const groups: number[][] = Array.from({ length: current + 1 }, () => []);
  for (const index of indices) groups[group.get(index)!]!.push(index);
  return groups;
}
