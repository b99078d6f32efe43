// web-llm error mapping (src/adapters/llm/web-llm-errors.ts): the texts web-llm 0.2.86 really
// produces (copied from its lib/index.js), as worker strings, Error objects and browser errors.
import { IntegrityError } from "@mlc-ai/web-llm";
import { describe, expect, test } from "vitest";
import { mapWebLlmError, WEB_LLM_ERROR_RULES } from "../../src/adapters/llm/web-llm-errors";
import { deserializeError, ERROR_CODES, FolioError, serializeError, type FolioErrorName } from "../../src/lib/errors";

/** [what arrives, the FolioError name, retryable, recompress] */
const CASES: Array<[string, unknown, FolioErrorName, boolean, boolean]> = [
  [
    "context window (worker string)",
    "ContextWindowSizeExceededError: Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096\nConsider shortening the prompt, or increase `context_window_size`, or using sliding window via `sliding_window_size`.",
    "ContextWindowExceededError", true, true,
  ],
  [
    "no WebGPU",
    "WebGPUNotAvailableError: WebGPU is not supported in your current environment, but it is necessary to run the WebLLM engine.",
    "WebGPUUnavailableError", false, false,
  ],
  ["WebGPU not found", "WebGPUNotFoundError: Cannot find WebGPU in the environment", "WebGPUUnavailableError", false, false],
  ["no adapter (plain Error from tvmjs)", new Error("Unable to find a compatible GPU. This issue might be because your computer doesn't have a GPU"), "WebGPUUnavailableError", false, false],
  [
    "device lost",
    "DeviceLostError: The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM).",
    "GpuDeviceLostError", true, false,
  ],
  ["device lost (log text only)", "Device was lost. This can happen due to insufficient memory or other GPU constraints.", "GpuDeviceLostError", true, false],
  ["GPU out of memory", "GPUOutOfMemoryError: Out of memory", "InsufficientMemoryError", false, false],
  ["wasm heap", new RangeError("Array buffer allocation failed"), "InsufficientMemoryError", false, false],
  ["storage quota (DOMException-like)", { name: "QuotaExceededError", message: "The quota has been exceeded." }, "StorageQuotaError", false, false],
  ["storage quota (string)", "QuotaExceededError: Failed to execute 'put' on 'IDBObjectStore'", "StorageQuotaError", false, false],
  ["network (Chrome)", new TypeError("Failed to fetch"), "ModelDownloadError", true, false],
  ["network (Firefox)", new TypeError("NetworkError when attempting to fetch resource."), "ModelDownloadError", true, false],
  ["network (tvmjs)", "Error: Cannot fetch https://example.org/model/params_shard_3.bin", "ModelDownloadError", true, false],
  [
    "model not in app config",
    "ModelNotFoundError: Cannot find model record in appConfig for Qwen3-9B. Please check if the model ID is correct and included in the model_list configuration.",
    "ModelNotFoundError", false, false,
  ],
  ["model lib missing (its name is MissingModelError)", "MissingModelError: Missing `model_lib` for the model with ID \"x\".", "ModelNotFoundError", false, false],
  [
    "shader-f16",
    'ShaderF16SupportError: This model requires WebGPU extension shader-f16, which is not enabled in this browser. You can try to launch Chrome Canary in command line with flag "--enable-dawn-features=allow_unsafe_apis".',
    "GpuFeatureMissingError", false, false,
  ],
  ["other feature", "FeatureSupportError: This model requires feature subgroups, which is not yet supported by this browser.", "GpuFeatureMissingError", false, false],
  ["not loaded", "WorkerEngineModelNotLoadedError: WebWorkerMLCEngine is not loaded with a model. Did you call `engine.reload()`?", "ModelNotLoadedError", true, false],
  ["aborted", { name: "AbortError", message: "The user aborted a request." }, "CancelledError", true, false],
  ["wrapped by an RPC layer as Error(message)", new Error("ContextWindowSizeExceededError: Prompt tokens exceed context window size: number of prompt tokens: 10; context window size: 8"), "ContextWindowExceededError", true, true],
];

describe("mapWebLlmError", () => {
  test.each(CASES)("%s", (_label, input, name, retryable, recompress) => {
    const mapped = mapWebLlmError(input);
    expect(mapped.error).toBeInstanceOf(FolioError);
    expect(mapped.error.name).toBe(name);
    expect(mapped.error.code).toBe(ERROR_CODES[name]);
    expect(mapped.error.hint.length).toBeGreaterThan(10);
    expect(mapped.retryable).toBe(retryable);
    expect(mapped.recompress).toBe(recompress);
    expect(mapped.error.cause).toBe(input);
    expect(mapped.original.length).toBeGreaterThan(0);
  });

  test("reads the sizes out of a context overflow", () => {
    const mapped = mapWebLlmError(CASES[0]![1]);
    expect(mapped).toMatchObject({ promptTokens: 5000, contextWindow: 4096, source: "ContextWindowSizeExceededError" });
    expect(mapped.error.message).toContain("5000");
    expect(mapped.error.message).toContain("4096");
  });

  test("the real IntegrityError class, as object and as worker string", () => {
    const error = new IntegrityError("https://example.org/a.bin", "sha256-a", "sha256-b");
    for (const input of [error, error.toString()]) {
      const mapped = mapWebLlmError(input);
      expect(mapped.error.name).toBe("ModelIntegrityError");
      expect(mapped.source).toBe("IntegrityError");
      expect(mapped.retryable).toBe(true);
    }
  });

  test("the name wins over words in the message (DeviceLostError mentions out of memory)", () => {
    const mapped = mapWebLlmError(CASES[4]![1]);
    expect(mapped.source).toBe("DeviceLostError");
  });

  test("an unknown error becomes ModelRuntimeError that keeps the original text", () => {
    const mapped = mapWebLlmError("GrammarMatcherInitError: something odd happened");
    expect(mapped.error.name).toBe("ModelRuntimeError");
    expect(mapped.error.message).toContain("GrammarMatcherInitError: something odd happened");
    expect(mapped.source).toBeNull();
    const huge = mapWebLlmError("x".repeat(5000));
    expect(huge.error.message.length).toBeLessThan(400);
    expect(huge.original).toHaveLength(5000);
    expect(mapWebLlmError(undefined).error.name).toBe("ModelRuntimeError");
    expect(mapWebLlmError(42).original).toBe("42");
  });

  test("a FolioError, or one rebuilt after crossing a worker, keeps its name and advice", () => {
    const first = mapWebLlmError(CASES[0]![1]);
    const again = mapWebLlmError(deserializeError(serializeError(first.error)));
    expect(again.error.name).toBe("ContextWindowExceededError");
    expect(again.recompress).toBe(true);
    const plain = mapWebLlmError(serializeError(first.error));
    expect(plain.error.name).toBe("ContextWindowExceededError");
    const storage = mapWebLlmError(new FolioError("StorageError", "disk", "hint"));
    expect(storage).toMatchObject({ retryable: false, recompress: false });
  });

  test("every rule names real FolioErrors and only one rule asks to recompress", () => {
    for (const rule of WEB_LLM_ERROR_RULES) expect(ERROR_CODES[rule.folio]).toBeTypeOf("string");
    expect(WEB_LLM_ERROR_RULES.filter((rule) => rule.recompress).map((rule) => rule.folio)).toEqual(["ContextWindowExceededError"]);
  });
});
