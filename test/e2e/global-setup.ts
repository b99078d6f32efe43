// Runs once before the end-to-end tests: finds (or installs) Chromium and serves the built app
// from dist/ with `vite preview`, then hands both to the tests via provide/inject (see provided.ts).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { preview } from "vite";
import { ensureChromium } from "./find-chromium";
import "./provided";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = ensureChromium();

  if (!existsSync(`${root}/dist/index.html`)) {
    // `npm run test:e2e` builds first; running vitest directly needs a build too.
    throw new Error("dist/index.html is missing: run `npm run build` (or `npm run test:e2e`, which builds first).");
  }
  // vite.config.ts adds the COOP/COEP headers, so the page is cross-origin isolated as in production.
  // Port 0 lets the OS pick a free port, so parallel runs on one machine never collide.
  const server = await preview({
    root,
    configFile: `${root}/vite.config.ts`,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === "string") throw new Error("vite preview did not report a TCP port");
  const baseUrl = `http://127.0.0.1:${address.port}`;

  project.provide("folioBaseUrl", baseUrl);
  project.provide("chromiumPath", chromiumPath);
  console.log(`[e2e] serving dist/ at ${baseUrl}; Chromium: ${chromiumPath}`);

  return async () => {
    await server.close();
  };
}
