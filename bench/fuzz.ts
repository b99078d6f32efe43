// Fuzzes ingestion (and the compressor on what ingests): seeded random and mutated inputs through
// the CLI's entry point, each on a worker thread with a timeout. Prints counts per outcome and
// error name, inputs/s and the slowest inputs; saves every contract failure under
// bench/out/fuzz-crashes/ to replay. Exits 1 if any input crashed, hung or threw an unnamed error.
//
//   npm run fuzz -- [--n 2000] [--seed 1] [--time-cap 600] [--timeout 30] [--workers 2]
//                   [--no-compress] [--tokenizer qwen3|chars] [--only INDEX]
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSeedFiles } from "../test/fuzz/corpus";
import { generateInput, type FuzzInput } from "../test/fuzz/generate";
import { runPool } from "../test/fuzz/pool";
import { formatTally, newTally, record } from "../test/fuzz/report";

const CRASH_DIR = fileURLToPath(new URL("./out/fuzz-crashes/", import.meta.url));

interface FuzzArgs {
  n: number;
  seed: number;
  timeCapS: number;
  timeoutS: number;
  workers: number;
  compress: boolean;
  tokenizer: "qwen3" | "chars";
  only: number | null;
}

function parseArgs(argv: string[]): FuzzArgs {
  const args: FuzzArgs = {
    n: 2000,
    seed: 1,
    timeCapS: 600,
    timeoutS: 30,
    workers: Math.max(1, Math.min(4, availableParallelism())),
    compress: true,
    tokenizer: "qwen3",
    only: null,
  };
  const number = (flag: string, value: string | undefined): number => {
    const parsed = Number(value);
    if (value === undefined || !Number.isFinite(parsed)) throw new Error(`${flag} needs a number`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--n") args.n = number(flag, argv[++i]);
    else if (flag === "--seed") args.seed = number(flag, argv[++i]);
    else if (flag === "--time-cap") args.timeCapS = number(flag, argv[++i]);
    else if (flag === "--timeout") args.timeoutS = number(flag, argv[++i]);
    else if (flag === "--workers") args.workers = number(flag, argv[++i]);
    else if (flag === "--only") args.only = number(flag, argv[++i]);
    else if (flag === "--no-compress") args.compress = false;
    else if (flag === "--tokenizer") {
      const value = argv[++i];
      if (value !== "qwen3" && value !== "chars") throw new Error("--tokenizer is qwen3 or chars");
      args.tokenizer = value;
    } else throw new Error(`unknown option ${flag}`);
  }
  return args;
}

/** Writes the input's bytes and a JSON note (seed, index, recipe, outcome) to replay it. */
function saveFailure(seed: number, input: FuzzInput, note: object): string {
  mkdirSync(CRASH_DIR, { recursive: true });
  const base = join(CRASH_DIR, `seed${seed}-${input.index}-${input.name.replace(/[^\w.-]/g, "_")}`);
  writeFileSync(`${base}.bin`, input.bytes);
  writeFileSync(`${base}.json`, `${JSON.stringify({ seed, index: input.index, name: input.name, type: input.type, recipe: input.recipe, ...note }, null, 2)}\n`);
  return base;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const seeds = loadSeedFiles();
  const tally = newTally();
  const started = performance.now();
  const deadline = started + args.timeCapS * 1000;
  let nextIndex = args.only ?? 0;
  const last = args.only ?? args.n - 1;
  let stoppedByCap = false;
  process.stdout.write(
    `fuzz: seed ${args.seed}, ${args.only === null ? `${args.n} inputs` : `only #${args.only}`}, ${seeds.length} seed files, ` +
      `${args.workers} workers, ${args.timeoutS} s per input, time cap ${args.timeCapS} s, compress ${args.compress ? "on" : "off"}, tokenizer ${args.tokenizer}\n`,
  );

  await runPool({
    seed: args.seed,
    compress: args.compress,
    tokenizer: args.tokenizer,
    workers: args.workers,
    timeoutMs: args.timeoutS * 1000,
    maxHeapMb: 2048,
    next: () => {
      if (nextIndex > last) return null;
      if (performance.now() > deadline) {
        stoppedByCap = true;
        return null;
      }
      return generateInput(args.seed, nextIndex++, seeds);
    },
    onOutcome: (outcome, input) => {
      record(tally, outcome, input);
      if (outcome.kind !== "ok" && outcome.kind !== "named-error") {
        const path = saveFailure(args.seed, input, { outcome });
        process.stdout.write(`  ! #${input.index} ${outcome.kind} ${outcome.name}: ${outcome.detail} -> ${path}.bin\n`);
      }
      if (tally.total % 250 === 0) process.stdout.write(`  ... ${tally.total} done\n`);
    },
  });

  const seconds = (performance.now() - started) / 1000;
  if (stoppedByCap) process.stdout.write(`time cap of ${args.timeCapS} s reached; ran ${tally.total} of ${args.n}\n`);
  process.stdout.write(`${formatTally(tally, seconds)}\n`);
  return tally.failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
