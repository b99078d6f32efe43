// Types for pdf.js's worker module, which ships without declarations; we only pass it on to pdf.js.
declare module "pdfjs-dist/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
