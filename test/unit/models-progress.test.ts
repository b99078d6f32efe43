// Parsing web-llm's init-progress text into bytes, phases and rates (src/core/models/progress.ts).
// The strings are built exactly as web-llm 0.2.86's tvmjs runtime and MLCEngine build them.
import { describe, expect, test } from "vitest";
import { MIB } from "../../src/core/models/bytes";
import { parseWebLlmProgress, RateMeter, rateFromSamples } from "../../src/core/models/progress";

// fetchTensorCacheInternal's download sentence, verbatim.
const FETCHING =
  "Fetching param cache[3/52]: 120MB fetched. 15% completed, 20 secs elapsed. " +
  "It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.";

describe("parseWebLlmProgress", () => {
  test("download: MB fetched, shards, seconds, and a total derived from the exact fraction", () => {
    const progress = parseWebLlmProgress({ progress: 0.15, timeElapsed: 20, text: FETCHING });
    expect(progress.phase).toBe("download");
    expect(progress.fraction).toBe(0.15);
    expect(progress.bytesDone).toBe(120 * MIB);
    expect(progress.bytesTotal).toBe(Math.round((120 * MIB) / 0.15));
    expect(progress.shardsDone).toBe(3);
    expect(progress.shardsTotal).toBe(52);
    expect(progress.secondsElapsed).toBe(20);
    expect(progress.text).toBe(FETCHING);
  });

  test("loading from cache to the GPU is the load phase, with MB loaded", () => {
    const text = "Loading model from cache[52/52]: 1840MB loaded. 100% completed, 7 secs elapsed.";
    const progress = parseWebLlmProgress({ progress: 1, timeElapsed: 7, text });
    expect(progress.phase).toBe("load");
    expect(progress.bytesDone).toBe(1840 * MIB);
    expect(progress.bytesTotal).toBe(1840 * MIB);
    expect(progress.shardsDone).toBe(52);
  });

  test("shader compilation is the compile phase, without bytes", () => {
    const text = "Loading GPU shader modules[12/40]: 30% completed, 1 secs elapsed.";
    const progress = parseWebLlmProgress({ progress: 0.3, timeElapsed: 1, text });
    expect(progress.phase).toBe("compile");
    expect(progress.fraction).toBe(0.3);
    expect(progress.bytesDone).toBeUndefined();
    expect(progress.bytesTotal).toBeUndefined();
    expect(progress.shardsTotal).toBe(40);
  });

  test("the start and finish sentences", () => {
    const start = parseWebLlmProgress({ progress: 0, timeElapsed: 0, text: "Start to fetch params" });
    expect(start).toMatchObject({ phase: "download", fraction: 0 });
    expect(start.bytesDone).toBeUndefined();
    const finish = parseWebLlmProgress({ progress: 1, timeElapsed: 31.4, text: "Finish loading on WebGPU - google" });
    expect(finish).toMatchObject({ phase: "compile", fraction: 1, secondsElapsed: 31.4 });
  });

  test("no total when nothing is done yet (no division by zero); fraction clamped; percent used when progress is NaN", () => {
    const zero = parseWebLlmProgress({ progress: 0, timeElapsed: 0, text: "Fetching param cache[0/52]: 0MB fetched. 0% completed, 0 secs elapsed." });
    expect(zero.bytesDone).toBe(0);
    expect(zero.bytesTotal).toBeUndefined();
    expect(parseWebLlmProgress({ progress: 1.2, timeElapsed: 0, text: "x" }).fraction).toBe(1);
    expect(parseWebLlmProgress({ progress: Number.NaN, timeElapsed: 0, text: FETCHING }).fraction).toBe(0.15);
  });
});

describe("rates", () => {
  test("rateFromSamples is the slope over the window", () => {
    expect(rateFromSamples([])).toBeUndefined();
    expect(rateFromSamples([{ atMs: 0, bytes: 0 }])).toBeUndefined();
    expect(rateFromSamples([{ atMs: 0, bytes: 0 }, { atMs: 2000, bytes: 20 * MIB }])).toBe(10 * MIB);
    // A sample older than the window is ignored.
    const rate = rateFromSamples([{ atMs: 0, bytes: 0 }, { atMs: 20_000, bytes: 100 * MIB }, { atMs: 22_000, bytes: 110 * MIB }], 5000);
    expect(rate).toBe(5 * MIB);
  });

  test("RateMeter adds a rate to download reports and resets on other phases", () => {
    const meter = new RateMeter();
    const at = (mb: number) => parseWebLlmProgress({ progress: mb / 1000, timeElapsed: 0, text: `Fetching param cache[1/9]: ${mb}MB fetched. 1% completed, 1 secs elapsed.` });
    expect(meter.observe(at(10), 0).rateBytesPerSecond).toBeUndefined();
    expect(meter.observe(at(30), 1000).rateBytesPerSecond).toBe(20 * MIB);
    const load = parseWebLlmProgress({ progress: 0.5, timeElapsed: 1, text: "Loading model from cache[1/9]: 30MB loaded. 50% completed, 1 secs elapsed." });
    expect(meter.observe(load, 2000).rateBytesPerSecond).toBeUndefined();
    expect(meter.observe(at(40), 3000).rateBytesPerSecond).toBeUndefined();
  });
});
