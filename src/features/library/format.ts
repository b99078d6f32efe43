// Display helpers for the library: sizes, counts, dates, and a job's progress line and fraction.
import type { DocumentMeta } from "../../core/text/types";
import type { IngestJob, JobStatus } from "./library-types";

const numberFormat = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatDate(epochMs: number): string {
  return dateFormat.format(new Date(epochMs));
}

/** "300 pages" for PDFs, "12 sections" otherwise. */
export function formatExtent(meta: DocumentMeta): string {
  const plural = (count: number, word: string) => `${formatCount(count)} ${word}${count === 1 ? "" : "s"}`;
  return meta.stats.pages > 0 ? plural(meta.stats.pages, "page") : plural(meta.stats.sections, "section");
}

export const FORMAT_LABELS: Record<DocumentMeta["format"], string> = {
  pdf: "PDF",
  docx: "DOCX",
  html: "HTML",
  markdown: "Markdown",
  text: "Text",
};

function isPdfName(name: string): boolean {
  return name.toLowerCase().endsWith(".pdf");
}

/** The line under a job's progress bar, e.g. "Reading page 37 of 300". */
export function jobProgressLabel(job: IngestJob): string {
  const { done, total } = job.progress;
  const counted = total > 0 ? ` ${formatCount(done)} of ${formatCount(total)}` : "";
  switch (job.status) {
    case "queued":
      return "Waiting for its turn…";
    case "reading":
      return "Reading the file…";
    case "extracting":
      if (total === 0) return "Extracting text…";
      return isPdfName(job.fileName) ? `Reading page${counted}` : `Extracting part${counted}`;
    case "segmenting":
      return `Splitting into paragraphs and sentences${total > 0 ? ` (${formatCount(done)} of ${formatCount(total)})` : "…"}`;
    case "counting":
      return `Counting tokens${total > 0 ? ` (${formatCount(done)} of ${formatCount(total)})` : "…"}`;
    case "saving":
      return "Saving on this device…";
    case "done":
      return "Added to your library";
    case "needs-password":
      return "Needs a password";
    case "error":
      return "Could not be added";
  }
}

/** Where each stage starts and ends on the job's single progress bar. */
const STAGE_SPANS: Partial<Record<JobStatus, [number, number]>> = {
  queued: [0, 0],
  reading: [0, 0.05],
  extracting: [0.05, 0.8],
  segmenting: [0.8, 0.9],
  counting: [0.9, 0.97],
  saving: [0.97, 1],
  done: [1, 1],
};

/** The job's overall progress in [0, 1], or null when the current stage has no known total. */
export function jobFraction(job: IngestJob): number | null {
  const span = STAGE_SPANS[job.status];
  if (!span) return null;
  const [from, to] = span;
  if (from === to) return from;
  // A running stage with no known total shows motion rather than a bar stuck at its start.
  if (job.progress.total === 0) return null;
  return from + (to - from) * Math.min(1, job.progress.done / job.progress.total);
}

export function isActive(status: JobStatus): boolean {
  return !["done", "error", "needs-password"].includes(status);
}
