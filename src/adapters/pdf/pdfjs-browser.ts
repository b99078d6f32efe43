// Loads pdf.js inside our own module worker. Importing pdf.js's worker module and publishing it on
// `globalThis.pdfjsWorker` makes pdf.js run its parser in this thread (its "fake worker"), so no
// nested worker script has to be located, fetched or bundled separately.
import type { PdfjsLoader } from "./pdf-extract";

export const loadPdfjsBrowser: PdfjsLoader = async () => {
  const [pdfjs, worker] = await Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.mjs")]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return { pdfjs };
};
