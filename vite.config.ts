// Vite build for the Folio app: React, module workers, the offline service worker, and the headers
// (cross-origin isolation, Content-Security-Policy) that WebGPU, wasm threads and privacy want.
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

// Cross-origin isolation lets wasm use threads and SharedArrayBuffer (jax-js, web-llm).
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

/**
 * The only hosts besides the app itself that the page may fetch from: where web-llm's prebuilt
 * models live. Weights, tokenizer and config come from the model hub, which redirects large files to
 * its own storage subdomains; compiled model libraries (.wasm) come from the raw-file host of the
 * mlc-ai/binary-mlc-llm-libs repository. Read from @mlc-ai/web-llm's prebuiltAppConfig. A model from
 * anywhere else needs its host added here, deliberately.
 */
export const MODEL_HOSTS = [
  "https://huggingface.co",
  "https://*.huggingface.co",
  "https://*.hf.co",
  "https://raw.githubusercontent.com",
] as const;

/** Only the dev server uses a nonce: Vite's HMR client and the React refresh preamble are inline. */
const DEV_NONCE = "folio-dev-only";

/**
 * The Content-Security-Policy, one directive per entry. `via` is "header" or "meta": a <meta> policy
 * cannot carry frame-ancestors (browsers ignore it there and warn). `dev` relaxes it for `vite dev`.
 */
export function contentSecurityPolicy(via: "header" | "meta", dev = false): string {
  const nonce = dev ? ` 'nonce-${DEV_NONCE}'` : "";
  const directives = [
    "default-src 'self'",
    // wasm-unsafe-eval: WebAssembly.instantiate/compile (web-llm's TVM runtime and model libraries,
    // jax-js kernels, the tokenizer, pdf.js decoders). It does not allow eval() of JavaScript.
    `script-src 'self' 'wasm-unsafe-eval'${nonce}`,
    // The app's own workers are same-origin chunks; jax-js starts its wasm thread pool from blob:
    // URLs it creates itself (without them training falls back to one thread). A blob: worker can
    // only be made by script already running here, which script-src keeps to our own files.
    "worker-src 'self' blob:",
    // React's style={} props go through the CSSOM, which style-src does not govern.
    `style-src 'self'${nonce}`,
    // Page images rendered from PDFs and thumbnails arrive as data: or blob: URLs.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${MODEL_HOSTS.join(" ")}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ];
  if (via === "header") directives.push("frame-ancestors 'none'");
  return directives.join("; ");
}

/**
 * Writes the policy into the built index.html as well, so static hosting without headers gets it.
 * It goes right after <meta charset>, before any script or stylesheet it must govern.
 */
function cspMetaTag(): Plugin {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy("meta")}" />`;
  return {
    name: "folio:csp-meta",
    apply: "build",
    transformIndexHtml(html) {
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html)) throw new Error("index.html needs <meta charset> first in <head> for the CSP meta tag");
      return html.replace(charset, (match) => `${match}\n    ${tag}`);
    },
  };
}

/** The compiled workers and the tokenizer chunk are several MB each; they must be precached too. */
const MAX_PRECACHE_FILE_BYTES = 48 * 1024 * 1024;

const offline = VitePWA({
  // An update is offered in a toast (src/app/update-prompt.tsx); nothing reloads on its own.
  registerType: "prompt",
  // src/app/service-worker.ts registers it from the bundle: no inline or extra script in index.html.
  injectRegister: false,
  // The glob below already takes the icons and the plugin adds the manifest: no duplicate entries.
  includeManifestIcons: false,
  manifest: {
    name: "Folio",
    short_name: "Folio",
    description: "Private long-document reasoning in your browser.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f7f5f0",
    theme_color: "#2f4f6f",
    icons: [
      { src: "favicon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  },
  workbox: {
    // Everything the build emits: shell, JS chunks (workers included), wasm, CSS, fonts, icons, data.
    globPatterns: ["**/*.{html,js,mjs,css,wasm,json,woff,woff2,ttf,otf,pfb,bcmap,svg,png,ico,folio-ckpt}"],
    maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
    navigateFallback: "index.html",
    cleanupOutdatedCaches: true,
    // The first visit is controlled at once; later versions wait for the user's "Reload".
    clientsClaim: true,
    skipWaiting: false,
  },
});

export default defineConfig(({ command, isPreview }) => {
  const dev = command === "serve" && isPreview !== true;
  return {
    plugins: [react(), offline, cspMetaTag()],
    worker: { format: "es" },
    build: { target: "es2022", chunkSizeWarningLimit: 16_000 },
    // Vite stamps this nonce on the scripts and styles it injects while developing.
    html: dev ? { cspNonce: DEV_NONCE } : {},
    server: { headers: { ...isolationHeaders, "Content-Security-Policy": contentSecurityPolicy("header", true) } },
    preview: { headers: { ...isolationHeaders, "Content-Security-Policy": contentSecurityPolicy("header") } },
  };
});
