// Small accumulators and table printing for the benches: shares, medians and p90s.

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export interface QualityTally {
  n: number;
  all: number;
  share: number;
  answerN: number;
  answer: number;
  ratio: number;
  bridgeN: number;
  bridgeAll: number;
  comparisonN: number;
  comparisonAll: number;
  queryMs: number[];
}

export function emptyTally(): QualityTally {
  return { n: 0, all: 0, share: 0, answerN: 0, answer: 0, ratio: 0, bridgeN: 0, bridgeAll: 0, comparisonN: 0, comparisonAll: 0, queryMs: [] };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? "-" : `${((100 * part) / whole).toFixed(1)}%`;
}

/** Renders rows as a fixed-width table with a header line. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function ms(value: number): string {
  return Number.isNaN(value) ? "-" : value.toFixed(1);
}
