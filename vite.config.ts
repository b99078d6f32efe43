// Vite build for the Folio app: React, module workers, and the headers WebGPU/wasm threads want.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Cross-origin isolation lets wasm use threads and SharedArrayBuffer (jax-js, web-llm).
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  plugins: [react()],
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 16_000 },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
});
