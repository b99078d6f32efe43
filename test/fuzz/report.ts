// Tallies fuzz outcomes and prints the run's figures: counts per outcome and error name,
// inputs per second, the slowest inputs, and every input that broke the contract.
import type { FuzzInput } from "./generate";
import type { Outcome, OutcomeKind } from "./run-input";

/** Outcomes that break "a document or a named FolioError": each is a bug to look at. */
export const FAILING_KINDS: ReadonlySet<OutcomeKind> = new Set(["bad-error", "broken-invariant", "crash", "hang"]);

export interface Tally {
  total: number;
  byKind: Map<OutcomeKind, number>;
  /** "named-error DamagedFileError", "ok pdf", ... */
  byName: Map<string, number>;
  compress: Map<string, number>;
  slowest: { ms: number; recipe: string; name: string }[];
  failures: { outcome: Outcome; input: FuzzInput }[];
}

export function newTally(): Tally {
  return { total: 0, byKind: new Map(), byName: new Map(), compress: new Map(), slowest: [], failures: [] };
}

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

export function record(tally: Tally, outcome: Outcome, input: FuzzInput, keepSlowest = 5): void {
  tally.total += 1;
  bump(tally.byKind, outcome.kind);
  bump(tally.byName, `${outcome.kind} ${outcome.name}`);
  if (outcome.compress !== undefined) bump(tally.compress, outcome.compress.startsWith("FAILED") ? "FAILED" : outcome.compress);
  tally.slowest.push({ ms: outcome.ms, recipe: input.recipe, name: input.name });
  tally.slowest.sort((a, b) => b.ms - a.ms);
  tally.slowest.length = Math.min(tally.slowest.length, keepSlowest);
  if (FAILING_KINDS.has(outcome.kind)) tally.failures.push({ outcome, input });
}

export function formatTally(tally: Tally, seconds: number): string {
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).map(([key, count]) => `  ${String(count).padStart(6)}  ${key}`);
  const lines = [
    `${tally.total} inputs in ${seconds.toFixed(1)} s (${(tally.total / Math.max(seconds, 1e-9)).toFixed(1)} inputs/s)`,
    "outcomes:",
    ...sorted(new Map([...tally.byKind.entries()].map(([kind, count]) => [kind as string, count]))),
    "by name:",
    ...sorted(tally.byName),
  ];
  if (tally.compress.size > 0) lines.push("compress on ingested documents:", ...sorted(tally.compress));
  lines.push("slowest:", ...tally.slowest.map((slow) => `  ${slow.ms.toFixed(0).padStart(6)} ms  ${slow.name}  (${slow.recipe})`));
  lines.push(`contract failures: ${tally.failures.length}`);
  for (const { outcome, input } of tally.failures.slice(0, 20)) {
    lines.push(`  #${input.index} ${outcome.kind} ${outcome.name}: ${outcome.detail}  [${input.name}; ${input.recipe}]`);
  }
  return lines.join("\n");
}
