// Runs every benchmark in turn; each prints its own figures.
import { spawnSync } from "node:child_process";

const BENCHES = ["bench/ingest.ts", "bench/compress.ts", "bench/train.ts", "bench/train-browser.ts"];

let failed = 0;
for (const bench of BENCHES) {
  process.stdout.write(`\n=== ${bench} ===\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", bench, ...process.argv.slice(2)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
