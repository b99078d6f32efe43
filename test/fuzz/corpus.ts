// The real files fuzz inputs are mutated from: the shared PDFs (../shared/data/pdfs, when present)
// and the project's own fixtures (test/fixtures).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SeedFile } from "./generate";

/** Seed files, sorted by name so a seed means the same inputs on every machine with the same data. */
export function loadSeedFiles(root = process.cwd()): SeedFile[] {
  const folders = [resolve(root, "..", "shared", "data", "pdfs"), resolve(root, "test", "fixtures")];
  const seeds: SeedFile[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (name.endsWith(".ts") || !statSync(path).isFile()) continue;
      seeds.push({ name, bytes: new Uint8Array(readFileSync(path)) });
    }
  }
  return seeds;
}
