// Named, user-facing errors that survive worker boundaries: every failure a user can meet has a
// name, a stable code and a sentence telling them what to do.

/** Every error name Folio raises on purpose. Add new ones here, never ad hoc strings. */
export const ERROR_CODES = {
  EmptyFileError: "empty-file",
  UnsupportedTypeError: "unsupported-type",
  FileTooLargeError: "file-too-large",
  DamagedFileError: "damaged-file",
  PasswordRequiredError: "password-required",
  WrongPasswordError: "wrong-password",
  NoTextFoundError: "no-text-found",
  StorageQuotaError: "storage-quota",
  StorageError: "storage",
  DocumentNotFoundError: "document-not-found",
  InvalidRequestError: "invalid-request",
  CancelledError: "cancelled",
  ContextBudgetError: "context-budget",
  InsufficientMemoryError: "insufficient-memory",
  WebGPUUnavailableError: "webgpu-unavailable",
  GpuFeatureMissingError: "gpu-feature-missing",
  GpuDeviceLostError: "gpu-device-lost",
  ContextWindowExceededError: "context-window-exceeded",
  ModelDownloadError: "model-download",
  ModelNotFoundError: "model-not-found",
  ModelNotLoadedError: "model-not-loaded",
  ModelIntegrityError: "model-integrity",
  ModelRuntimeError: "model-runtime",
  InternalError: "internal",
} as const;

export type FolioErrorName = keyof typeof ERROR_CODES;

/** The plain-data form of a FolioError, safe to post between threads and to store. */
export interface SerializedError {
  name: FolioErrorName;
  code: string;
  message: string;
  hint: string;
}

export class FolioError extends Error {
  override readonly name: FolioErrorName;
  readonly code: string;
  /** What the user should do next, in one sentence. */
  readonly hint: string;

  constructor(name: FolioErrorName, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
    this.code = ERROR_CODES[name];
    this.hint = hint;
  }

  toJSON(): SerializedError {
    return { name: this.name, code: this.code, message: this.message, hint: this.hint };
  }
}

export function isFolioError(value: unknown): value is FolioError {
  return value instanceof FolioError;
}

function isSerializedError(value: unknown): value is SerializedError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.name === "string" &&
    candidate.name in ERROR_CODES &&
    typeof candidate.message === "string" &&
    typeof candidate.hint === "string"
  );
}

/** Turns anything thrown into a FolioError, keeping a known name and wrapping the unknown. */
export function toFolioError(error: unknown): FolioError {
  if (error instanceof FolioError) return error;
  if (isSerializedError(error)) return new FolioError(error.name, error.message, error.hint);
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new FolioError(
    "InternalError",
    `Something went wrong inside Folio (${message}).`,
    "Try again; if it keeps happening, reload the page.",
    { cause: error },
  );
}

export function serializeError(error: unknown): SerializedError {
  return toFolioError(error).toJSON();
}

export function deserializeError(data: SerializedError): FolioError {
  return new FolioError(data.name, data.message, data.hint);
}
