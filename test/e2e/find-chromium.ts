// Finds a Chromium for the end-to-end tests, or installs one through scripts/ensure-chromium.sh.
// Never uses Playwright's own browser download: it needs the network and these machines are offline.
import { accessSync, constants } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Checked in order after the environment variables. */
export const CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
] as const;

const ENV_VARS = ["FOLIO_CHROMIUM", "CHROME_PATH"] as const;

const INSTALL_HINT =
  "Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`) or point FOLIO_CHROMIUM at a " +
  "Chromium or Chrome binary, then run the tests again.";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first usable Chromium, or null. A set but wrong env var is an error, not a silent fallback. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const name of ENV_VARS) {
    const value = env[name];
    if (!value) continue;
    if (isExecutable(value)) return value;
    throw new Error(`${name} is set to "${value}", which is not an executable file. ${INSTALL_HINT}`);
  }
  return CHROMIUM_PATHS.find(isExecutable) ?? null;
}

/** Finds Chromium; if there is none, runs the install script and looks again. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;

  const script = fileURLToPath(new URL("../../scripts/ensure-chromium.sh", import.meta.url));
  console.warn("[e2e] No Chromium found; running scripts/ensure-chromium.sh to install one.");
  // stdin closed: the script must never wait for a prompt (CI, no terminal).
  const result = spawnSync("bash", [script], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  const reported = result.stdout?.trim().split("\n").pop() ?? "";
  const after = findChromium() ?? (reported && isExecutable(reported) ? reported : null);
  if (after) return after;
  throw new Error(
    `No Chromium for the end-to-end tests (install script exit code ${result.status ?? "none"}). ${INSTALL_HINT}`,
  );
}
