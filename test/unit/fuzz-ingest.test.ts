// A small seeded fuzz run in the unit suite: 100 random and mutated inputs through the CLI's
// ingestion entry point (and the compressor), each on a worker thread with a timeout. Every one
// must ingest or fail with a named FolioError; `npm run fuzz` runs thousands more.
import { describe, expect, it } from "vitest";
import { loadSeedFiles } from "../fuzz/corpus";
import { generateInput } from "../fuzz/generate";
import { runPool } from "../fuzz/pool";
import { formatTally, newTally, record } from "../fuzz/report";

const INPUTS = 100;
const SEED = 20_240_601;
/** Small inputs keep the run to seconds; the bench goes up to 4 MiB. */
const MAX_BYTES = 128 * 1024;

describe("ingestion fuzz (seeded)", () => {
  it(`${INPUTS} random and mutated inputs each ingest or fail with a named error`, async () => {
    const seeds = loadSeedFiles();
    const tally = newTally();
    let next = 0;
    const started = performance.now();
    await runPool({
      seed: SEED,
      compress: true,
      tokenizer: "chars",
      workers: 2,
      timeoutMs: 20_000,
      maxHeapMb: 1024,
      next: () => (next < INPUTS ? generateInput(SEED, next++, seeds, MAX_BYTES) : null),
      onOutcome: (outcome, input) => record(tally, outcome, input),
    });
    const report = formatTally(tally, (performance.now() - started) / 1000);
    expect(tally.total).toBe(INPUTS);
    // Both kinds of result turn up, so the run exercises success and failure paths alike.
    expect(tally.byKind.get("ok") ?? 0).toBeGreaterThan(0);
    expect(tally.byKind.get("named-error") ?? 0).toBeGreaterThan(0);
    expect(tally.failures.map(({ outcome, input }) => `#${input.index} ${outcome.kind} ${outcome.name}: ${outcome.detail} (${input.recipe})`), report).toEqual([]);
  }, 120_000);

  it("replays: the same seed and index give the same bytes", () => {
    const seeds = loadSeedFiles();
    for (const index of [0, 7, 42]) {
      expect(generateInput(SEED, index, seeds, MAX_BYTES).bytes).toEqual(generateInput(SEED, index, seeds, MAX_BYTES).bytes);
    }
  });
});
