// Loads pdf.js for Node (CLI, tests, benchmarks): the legacy build, which runs its parser in-thread
// through pdf.js's own "fake worker" and reads CMaps and standard fonts from the installed package, never the network.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PdfjsLoader } from "./pdf-extract";

export const loadPdfjsNode: PdfjsLoader = async () => {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  const local = (folder: string) => `${pathToFileURL(join(root, folder)).pathname}/`;
  return { pdfjs, cMapUrl: local("cmaps"), standardFontDataUrl: local("standard_fonts") };
};
