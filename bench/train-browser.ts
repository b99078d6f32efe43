// Training throughput in headless Chromium: drives the Lab's training worker through the page hook
// window.__folioBench (present only at /?bench) for SFT and GRPO steps on wasm and on WebGPU
// (SwiftShader on machines without a GPU), for two model sizes. Figures only, no assertions.
// Flags: --steps N (timed steps per measurement, default 3), --context N (prompt tokens, default 64),
// --no-build (serve the existing dist/ instead of building first).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { preview } from "vite";
import type { BenchRequest, BenchResult, StepFigures } from "../src/features/lab/bench-hook";
import { ensureChromium } from "../test/e2e/find-chromium";
import { table } from "./bench-stats";

const value = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const STEPS = Number(value("--steps") ?? 3);
const CONTEXT = Number(value("--context") ?? 64);
const root = fileURLToPath(new URL("..", import.meta.url));
// The WebGPU flags of test/e2e/browser.ts (not imported: that module needs the vitest runner).
const ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--enable-unsafe-webgpu", "--use-webgpu-adapter=swiftshader", "--no-first-run"];

const CASES: Omit<BenchRequest, "steps" | "context">[] = (["micro", "tiny"] as const).flatMap((model) =>
  (["wasm", "webgpu"] as const).map((device) => ({ device, model, answer: 32, sftBatch: 8, groups: 2, groupSize: 8 })),
);

if (!process.argv.includes("--no-build")) {
  const build = spawnSync("npx", ["vite", "build"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}${build.stderr}`);
}
if (!existsSync(join(root, "dist", "index.html"))) throw new Error("dist/index.html is missing: run `npx vite build` first.");

const server = await preview({ root, configFile: join(root, "vite.config.ts"), logLevel: "warn", preview: { host: "127.0.0.1", port: 0, strictPort: true, open: false } });
const address = server.httpServer.address();
if (address === null || typeof address === "string") throw new Error("vite preview did not report a TCP port");
const profile = mkdtempSync(join(tmpdir(), "folio-bench-"));
const context = await chromium.launchPersistentContext(profile, { executablePath: ensureChromium(), headless: true, args: ARGS });
const rows: string[][] = [];
let threads = "unknown";
try {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${address.port}/?bench#/lab`);
  await page.waitForFunction(() => "__folioBench" in window, undefined, { timeout: 60_000 });
  for (const c of CASES) {
    const request: BenchRequest = { ...c, steps: STEPS, context: CONTEXT };
    const started = Date.now();
    const result = await page.evaluate((r) => (window as unknown as { __folioBench: { runTrainBench(r: BenchRequest): Promise<BenchResult> } }).__folioBench.runTrainBench(r), request);
    process.stderr.write(`${c.model} on ${c.device}: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    const seq = CONTEXT + 1 + c.answer;
    if ("skipped" in result) {
      rows.push([c.model, c.device, result.skipped, "", "", "", "", "", "", "", ""]);
      continue;
    }
    if (c.device === "wasm") threads = result.wasmThreads ? "multi-threaded (worker pool)" : "single-threaded";
    const cells = (f: StepFigures) => [f.ms.toFixed(0), f.stepsPerSecond.toFixed(2), f.tokensPerSecond.toFixed(0), (f.firstMs / 1000).toFixed(1)];
    rows.push([c.model, c.device === "webgpu" ? `webgpu (${result.adapter})` : "wasm", `${c.sftBatch}x${seq}`, ...cells(result.sft), `${c.groups * c.groupSize}x${seq}`, ...cells(result.rl)]);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.close();
}
process.stdout.write(
  `Chromium headless, the Lab's training worker; wasm ${threads}. Median of ${STEPS} steps after one untimed step (its time, tracing included, is "1st s").\n` +
    `GRPO includes sampling ${CASES[0]?.answer} new tokens with the KV cache. tok/s counts every position computed (see bench/train.ts).\n\n`,
);
process.stdout.write(
  table(["model", "device", "SFT batch", "SFT ms", "SFT steps/s", "SFT tok/s", "SFT 1st s", "GRPO batch", "GRPO ms", "GRPO steps/s", "GRPO tok/s", "GRPO 1st s"], rows) + "\n",
);
