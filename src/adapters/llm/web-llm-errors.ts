// Turns web-llm's failures into named FolioErrors. Through a worker they arrive as strings such as
// "ContextWindowSizeExceededError: …" (only IntegrityError is exported), so match by name, then text.
import { ERROR_CODES, FolioError, isFolioError, toFolioError, type FolioErrorName } from "../../lib/errors";

export interface WebLlmErrorRule {
  /** The FolioError it becomes. */
  folio: FolioErrorName;
  /** web-llm class names (error.name) that select this rule; the names of web-llm 0.2.86's lib/error.ts. */
  names: readonly string[];
  /** Patterns of the text, for errors that lost their name (browser, tvmjs or fetch errors). */
  patterns: readonly RegExp[];
  message: string;
  hint: string;
  /** Whether trying the same action again can succeed (perhaps after the hint's step). */
  retryable: boolean;
  /** Whether to compress the evidence to a smaller budget and ask again. */
  recompress: boolean;
}

const rule = (
  folio: FolioErrorName,
  names: readonly string[],
  patterns: readonly RegExp[],
  message: string,
  hint: string,
  flags: { retryable: boolean; recompress?: boolean },
): WebLlmErrorRule => ({ folio, names, patterns, message, hint, retryable: flags.retryable, recompress: flags.recompress ?? false });

/** Rules in priority order: a name match anywhere wins over a text match; then the first text match. */
export const WEB_LLM_ERROR_RULES: readonly WebLlmErrorRule[] = [
  rule("CancelledError", ["AbortError"], [/operation was aborted|user aborted a request|signal is aborted/i],
    "The request was stopped.", "Ask again when you are ready.", { retryable: true }),
  rule("ContextWindowExceededError", ["ContextWindowSizeExceededError"], [/Prompt tokens exceed context window size/i],
    "The question and its evidence do not fit in what the model can read at once.",
    "Folio can compress the evidence further and ask again; a new conversation also frees room.",
    { retryable: true, recompress: true }),
  rule("GpuFeatureMissingError", ["ShaderF16SupportError"], [/shader-f16/i],
    "This model needs 16-bit GPU arithmetic (shader-f16), which this browser or GPU does not offer.",
    "Choose the q4f32 version of the model instead.", { retryable: false }),
  rule("GpuFeatureMissingError", ["FeatureSupportError"],
    [/requires feature .* not yet supported/i, /Cannot initialize runtime because of requested/i],
    "This GPU or browser lacks a feature or limit the model needs.",
    "Try another model, or an up-to-date Chrome or Edge.", { retryable: false }),
  rule("WebGPUUnavailableError", ["WebGPUNotAvailableError", "WebGPUNotFoundError"],
    [/WebGPU is not supported/i, /Cannot find WebGPU/i, /Unable to find a compatible GPU/i, /navigator\.gpu is undefined/i],
    "WebGPU is not available here, and the model needs it to run.",
    "Use a recent Chrome or Edge with hardware acceleration on; on Linux enable WebGPU in chrome://flags.",
    { retryable: false }),
  rule("GpuDeviceLostError", ["DeviceLostError"], [/device (?:was |is |has been )?lost/i],
    "The GPU stopped responding, most often because it ran out of memory.",
    "Load the model again; if it happens again, choose a smaller model or a shorter context window.",
    { retryable: true }),
  rule("InsufficientMemoryError", ["GPUOutOfMemoryError"],
    [/out of memory/i, /OutOfMemory/, /allocation failed/i, /Cannot allocate memory/i, /Failed to allocate/i],
    "There is not enough memory to load this model.",
    "Choose a smaller model or a shorter context window, or close other tabs and apps.", { retryable: false }),
  rule("StorageQuotaError", ["QuotaExceededError"],
    [/quota/i, /not enough (?:storage|space)/i, /disk is full/i, /NO_DEVICE_SPACE/],
    "The browser has no room left to store the model.",
    "Delete models you no longer need in Models, or free disk space, then download again.", { retryable: false }),
  rule("ModelIntegrityError", ["IntegrityError"], [/Integrity verification failed/i],
    "A downloaded model file is damaged or not the expected file.",
    "Delete the model in Models and download it again.", { retryable: true }),
  rule("ModelNotFoundError", ["ModelNotFoundError", "MissingModelError", "MissingModelWasmError"],
    [/Cannot find model record in appConfig/i, /Missing `model_lib`/i],
    "This model is not in Folio's model list.", "Pick a model from the list in Models.", { retryable: false }),
  rule("ModelNotLoadedError", ["ModelNotLoadedError", "WorkerEngineModelNotLoadedError", "EngineNotLoadedError"],
    [/not loaded with a model/i, /Model not loaded before/i],
    "No model is loaded.", "Load a model in Models, then ask again.", { retryable: true }),
  rule("ModelDownloadError", ["NetworkError"],
    [/Failed to fetch/i, /NetworkError/i, /Load failed/i, /Cannot fetch/i, /ERR_INTERNET_DISCONNECTED|ERR_NETWORK/, /network (?:error|connection)/i],
    "The model could not be downloaded: the network connection failed.",
    "Check your connection and try again; finished parts of the download are kept.", { retryable: true }),
];

