// Window planning for the worker pool: contiguous runs of documents of about equal size.

/** A half-open range [from, to) of document positions. */
export interface Window {
  from: number;
  to: number;
}

/**
 * Splits documents of the given sizes (characters) into at most `count` contiguous windows of
 * roughly equal total size; never an empty window. Keeps library order so merging is a concat.
 */
export function planWindows(sizes: readonly number[], count: number): Window[] {
  const n = sizes.length;
  const windows: Window[] = [];
  if (n === 0) return windows;
  const parts = Math.max(1, Math.min(Math.floor(count), n));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  let from = 0;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += sizes[i]!;
    const remainingDocs = n - (i + 1);
    const remainingWindows = parts - windows.length - 1;
    const target = (total * (windows.length + 1)) / parts;
    if (remainingWindows > 0 && (acc >= target || remainingDocs === remainingWindows)) {
      windows.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  windows.push({ from, to: n });
  return windows;
}

/** Workers for a machine: hardware threads minus one for the page, at least 1, at most `cap`. */
export function poolSize(hardwareConcurrency: number | undefined, cap = 4): number {
  const threads = hardwareConcurrency && hardwareConcurrency > 0 ? hardwareConcurrency : 2;
  return Math.max(1, Math.min(cap, threads - 1));
}
