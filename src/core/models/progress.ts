// Turns web-llm's init-progress reports into structured load progress. web-llm 0.2.86 reports
// `{progress, timeElapsed, text}` and puts byte counts only inside the text, so the text is parsed.
import { MIB } from "./bytes";

/** The stage of a model load, in the order web-llm runs them. */
export type LoadPhase = "download" | "load" | "compile";

export interface LoadProgress {
  /** Progress of the current phase in [0, 1] (web-llm restarts at 0 for each phase). */
  fraction: number;
  phase: LoadPhase;
  /** Bytes of weights fetched (download) or copied to the GPU (load) so far; absent in other reports. */
  bytesDone?: number;
  /** Bytes of all weight shards; derived as bytesDone / fraction, so approximate to about 1 MiB. */
  bytesTotal?: number;
  /** Download rate in bytes per second, when the caller measured one (see RateMeter). */
  rateBytesPerSecond?: number;
  /** Shards finished and in all ("[3/52]"), when the report names them. */
  shardsDone?: number;
  shardsTotal?: number;
  /** Seconds since the phase began, as web-llm counts them (whole seconds). */
  secondsElapsed?: number;
  /** web-llm's own sentence, for a details line. */
  text: string;
}

/** The report web-llm passes to initProgressCallback (its InitProgressReport). */
export interface WebLlmProgressReport {
  progress: number;
  timeElapsed: number;
  text: string;
}

// The exact sentences of web-llm 0.2.86's tvmjs runtime (fetchTensorCacheInternal, the shader
// loader) and MLCEngine.reloadInternal:
//   "Fetching param cache[3/52]: 120MB fetched. 15% completed, 20 secs elapsed. It can take ..."
//   "Loading model from cache[3/52]: 120MB loaded. 15% completed, 2 secs elapsed."
//   "Loading GPU shader modules[12/40]: 30% completed, 1 secs elapsed."
//   "Start to fetch params" and "Finish loading on WebGPU - <adapter>"
const SHARDS = /\[(\d+)\/(\d+)\]/;
const MEGABYTES = /(\d+(?:\.\d+)?)\s*MB\s+(?:fetched|loaded)/i;
const SECONDS = /(\d+(?:\.\d+)?)\s*secs?\s+elapsed/i;
const PERCENT = /(\d+(?:\.\d+)?)%\s+completed/i;

function phaseOf(text: string): LoadPhase {
  if (/^\s*Loading model from cache/i.test(text)) return "load";
  if (/^\s*Loading GPU shader modules/i.test(text) || /^\s*Finish loading/i.test(text)) return "compile";
  return "download";
}

function clampFraction(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/**
 * Structured progress from one web-llm report. bytesDone comes from the "NMB" figure (web-llm rounds
 * it up to whole MiB); bytesTotal = bytesDone / fraction when both are positive. Pure.
 */
export function parseWebLlmProgress(report: WebLlmProgressReport): LoadProgress {
  const text = report.text;
  const phase = phaseOf(text);
  const percent = PERCENT.exec(text);
  // web-llm's `progress` is exact (bytes/bytes); the text's percentage is floored, so prefer the number.
  const fraction = /^\s*Finish loading/i.test(text)
    ? 1
    : clampFraction(Number.isFinite(report.progress) ? report.progress : percent ? Number(percent[1]) / 100 : 0);
  const result: LoadProgress = { fraction, phase, text };

  const shards = SHARDS.exec(text);
  if (shards) {
    result.shardsDone = Number(shards[1]);
    result.shardsTotal = Number(shards[2]);
  }
  const seconds = SECONDS.exec(text);
  if (seconds) result.secondsElapsed = Number(seconds[1]);
  else if (Number.isFinite(report.timeElapsed) && report.timeElapsed > 0) result.secondsElapsed = report.timeElapsed;

  const megabytes = MEGABYTES.exec(text);
  if (megabytes) {
    const bytesDone = Number(megabytes[1]) * MIB;
    result.bytesDone = bytesDone;
    if (fraction > 0) result.bytesTotal = Math.round(bytesDone / fraction);
  }
  return result;
}

/** One observation of bytes done at a time, for rate estimation. */
export interface ByteSample {
  /** Milliseconds on any monotonic clock (performance.now()). */
  atMs: number;
  bytes: number;
}

/**
 * Bytes per second over the samples of the last `windowMs` milliseconds (default 10 s): the slope
 * between the oldest and newest sample in the window. Undefined with fewer than two samples or no
 * time between them. Pure.
 */
export function rateFromSamples(samples: readonly ByteSample[], windowMs = 10_000): number | undefined {
  const newest = samples[samples.length - 1];
  if (!newest) return undefined;
  const inWindow = samples.filter((sample) => newest.atMs - sample.atMs <= windowMs);
  const oldest = inWindow[0];
  if (!oldest || newest.atMs <= oldest.atMs) return undefined;
  return Math.max(0, ((newest.bytes - oldest.bytes) / (newest.atMs - oldest.atMs)) * 1000);
}

/**
 * Keeps recent download samples and adds a measured rate to each parsed report. web-llm reports
 * after each finished shard (tens of MB), so the rate updates per shard, not per byte.
 */
export class RateMeter {
  private samples: ByteSample[] = [];

  constructor(private readonly windowMs = 10_000) {}

  /** `progress` with rateBytesPerSecond added during the download phase; other phases reset the meter. */
  observe(progress: LoadProgress, atMs: number): LoadProgress {
    if (progress.phase !== "download" || progress.bytesDone === undefined) {
      if (progress.phase !== "download") this.samples = [];
      return progress;
    }
    this.samples.push({ atMs, bytes: progress.bytesDone });
    this.samples = this.samples.filter((sample) => atMs - sample.atMs <= this.windowMs * 2);
    const rate = rateFromSamples(this.samples, this.windowMs);
    return rate === undefined ? progress : { ...progress, rateBytesPerSecond: rate };
  }
}