/** What an error nobody recognised becomes; its original text is kept in the message. */
const FALLBACK = rule("ModelRuntimeError", [], [], "The model runtime failed", "Try again; if it keeps happening, reload the model.",
  { retryable: true });

export interface MappedLlmError {
  error: FolioError;
  /** The recognised web-llm or browser error name, e.g. "DeviceLostError"; null when unknown. */
  source: string | null;
  /** The original error text, "Name: message". */
  original: string;
  retryable: boolean;
  recompress: boolean;
  /** For a context overflow: the prompt size web-llm reported, in tokens. */
  promptTokens?: number;
  /** For a context overflow: the loaded context window web-llm reported, in tokens. */
  contextWindow?: number;
}

/** "Name: message" of anything thrown; a plain string is taken as is. */
function describe(error: unknown): string {
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (typeof message === "string") {
      return typeof name === "string" && name !== "" && name !== "Error" ? `${name}: ${message}` : message;
    }
  }
  return String(error);
}

/** The class name that leads the text ("Error: DeviceLostError: …" -> "DeviceLostError"), if any. */
function leadingName(text: string): string | null {
  const match = /^\s*(?:Uncaught\s+)?(?:Error:\s*)?([A-Z][A-Za-z0-9]*(?:Error|Exception))\b/.exec(text);
  return match?.[1] ?? null;
}

function findRule(text: string): { rule: WebLlmErrorRule; source: string | null } {
  const name = leadingName(text);
  const byName = name === null ? undefined : WEB_LLM_ERROR_RULES.find((r) => r.names.includes(name));
  if (byName) return { rule: byName, source: name };
  const byText = WEB_LLM_ERROR_RULES.find((r) => r.patterns.some((pattern) => pattern.test(text)));
  if (byText) return { rule: byText, source: name ?? byText.names[0] ?? null };
  return { rule: FALLBACK, source: null };
}

function flagsOf(name: FolioErrorName): { retryable: boolean; recompress: boolean } {
  const known = WEB_LLM_ERROR_RULES.find((r) => r.folio === name);
  return known ? { retryable: known.retryable, recompress: known.recompress } : { retryable: false, recompress: false };
}

/** A FolioError that crossed a thread as plain data (or a core error shaped like one). */
function isFolioShaped(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, hint } = error as { name?: unknown; hint?: unknown };
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(ERROR_CODES, name) && typeof hint === "string";
}

const MAX_ORIGINAL_IN_MESSAGE = 300;

/** Maps anything web-llm (or the browser under it) threw to a FolioError with retry advice. */
export function mapWebLlmError(error: unknown): MappedLlmError {
  // Already ours (perhaps rebuilt after crossing a worker): keep it, recover the advice from its name.
  if (isFolioError(error) || isFolioShaped(error)) {
    const folio = toFolioError(error);
    return { error: folio, source: null, original: folio.message, ...flagsOf(folio.name) };
  }
  const original = describe(error);
  const { rule: found, source } = findRule(original);
  let message = found.message;
  const mapped: Omit<MappedLlmError, "error"> = { source, original, retryable: found.retryable, recompress: found.recompress };
  if (found === FALLBACK) {
    const shown = original.length > MAX_ORIGINAL_IN_MESSAGE ? `${original.slice(0, MAX_ORIGINAL_IN_MESSAGE)}…` : original;
    message = `${found.message}: ${shown}`;
  }
  if (found.recompress) {
    const numbers = /prompt tokens:\s*(\d+)\s*;\s*context window size:\s*(\d+)/i.exec(original);
    if (numbers) {
      mapped.promptTokens = Number(numbers[1]);
      mapped.contextWindow = Number(numbers[2]);
      message = `The question and its evidence take ${mapped.promptTokens} tokens, more than the ${mapped.contextWindow} the model can read at once.`;
    }
  }
  return { error: new FolioError(found.folio, message, found.hint, { cause: error }), ...mapped };
}
